package data

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// refItem is an action item of the register as a test table spells it out.
type refItem struct {
	Ref     string
	Kind    ItemKind
	Due     string
	Warning Warning
}

func deadlines(t *testing.T, s *Store) []refItem {
	t.Helper()
	items, err := s.Deadlines()
	must(t, err)
	out := []refItem{}
	for _, it := range items {
		out = append(out, refItem{it.Reference, it.Kind, it.DueOn.String(), it.Warning})
	}
	return out
}

func checkDeadlines(t *testing.T, s *Store, want []refItem) {
	t.Helper()
	if got := deadlines(t, s); !reflect.DeepEqual(got, want) {
		t.Fatalf("Deadlines\n got %v\nwant %v", got, want)
	}
}

func TestStoreDeadlines(t *testing.T) {
	s := openStore(t, "2026-03-02") // a Monday
	contact := func(ref string, ct Contact) {
		t.Helper()
		_, err := s.AddContact(ref, ct)
		must(t, err)
	}

	a := mustCreate(t, s, complaint("A", "2026-02-25", false))
	b := mustCreate(t, s, complaint("B", "2026-02-02", true))
	c := mustCreate(t, s, complaint("C", "2026-02-16", true))
	must(t, s.Acknowledge(c, day("2026-02-17"), DeliveryEmail, "Ontvangst per e-mail bevestigd."))
	contact(c, Contact{On: day("2026-02-20"), Kind: ContactPhone, InfoRequested: "kopie factuur", InfoDueOn: day("2026-03-05")})
	d := mustCreate(t, s, complaint("D", "2026-02-03", true))
	must(t, s.Acknowledge(d, day("2026-02-05"), DeliveryEmail, "Ontvangst per e-mail bevestigd."))
	must(t, s.Extend(d, day("2026-03-31"), "deskundige"))
	e := mustCreate(t, s, complaint("E", "2026-02-10", true))
	must(t, s.Acknowledge(e, day("2026-02-11"), DeliveryEmail, "Ontvangst per e-mail bevestigd."))
	must(t, s.Resolve(e, Resolution{Verdict: VerdictUnfounded, Outcome: "uitgelegd", On: day("2026-02-27"), NoHearingReason: "niet van toepassing in deze test"}))
	f := mustCreate(t, s, complaint("F", "2026-02-04", true))
	must(t, s.Withdraw(f, Date{}, ""))
	reach(t, s, StatusClosed)
	g := mustCreate(t, s, complaint("G", "2026-02-04", true)) // withdrawn and confirmed: nothing due
	must(t, s.Withdraw(g, Date{}, ""))
	sendLetter(t, s, g, LetterWithdrawal, Date{}, DeliveryPost)

	checkDeadlines(t, s, []refItem{
		{b, ItemAcknowledge, "2026-02-09", WarningOverdue},
		{b, ItemResolve, "2026-03-02", WarningDueSoon},
		{a, ItemSettleInformal, "2026-03-04", WarningDueSoon},
		{c, ItemChaseInformation, "2026-03-05", WarningDueSoon},
		{d, ItemProgressLetter, "2026-03-05", WarningOK}, // three working days after today's extension: due soon on the last
		{e, ItemOutcomeLetter, "2026-03-06", WarningOK},  // a week from 27 February: due soon from 4 March
		{f, ItemWithdrawalLetter, "2026-03-09", WarningOK},
		{c, ItemResolve, "2026-03-16", WarningOK},
		{d, ItemResolve, "2026-03-31", WarningOK},
	})

	// A call is no progress letter; a written contact is no outcome letter marked sent.
	contact(d, Contact{Kind: ContactPhone, Note: "gebeld over vertraging"})
	contact(e, Contact{On: day("2026-03-01"), Kind: ContactLetter, Note: "uitkomst besproken"})
	wantErr(t, s.InformationReceived(b, Date{}, ""), ErrConflict) // nothing asked of B
	got := deadlines(t, s)
	for _, want := range []refItem{{d, ItemProgressLetter, "2026-03-05", WarningOK}, {e, ItemOutcomeLetter, "2026-03-06", WarningOK},
		{c, ItemChaseInformation, "2026-03-05", WarningDueSoon}} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %v in %v", want, got)
		}
	}

	must(t, s.Acknowledge(b, Date{}, DeliveryEmail, "Ontvangst per e-mail bevestigd."))
	must(t, s.InformationReceived(c, day("2026-03-01"), ""))
	sendLetter(t, s, d, LetterProgress, Date{}, DeliveryEmail)
	sendLetter(t, s, e, LetterOutcome, Date{}, DeliveryEmail)
	sendLetter(t, s, f, LetterWithdrawal, Date{}, DeliveryPost)
	setToday(s, "2026-03-03")
	checkDeadlines(t, s, []refItem{
		{b, ItemResolve, "2026-03-02", WarningOverdue},
		{a, ItemSettleInformal, "2026-03-04", WarningDueSoon},
		{c, ItemResolve, "2026-03-16", WarningOK},
		{d, ItemProgressUpdate, "2026-03-16", WarningOK}, // 14 days after the progress letter
		{d, ItemResolve, "2026-03-31", WarningOK},
	})
	cts, err := s.Contacts(c)
	must(t, err)
	if len(cts) != 1 || cts[0].InfoReceivedOn != day("2026-03-01") {
		t.Errorf("contacts of %s: %+v", c, cts)
	}

	must(t, s.SetSettings(map[string]string{"warning_days": "0", "progress_interval_days": "30"}))
	checkDeadlines(t, s, []refItem{
		{b, ItemResolve, "2026-03-02", WarningOverdue},
		{a, ItemSettleInformal, "2026-03-04", WarningOK},
		{c, ItemResolve, "2026-03-16", WarningOK},
		{d, ItemResolve, "2026-03-31", WarningOK},
		{d, ItemProgressUpdate, "2026-04-01", WarningOK},
	})
}

