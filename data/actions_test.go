package data

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
)

// item is the part of an ActionItem a test table spells out.
type item struct {
	Kind    ItemKind
	Due     string
	Warning Warning
}

func (i item) String() string { return fmt.Sprintf("%s %s %s", i.Kind, i.Due, i.Warning) }

func itemsOf(items []ActionItem) []item {
	out := []item{}
	for _, it := range items {
		out = append(out, item{it.Kind, it.DueOn.String(), it.Warning})
	}
	return out
}

func TestActionItems(t *testing.T) {
	today := day("2026-03-02")
	base := Complaint{ID: 7, Reference: "K-2026-0007", ReceivedOn: day("2026-02-02"), Complainant: Complainant{Name: "Çelik"}}
	facts := func(st Status, formal bool, f func(*Facts)) Facts {
		x := Facts{Complaint: base}
		x.Status, x.Formal = st, formal
		if f != nil {
			f(&x)
		}
		return x
	}
	tests := []struct {
		name  string
		facts Facts
		set   Settings
		want  []item
	}{
		{"informal", facts(StatusInformal, false, func(f *Facts) { f.ReceivedOn = day("2026-02-25") }), nil,
			[]item{{ItemSettleInformal, "2026-03-04", WarningDueSoon}}},
		{"received", facts(StatusReceived, true, func(f *Facts) { f.AckDueOn, f.DueOn = day("2026-02-27"), day("2026-03-20") }), nil,
			[]item{{ItemAcknowledge, "2026-02-27", WarningOverdue}, {ItemResolve, "2026-03-20", WarningOK}}},
		{"acknowledged", facts(StatusAcknowledged, true, func(f *Facts) { f.DueOn = day("2026-03-05") }), nil,
			[]item{{ItemResolve, "2026-03-05", WarningDueSoon}}},
		{"extended, no letter yet", facts(StatusExtended, true, func(f *Facts) {
			f.Notices, f.DueOn = []Notice{{ExtendedOn: day("2026-02-26")}}, day("2026-04-15")
		}), nil, []item{{ItemProgressLetter, "2026-03-03", WarningDueSoon}, {ItemResolve, "2026-04-15", WarningOK}}},
		{"extended twice, neither letter sent: each keeps its own date", facts(StatusExtended, true, func(f *Facts) {
			f.Notices, f.DueOn = []Notice{{ExtendedOn: day("2026-02-16")}, {ExtendedOn: day("2026-02-26")}}, day("2026-04-15")
		}), nil, []item{{ItemProgressLetter, "2026-02-19", WarningOverdue}, {ItemProgressLetter, "2026-03-03", WarningDueSoon},
			{ItemResolve, "2026-04-15", WarningOK}}},
		{"extended twice, first letter sent", facts(StatusExtended, true, func(f *Facts) {
			f.Notices = []Notice{{ExtendedOn: day("2026-02-16"), SentOn: day("2026-02-17")}, {ExtendedOn: day("2026-02-26")}}
			f.DueOn, f.LastWrittenOn, f.LastContactOn = day("2026-04-15"), day("2026-02-17"), day("2026-02-17")
		}), settingsWith(KeyProgressLetterDays, "5"), []item{{ItemProgressLetter, "2026-03-05", WarningDueSoon}, {ItemResolve, "2026-04-15", WarningOK}}},
		{"extended, letter on the day of extension", facts(StatusExtended, true, func(f *Facts) {
			f.Notices, f.DueOn = []Notice{{ExtendedOn: day("2026-02-26"), SentOn: day("2026-02-26")}}, day("2026-04-15")
			f.LastWrittenOn, f.LastContactOn = day("2026-02-26"), day("2026-02-26")
		}), nil, []item{{ItemProgressUpdate, "2026-03-12", WarningOK}, {ItemResolve, "2026-04-15", WarningOK}}},
		{"extended, call after the letter", facts(StatusExtended, true, func(f *Facts) {
			f.Notices, f.DueOn = []Notice{{ExtendedOn: day("2026-02-26"), SentOn: day("2026-02-26")}}, day("2026-04-15")
			f.LastWrittenOn, f.LastContactOn = day("2026-02-26"), day("2026-03-01")
		}), nil, []item{{ItemProgressUpdate, "2026-03-16", WarningOK}, {ItemResolve, "2026-04-15", WarningOK}}}, // 15 March is a Sunday
		{"extended, other interval", facts(StatusExtended, true, func(f *Facts) {
			f.Notices, f.DueOn = []Notice{{ExtendedOn: day("2026-02-16"), SentOn: day("2026-02-16")}}, day("2026-04-15")
			f.LastWrittenOn, f.LastContactOn = day("2026-02-16"), day("2026-02-16")
		}), settingsWith("progress_interval_days", "7", "warning_days", "0"),
			[]item{{ItemProgressUpdate, "2026-02-23", WarningOverdue}, {ItemResolve, "2026-04-15", WarningOK}}},
		{"resolved formal, no letter", facts(StatusResolved, true, func(f *Facts) {
			f.ResolvedOn, f.LastWrittenOn = day("2026-02-27"), day("2026-02-26")
		}), nil, []item{{ItemOutcomeLetter, "2026-03-06", WarningOK}}}, // a week from 27 February: due soon from 4 March
		{"resolved formal, written contact only", facts(StatusResolved, true, func(f *Facts) {
			f.ResolvedOn, f.LastWrittenOn = day("2026-02-27"), day("2026-02-28")
		}), nil, []item{{ItemOutcomeLetter, "2026-03-06", WarningOK}}},
		{"resolved formal, outcome letter sent", facts(StatusResolved, true, func(f *Facts) {
			f.ResolvedOn, f.LastWrittenOn, f.OutcomeSentOn = day("2026-02-27"), day("2026-02-27"), day("2026-02-27")
		}), nil, []item{}},
		{"resolved informal", facts(StatusResolved, false, func(f *Facts) { f.ResolvedOn = day("2026-02-27") }), nil, []item{}},
		{"information expected", facts(StatusAcknowledged, true, func(f *Facts) {
			f.DueOn, f.InfoExpected = day("2026-03-20"), []Date{day("2026-03-01"), day("2026-03-10")}
		}), nil, []item{{ItemResolve, "2026-03-20", WarningOK}, {ItemChaseInformation, "2026-03-01", WarningOverdue},
			{ItemChaseInformation, "2026-03-10", WarningOK}}},
		{"informal, information expected", facts(StatusInformal, false, func(f *Facts) {
			f.ReceivedOn, f.InfoExpected = day("2026-03-01"), []Date{day("2026-03-05")}
		}), nil, []item{{ItemSettleInformal, "2026-03-09", WarningOK}, {ItemChaseInformation, "2026-03-05", WarningDueSoon}}},
		{"closed", facts(StatusClosed, true, func(f *Facts) { f.InfoExpected = []Date{day("2026-03-01")} }), nil, []item{}},
		{"withdrawn, confirmed", facts(StatusWithdrawn, true, func(f *Facts) {
			f.DueOn, f.AckDueOn, f.InfoExpected = day("2026-03-01"), day("2026-02-01"), []Date{day("2026-03-01")}
			f.WithdrawnOn, f.WithdrawnSent = day("2026-02-27"), true
		}), nil, []item{}},
		{"withdrawn formal, not confirmed in writing", facts(StatusWithdrawn, true, func(f *Facts) {
			f.DueOn, f.InfoExpected, f.WithdrawnOn = day("2026-03-01"), []Date{day("2026-03-01")}, day("2026-02-27")
		}), nil, []item{{ItemWithdrawalLetter, "2026-03-06", WarningOK}}}, // a week, as the outcome letter
		{"withdrawn informal", facts(StatusWithdrawn, false, func(f *Facts) { f.WithdrawnOn = day("2026-02-27") }), nil, []item{}},
		{"withdrawn, imported", facts(StatusWithdrawn, true, func(f *Facts) {
			f.WithdrawnOn, f.ImportedFrom = day("2025-02-27"), "oud-register.xlsx"
		}), nil, []item{}},
		{"withdrawn, anonymised", facts(StatusWithdrawn, true, func(f *Facts) {
			f.WithdrawnOn, f.AnonymisedOn = day("2024-02-27"), day("2026-03-01")
		}), nil, []item{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := tt.set
			if set == nil {
				set = DefaultSettings()
			}
			items := ActionItems(tt.facts, today, set)
			if got := itemsOf(items); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("items\n got %v\nwant %v", got, tt.want)
			}
			for _, it := range items {
				if it.Reference != "K-2026-0007" || it.ComplaintID != 7 || it.Complainant != "Çelik" ||
					it.Label != it.Kind.Label() || it.Label == "" || it.DaysLeft != today.DaysUntil(it.DueOn) {
					t.Errorf("item fields: %+v", it)
				}
			}
		})
	}
}