func TestInformationRequests(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := reach(t, s, StatusAcknowledged)
	for _, ct := range []Contact{
		{Kind: ContactEmail, InfoRequested: "foto's"},                               // no date
		{Kind: ContactEmail, Note: "x", InfoDueOn: day("2026-03-09")},               // date without request
		{Kind: ContactEmail, InfoRequested: "foto's", InfoDueOn: day("2026-03-02")}, // not after the contact
		{Kind: "fax", Note: "x"},                                                    // unknown kind
		{Kind: ContactEmail},                                                        // nothing said
		{On: day("2026-03-03"), Kind: ContactEmail, Note: "x"},                      // future
		{On: day("2026-02-01"), Kind: ContactEmail, Note: "x"},                      // before receipt
	} {
		if _, err := s.AddContact(ref, ct); !errors.Is(err, ErrInvalid) {
			t.Errorf("AddContact(%+v) error = %v, want ErrInvalid", ct, err)
		}
	}
	for _, due := range []string{"2026-03-09", "2026-03-12"} {
		_, err := s.AddContact(ref, Contact{Kind: ContactEmail, InfoRequested: "stukken", InfoDueOn: day(due)})
		must(t, err)
	}
	var chases []string
	for _, it := range deadlines(t, s) {
		if it.Kind == ItemChaseInformation {
			chases = append(chases, it.Due)
		}
	}
	if !reflect.DeepEqual(chases, []string{"2026-03-09", "2026-03-12"}) {
		t.Fatalf("chase items due %v", chases)
	}
	must(t, s.InformationReceived(ref, Date{}, ""))
	for _, it := range deadlines(t, s) {
		if it.Kind == ItemChaseInformation {
			t.Errorf("chase item left after InformationReceived: %v", it)
		}
	}
	wantErr(t, s.InformationReceived(ref, Date{}, ""), ErrConflict)
}