func TestSortItemsAndWorstWarning(t *testing.T) {
	items := []ActionItem{
		{Reference: "K-2026-0003", DueOn: day("2026-03-20"), Warning: WarningOK},
		{Reference: "K-2026-0002", DueOn: day("2026-03-05"), Warning: WarningDueSoon},
		{Reference: "K-2026-0009", DueOn: day("2026-03-01"), Warning: WarningOverdue},
		{Reference: "K-2026-0001", DueOn: day("2026-03-01"), Warning: WarningOverdue},
		{Reference: "K-2026-0004", DueOn: day("2026-03-04"), Warning: WarningDueSoon},
		// Severity comes before the date, even when a warning setting made them disagree.
		{Reference: "K-2026-0005", DueOn: day("2026-03-30"), Warning: WarningOverdue},
		{Reference: "K-2025-0100", DueOn: day("2026-02-01"), Warning: WarningOK},
	}
	if w := WorstWarning(items[:2]); w != WarningDueSoon {
		t.Errorf("WorstWarning = %s, want due_soon", w)
	}
	if w := WorstWarning(items); w != WarningOverdue {
		t.Errorf("WorstWarning = %s, want overdue", w)
	}
	if w := WorstWarning(nil); w != "" {
		t.Errorf("WorstWarning(nil) = %q, want empty", w)
	}
	if w := WorstWarning(items[:1]); w != WarningOK {
		t.Errorf("WorstWarning(ok) = %q", w)
	}
	SortItems(items)
	var got []string
	for _, it := range items {
		got = append(got, it.Reference)
	}
	want := []string{"K-2026-0001", "K-2026-0009", "K-2026-0005", "K-2026-0004", "K-2026-0002", "K-2025-0100", "K-2026-0003"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sorted %v, want %v", got, want)
	}
}

func TestActionItemWhen(t *testing.T) {
	for n, want := range map[int]string{0: "vandaag", -1: "1 dag te laat", -3: "3 dagen te laat", 1: "morgen", 5: "nog 5 dagen"} {
		if got := (ActionItem{DaysLeft: n}).When(); got != want {
			t.Errorf("When(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestNoticeBreach: a late extension or a notice sent late or not at all stays a breach.
func TestNoticeBreach(t *testing.T) {
	set, today := DefaultSettings(), day("2026-03-02")
	tests := []struct {
		name   string
		notice Notice
		want   BreachKind
	}{
		{"sent in time", Notice{ExtendedOn: day("2026-02-23"), SentOn: day("2026-02-26")}, ""},
		{"sent a day late, for good", Notice{ExtendedOn: day("2026-02-23"), SentOn: day("2026-02-27")}, BreachLateNotice},
		{"not sent, still in time", Notice{ExtendedOn: day("2026-02-26")}, ""},
		{"not sent, past due", Notice{ExtendedOn: day("2026-02-20")}, BreachNoNotice},
		{"extension after the target passed", Notice{ExtendedOn: day("2026-02-23"), Late: true, SentOn: day("2026-02-23")}, BreachLateExtension},
	}
	for _, tt := range tests {
		if got := tt.notice.Breach(today, set); got != tt.want {
			t.Errorf("%s: breach %q, want %q (due %s)", tt.name, got, tt.want, tt.notice.DueOn(set))
		}
	}
	f := Facts{Notices: []Notice{tests[0].notice, tests[1].notice, tests[4].notice}}
	if got := f.Breaches(today, set); len(got) != 2 || got[0].Kind != BreachLateNotice || got[1].Kind != BreachLateExtension {
		t.Errorf("Breaches = %v, want a late notice and a late extension", got)
	}
}

// TestWithdrawalToConfirm: a withdrawn formal complaint owes the written confirmation of its
// withdrawal, in Vandaag, in the deadlines and in its file alike, until the withdrawal letter
// is marked sent.
func TestWithdrawalToConfirm(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := mustCreate(t, s, complaint("Çelik", "2026-02-02", true))
	informal := mustCreate(t, s, complaint("Jansen", "2026-02-02", false))
	must(t, s.Withdraw(ref, day("2026-02-27"), ""))
	must(t, s.Withdraw(informal, day("2026-02-27"), ""))
	due := func() (overview, file []item) {
		t.Helper()
		_, items, err := s.Overview()
		must(t, err)
		f, err := s.File(ref)
		must(t, err)
		return itemsOf(items), itemsOf(f.Items)
	}
	want := []item{{ItemWithdrawalLetter, "2026-03-06", WarningOK}}
	if overview, file := due(); !reflect.DeepEqual(overview, want) || !reflect.DeepEqual(file, want) {
		t.Fatalf("withdrawn, not confirmed: Vandaag %v, file %v; want %v", overview, file, want)
	}
	if deadlines, err := s.Deadlines(); err != nil || !reflect.DeepEqual(itemsOf(deadlines), want) {
		t.Fatalf("deadlines %v (%v)", itemsOf(deadlines), err)
	}
	rows, err := s.List(Filter{})
	must(t, err)
	for _, r := range rows { // the register's rows, read with fewer columns, say the same
		w := []item{}
		if r.Reference == ref {
			w = want
		}
		if got := itemsOf(r.Items); !reflect.DeepEqual(got, w) {
			t.Errorf("register row %s: %v, want %v", r.Reference, got, w)
		}
	}
	sendLetter(t, s, ref, LetterWithdrawal, Date{}, DeliveryPost)
	if overview, file := due(); len(overview) != 0 || len(file) != 0 {
		t.Fatalf("after the withdrawal letter was sent: Vandaag %v, file %v", overview, file)
	}
}

// TestWithdrawalToConfirmForNinetyDays: the confirmation of a withdrawal is asked for until 90
// days after it, in Vandaag and in the file alike; the withdrawals of the years before the app
// asked for it do not fill Vandaag.
func TestWithdrawalToConfirmForNinetyDays(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := mustCreate(t, s, complaint("Çelik", "2026-02-02", true))
	must(t, s.Withdraw(ref, day("2026-02-27"), ""))
	for today, listed := range map[string]bool{"2026-05-28": true, "2026-05-29": false} {
		setToday(s, today)
		_, items, err := s.Overview()
		must(t, err)
		f, err := s.File(ref)
		must(t, err)
		if got := len(items) == 1 && len(f.Items) == 1; got != listed || len(items) != len(f.Items) {
			t.Errorf("%s: Vandaag %v, file %v; want listed %v", today, itemsOf(items), itemsOf(f.Items), listed)
		}
	}
}

// TestVandaagCountsRunningFiles: Vandaag's "lopend" counts a file until it closes, also once
// its outcome is decided and the outcome letter is still due (it said "lopend 0" beside that
// letter's item); a withdrawn complaint no longer counts, closed files neither.
func TestVandaagCountsRunningFiles(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := mustCreate(t, s, complaint("Çelik", "2026-02-02", true))
	withdrawn := mustCreate(t, s, complaint("Jansen", "2026-02-02", true))
	must(t, s.Withdraw(withdrawn, day("2026-02-27"), ""))
	must(t, s.Acknowledge(ref, day("2026-02-03"), DeliveryEmail, "Ontvangst per e-mail bevestigd."))
	must(t, s.Resolve(ref, Resolution{Verdict: VerdictUnfounded, Outcome: "uitgelegd", On: day("2026-02-27"), NoHearingReason: "niet van toepassing in deze test"}))
	sum, items, err := s.Overview()
	must(t, err)
	if sum.Open != 1 || !slices.ContainsFunc(items, func(it ActionItem) bool { return it.Kind == ItemOutcomeLetter && it.Reference == ref }) {
		t.Fatalf("resolved, outcome letter due: lopend %d, items %v; want 1 and the outcome letter", sum.Open, itemsOf(items))
	}
	sendLetter(t, s, ref, LetterOutcome, Date{}, DeliveryPost)
	must(t, s.CloseComplaint(ref))
	if sum, _, err := s.Overview(); err != nil || sum.Open != 0 {
		t.Fatalf("closed: lopend %d (%v), want 0", sum.Open, err)
	}
}

// TestProgressUpdateCountsWhenDue: Vandaag's "voortgangsbericht nodig" counts a progress
// letter owed at once, and the routine update of an extended complaint only once it is due
// soon or overdue: right after the progress letter went out it said 1 for an update due in
// two weeks.
func TestProgressUpdateCountsWhenDue(t *testing.T) {
	items := []ActionItem{{Kind: ItemProgressLetter, Warning: WarningOK}, {Kind: ItemProgressUpdate, Warning: WarningOK},
		{Kind: ItemProgressUpdate, Warning: WarningDueSoon}, {Kind: ItemProgressUpdate, Warning: WarningOverdue}}
	if got := CountOverview(0, items).AwaitingProgress; got != 3 {
		t.Errorf("progress needed %d, want 3 (the letter, and the updates due soon and overdue)", got)
	}
}