func TestListFilters(t *testing.T) {
	s := openStore(t, "2026-03-02")
	old := mustCreate(t, s, complaint("Oud", "2025-12-30", false))
	late := mustCreate(t, s, complaint("Laat", "2026-02-02", true)) // acknowledgement overdue
	done := reach(t, s, StatusClosed)
	open := mustCreate(t, s, complaint("Nieuw", "2026-03-01", true))

	tests := []struct {
		name string
		f    Filter
		want []string
	}{
		{"all, newest first", Filter{}, []string{open, done, late, old}},
		{"year", Filter{Year: 2025}, []string{old}},
		{"status", Filter{Status: StatusReceived}, []string{open, late}},
		{"open", Filter{Active: true}, []string{open, late, old}},
		{"overdue", Filter{Overdue: true}, []string{late, old}}, // the informal one was due 6 January
		{"page", Filter{Limit: 2, Offset: 1}, []string{done, late}},
	}
	for _, tt := range tests {
		listed, err := s.List(tt.f)
		must(t, err)
		var got []string
		for _, l := range listed {
			got = append(got, l.Reference)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
	_, err := s.List(Filter{Status: "open"})
	wantErr(t, err, ErrInvalid)
}

// TestPagesAfterAComplaint pages through the register in every sort that allows it, each page
// starting after the last complaint of the one before, and finds the same order as one list:
// equal dates, names that differ only in case and equal statuses included.
func TestPagesAfterAComplaint(t *testing.T) {
	s := openStore(t, "2026-11-30")
	names := []string{"Jansen", "jansen", "Bakker", "Çelik", "bakker", "Zoë van 't Hoff", "JANSEN", "de Vries"}
	for i := range 13 {
		c := complaint(names[i%len(names)], fmt.Sprintf("2026-11-%02d", 1+i%4), i%3 > 0)
		c.Summary = []string{"Factuur", "factuur", "Wachttijd"}[i%3]
		mustCreate(t, s, c)
	}
	for _, sort := range []SortKey{"", SortReceived, SortReference, SortComplainant, SortSummary, SortHandler, SortStatus} {
		for _, desc := range []bool{false, true} {
			all, err := s.List(Filter{Sort: sort, Descending: desc})
			must(t, err)
			var paged []string
			for f := (Filter{Sort: sort, Descending: desc, Limit: 4}); ; {
				page, err := s.List(f)
				must(t, err)
				for _, l := range page {
					paged = append(paged, l.Reference)
				}
				if len(page) < f.Limit {
					break
				}
				f.After = page[len(page)-1].ID
			}
			var want []string
			for _, l := range all {
				want = append(want, l.Reference)
			}
			if !slices.Equal(paged, want) {
				t.Errorf("sort %q descending %v: paged %v, want %v", sort, desc, paged, want)
			}
		}
	}
	_, err := s.List(Filter{Sort: SortDue, Limit: 4, After: 1})
	if !isInputError(err) {
		t.Errorf("paging after a complaint by target date: %v, want refused", err)
	}
	if n, err := s.Count(Filter{Limit: 4, After: 3}); err != nil || n != 13 {
		t.Errorf("count %d (%v), want all 13", n, err)
	}
}

// TestRegisterSortsStatusesInProcedureOrder: sorted by status, the register follows the
// procedure (informal first, withdrawn last), not the alphabet of the statuses' names, and
// each status is found again by the filter that asks for its place in that order.
func TestRegisterSortsStatusesInProcedureOrder(t *testing.T) {
	s := openStore(t, "2026-03-02")
	byStatus := map[Status]string{}
	for _, st := range []Status{StatusWithdrawn, StatusAcknowledged, StatusClosed, StatusInformal, StatusResolved, StatusExtended, StatusReceived} {
		byStatus[st] = reach(t, s, st)
	}
	for _, desc := range []bool{false, true} {
		listed, err := s.List(Filter{Sort: SortStatus, Descending: desc})
		must(t, err)
		var got []Status
		for _, l := range listed {
			got = append(got, l.Status)
		}
		want := slices.Clone(Statuses)
		if desc {
			slices.Reverse(want)
		}
		if !slices.Equal(got, want) {
			t.Errorf("sorted by status (descending %v): %v, want %v", desc, got, want)
		}
	}
	for _, st := range Statuses {
		listed, err := s.RegisterRows(Filter{Status: st})
		must(t, err)
		if len(listed) != 1 || listed[0].Reference != byStatus[st] {
			t.Errorf("filter %s: %d rows, want only %s", st, len(listed), byStatus[st])
		}
	}
}

// TestStatusRankIsTheProcedureOrder ties the three places that know the procedure's order
// together: Statuses, the SQL the register sorts and filters by, and the index of migration
// 0017, whose expression must be the same for SQLite to use it.
func TestStatusRankIsTheProcedureOrder(t *testing.T) {
	s := openStore(t, "2026-03-02")
	for _, st := range Statuses {
		var got int
		must(t, s.r.QueryRow(`SELECT `+statusRankSQL+` FROM (SELECT ? AS status) c`, st).Scan(&got))
		if got != st.rank() {
			t.Errorf("%s: place %d in SQL, %d in Statuses", st, got, st.rank())
		}
	}
	var index string
	must(t, s.r.QueryRow(`SELECT sql FROM sqlite_master WHERE name = 'complaints_status_rank'`).Scan(&index))
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	if want := flat(strings.ReplaceAll(statusRankSQL, "c.status", "status")); !strings.Contains(flat(index), want) {
		t.Errorf("the status index is on\n%s\nnot on the register's\n%s", flat(index), want)
	}
}

// TestRegisterSortsComplainantsBySurname: sorted by complainant, the register follows the
// surname without its tussenvoegsel and without accents, as a practice files its clients, with
// the full name after it. Before, it sorted by the full name: "Anouk Bakker" before "Zoë van 't
// Hoff" only because A comes before Z, and "Çelik" after every Z. The index of migration 0019
// holds the register's very expression, or SQLite reads the whole register to sort it.
func TestRegisterSortsComplainantsBySurname(t *testing.T) {
	s := openStore(t, "2026-11-30")
	for i, name := range []string{"Zoë van 't Hoff", "Sjoerd Bos", "Karim el-Amrani", "Ĳsbrand Ĳzerman", "Jan De Smet", "ayşe el amrani",
		"Mehmet Çelik", "Pieter-Bas de Boer", "Daan Bakker", "Anouk Bakker"} {
		mustCreate(t, s, complaint(name, fmt.Sprintf("2026-11-%02d", i+1), true))
	}
	want := []string{"ayşe el amrani", "Karim el-Amrani", "Anouk Bakker", "Daan Bakker", "Pieter-Bas de Boer", "Sjoerd Bos",
		"Mehmet Çelik", "Jan De Smet", "Zoë van 't Hoff", "Ĳsbrand Ĳzerman"}
	for _, desc := range []bool{false, true} {
		listed, err := s.List(Filter{Sort: SortComplainant, Descending: desc})
		must(t, err)
		var got []string
		for _, l := range listed {
			got = append(got, l.Complainant.Name)
		}
		if desc {
			slices.Reverse(got)
		}
		if !slices.Equal(got, want) {
			t.Errorf("sorted by complainant (descending %v): %q, want %q", desc, got, want)
		}
	}
	var index string
	must(t, s.r.QueryRow(`SELECT sql FROM sqlite_master WHERE name = 'complaints_complainant'`).Scan(&index))
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	if want := flat(strings.ReplaceAll(surnameKeySQL, "c.", "")); !strings.Contains(flat(index), want) {
		t.Errorf("the complainant index is on\n%s\nnot on the register's\n%s", flat(index), want)
	}
}

// TestSurnameKey: the tussenvoegsel in lower case is left out whichever apostrophe it is
// typed with; one written with a capital after a first name stays (a Belgian name); a
// complaint without a surname (registered before migration 0009) sorts by the surname in its
// name. These keys are stored in the complainant index: they may never change (surnameKeyFunc).
func TestSurnameKey(t *testing.T) {
	for _, tt := range []struct{ surname, name, want string }{
		{"van ‘t Hof", "Els van ‘t Hof", "hof\x01els van ‘t hof"},
		{"van ’t Hof", "Els van ’t Hof", "hof\x01els van ’t hof"},
		{"De Smet", "Jan De Smet", "de smet\x01jan de smet"},
		{"De Vries", "De Vries", "vries\x01de vries"}, // alone: Dutch, under V
		{"el-Amrani", "Karim el-Amrani", "amrani\x01karim el-amrani"},
		{"Ĳzerman", "Ĳsbrand Ĳzerman", "ijzerman\x01ijsbrand ijzerman"},
		{"Øztürk", "ÇAĞLA ØZTÜRK", "ozturk\x01cagla ozturk"},
		{"", "mevrouw Jansen", "jansen\x01mevrouw jansen"},
		{"", "Pieter-Bas van den Berg", "berg\x01pieter-bas van den berg"},
		{"", "", "\x01"},
		{"van", "Kees van", "van\x01kees van"}, // a surname that is only a particle stays
	} {
		if got := surnameKey(tt.surname, tt.name); got != tt.want {
			t.Errorf("surnameKey(%q, %q) = %q, want %q", tt.surname, tt.name, got, tt.want)
		}
	}
}

// TestActiveListsOnlyRecentWithdrawals: the register's active filter lists a withdrawn formal
// complaint while its confirmation is asked for, 90 days after the withdrawal, and not a
// withdrawal of long ago, in List and Count as in Vandaag. List and Count counted every
// withdrawal without its letter, as they left the day to the caller.
func TestActiveListsOnlyRecentWithdrawals(t *testing.T) {
	s := openStore(t, "2026-11-30")
	old := mustCreate(t, s, complaint("Oud", "2026-01-05", true))
	must(t, s.Withdraw(old, day("2026-02-01"), "opgelost"))
	recent := mustCreate(t, s, complaint("Recent", "2026-11-02", true))
	must(t, s.Withdraw(recent, day("2026-11-20"), "opgelost"))
	listed, err := s.List(Filter{Active: true})
	must(t, err)
	if len(listed) != 1 || listed[0].Reference != recent {
		var got []string
		for _, l := range listed {
			got = append(got, l.Reference)
		}
		t.Errorf("active: %v, want only %s", got, recent)
	}
	if n, err := s.Count(Filter{Active: true}); err != nil || n != 1 {
		t.Errorf("active count %d (%v), want 1", n, err)
	}
}
