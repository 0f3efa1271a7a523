package data

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// allActions is every lifecycle step, in procedure order.
var allActions = []Action{ActionEscalate, ActionAcknowledge, ActionExtend, ActionResolve, ActionClose, ActionWithdraw, ActionReopen}

// procedure is the lifecycle as the published procedure describes it, written out by hand:
// for each status, the allowed steps and where they lead. Everything else is refused.
var procedure = map[Status]map[Action]Status{
	StatusInformal: {ActionEscalate: StatusReceived, ActionResolve: StatusResolved, ActionWithdraw: StatusWithdrawn},
	StatusReceived: {ActionAcknowledge: StatusAcknowledged, ActionWithdraw: StatusWithdrawn},
	StatusAcknowledged: {ActionExtend: StatusExtended, ActionResolve: StatusResolved,
		ActionWithdraw: StatusWithdrawn},
	StatusExtended:  {ActionExtend: StatusExtended, ActionResolve: StatusResolved, ActionWithdraw: StatusWithdrawn},
	StatusResolved:  {ActionClose: StatusClosed},
	StatusClosed:    {ActionReopen: StatusResolved},
	StatusWithdrawn: {},
}

func TestNextEveryStatusAndAction(t *testing.T) {
	if len(Statuses) != len(procedure) {
		t.Fatalf("Statuses has %d entries, the test table %d", len(Statuses), len(procedure))
	}
	for _, from := range Statuses {
		allowed := procedure[from]
		for _, a := range allActions {
			t.Run(string(from)+"/"+string(a), func(t *testing.T) {
				to, err := Next("K-2026-0001", from, a)
				want, ok := allowed[a]
				if ok {
					if err != nil || to != want {
						t.Fatalf("Next = %q, %v; want %q", to, err, want)
					}
					return
				}
				if to != "" || !errors.Is(err, ErrTransition) {
					t.Fatalf("Next = %q, %v; want a transition error", to, err)
				}
				if errors.Is(err, ErrInvalid) || errors.Is(err, ErrConflict) {
					t.Errorf("transition error also matches another code: %v", err)
				}
				msg := err.Error()
				for _, part := range []string{"K-2026-0001", "(" + string(from) + ")", from.Label()} {
					if !strings.Contains(msg, part) {
						t.Errorf("message %q does not name %q", msg, part)
					}
				}
				for _, x := range allActions {
					_, isAllowed := allowed[x]
					if named := strings.Contains(msg, "("+string(x)+")"); named != isAllowed {
						t.Errorf("message %q names step %s: %v, allowed: %v", msg, x, named, isAllowed)
					}
				}
				if terminal := len(allowed) == 0; strings.Contains(msg, "geen stap meer mogelijk") != terminal {
					t.Errorf("message %q: terminal status %v", msg, terminal)
				}
			})
		}
	}
}

func TestAllowedActionsInProcedureOrder(t *testing.T) {
	for _, s := range Statuses {
		var want []Action
		for _, a := range allActions {
			if _, ok := procedure[s][a]; ok {
				want = append(want, a)
			}
		}
		if got := AllowedActions(s); !reflect.DeepEqual(got, want) {
			t.Errorf("AllowedActions(%s) = %v, want %v", s, got, want)
		}
	}
}

func TestParseStatus(t *testing.T) {
	for _, s := range Statuses {
		if got, err := ParseStatus(string(s)); err != nil || got != s {
			t.Errorf("ParseStatus(%q) = %q, %v", s, got, err)
		}
	}
	if _, err := ParseStatus("open"); !errors.Is(err, ErrInvalid) {
		t.Errorf("ParseStatus(open) error = %v, want ErrInvalid", err)
	}
}

// reach registers a complaint (received 2 February 2026; the store's today is 2 March) and
// takes it through the store to the given status.
func reach(t *testing.T, s *Store, st Status) string {
	t.Helper()
	ref := mustCreate(t, s, complaint("Jansen", "2026-02-02", st != StatusInformal))
	steps := map[Status][]func() error{
		StatusAcknowledged: {func() error {
			return s.Acknowledge(ref, day("2026-02-05"), DeliveryEmail, "Ontvangst per e-mail bevestigd.")
		}},
		StatusExtended: {
			func() error {
				return s.Acknowledge(ref, day("2026-02-05"), DeliveryEmail, "Ontvangst per e-mail bevestigd.")
			},
			func() error { return s.Extend(ref, day("2026-03-20"), "advies deskundige") },
		},
		StatusResolved: {
			func() error {
				return s.Acknowledge(ref, day("2026-02-05"), DeliveryEmail, "Ontvangst per e-mail bevestigd.")
			},
			func() error {
				return s.Resolve(ref, Resolution{Verdict: VerdictSettled, Outcome: "excuses aangeboden", On: Date{}, Justified: JustifiedNo, NoHearingReason: "niet van toepassing in deze test"})
			},
			func() error { sendLetter(t, s, ref, LetterOutcome, Date{}, DeliveryPost); return nil },
		},
		StatusWithdrawn: {func() error { return s.Withdraw(ref, Date{}, "opgelost") }},
	}
	steps[StatusClosed] = append(steps[StatusResolved], func() error { return s.CloseComplaint(ref) })
	for _, step := range steps[st] {
		must(t, step())
	}
	if got := complaintOf(t, s, ref).Status; got != st {
		t.Fatalf("reach(%s): complaint is %s", st, got)
	}
	return ref
}

// doStep runs one lifecycle step through the store with valid input.
func doStep(s *Store, ref string, a Action) error {
	switch a {
	case ActionEscalate:
		return s.Escalate(ref, Date{}, PhoneIntake{})
	case ActionAcknowledge:
		return s.Acknowledge(ref, Date{}, DeliveryEmail, "Ontvangst per e-mail bevestigd.")
	case ActionExtend:
		return s.Extend(ref, day("2026-04-15"), "deskundige ingeschakeld")
	case ActionResolve:
		return s.Resolve(ref, Resolution{Verdict: VerdictUnfounded, Outcome: "uitleg gegeven", On: Date{}, NoHearingReason: "niet van toepassing in deze test"})
	case ActionClose:
		return s.CloseComplaint(ref)
	case ActionWithdraw:
		return s.Withdraw(ref, Date{}, "")
	case ActionReopen:
		return s.Reopen(ref, "adres verbeterd")
	}
	panic(a)
}

func TestStoreStepsFollowTheLifecycle(t *testing.T) {
	for _, from := range Statuses {
		t.Run(string(from), func(t *testing.T) {
			s := openStore(t, "2026-03-02")
			for _, a := range allActions {
				ref := reach(t, s, from)
				before, events := dumpTables(t, s), countRows(t, s, "events")
				err := doStep(s, ref, a)
				want, ok := procedure[from][a]
				if !ok {
					if !errors.Is(err, ErrTransition) {
						t.Fatalf("%s from %s: error = %v, want ErrTransition", a, from, err)
					}
					if after := dumpTables(t, s); after != before {
						t.Fatalf("%s from %s was refused but changed the register:\n%s\nbecame\n%s", a, from, before, after)
					}
					continue
				}
				if err != nil {
					t.Fatalf("%s from %s: %v", a, from, err)
				}
				if got := complaintOf(t, s, ref).Status; got != want {
					t.Fatalf("%s from %s led to %s, want %s", a, from, got, want)
				}
				if n := countRows(t, s, "events"); n != events+1 {
					t.Fatalf("%s from %s wrote %d events, want 1", a, from, n-events)
				}
			}
		})
	}
}

func TestResolveWithoutAcknowledgementIsRefused(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := mustCreate(t, s, complaint("Jansen", "2026-02-20", true))
	before := complaintOf(t, s, ref)
	rows := dumpTables(t, s)

	err := s.Resolve(ref, Resolution{Verdict: VerdictWellFounded, Outcome: "terecht", On: Date{}, NoHearingReason: "niet van toepassing in deze test"})
	wantErr(t, err, ErrTransition)
	for _, part := range []string{ref, "(received)", "(acknowledge)", "(withdraw)"} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("message %q does not mention %q", err, part)
		}
	}
	if after := complaintOf(t, s, ref); !reflect.DeepEqual(after, before) {
		t.Errorf("complaint changed: %+v -> %+v", before, after)
	}
	if dumpTables(t, s) != rows {
		t.Error("refused resolve changed the database")
	}
}

func TestStepsRecordTheirFields(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := mustCreate(t, s, complaint("Jansen", "2026-02-02", false))
	if c := complaintOf(t, s, ref); c.Formal || !c.FiledOn.IsZero() || !c.DueOn.IsZero() || c.Status != StatusInformal {
		t.Fatalf("new informal complaint: %+v", c)
	}

	wantErr(t, s.Escalate(ref, day("2026-03-03"), PhoneIntake{}), ErrInvalid) // in the future
	wantErr(t, s.Escalate(ref, day("2026-02-01"), PhoneIntake{}), ErrInvalid) // before receipt
	must(t, s.Escalate(ref, day("2026-02-10"), PhoneIntake{}))
	c := complaintOf(t, s, ref)
	if !c.Formal || c.FiledOn != day("2026-02-10") || c.AckDueOn != day("2026-02-17") || c.DueOn != day("2026-03-10") {
		t.Fatalf("after escalate: formal %v filed %s ack due %s due %s", c.Formal, c.FiledOn, c.AckDueOn, c.DueOn)
	}

	must(t, s.Acknowledge(ref, Date{}, DeliveryEmail, "Ontvangst per e-mail bevestigd."))
	if c := complaintOf(t, s, ref); c.AcknowledgedOn != day("2026-03-02") {
		t.Fatalf("acknowledged on %s, want today", c.AcknowledgedOn)
	}

	wantErr(t, s.Resolve(ref, Resolution{Verdict: "half", Outcome: "x", On: Date{}, NoHearingReason: "niet van toepassing in deze test"}), ErrInvalid)
	wantErr(t, s.Resolve(ref, Resolution{Verdict: VerdictSettled, Outcome: "  ", On: Date{}, Justified: JustifiedNo, NoHearingReason: "niet van toepassing in deze test"}), ErrInvalid)
	wantErr(t, s.Resolve(ref, Resolution{Verdict: VerdictPartlyWellFounded, Outcome: "afspraak", On: day("2026-02-28"), NoHearingReason: "niet van toepassing in deze test"}), ErrInvalid) // before the acknowledgement
	must(t, s.Resolve(ref, Resolution{Verdict: VerdictPartlyWellFounded, Outcome: " afspraak gemaakt ", On: day("2026-03-02"), NoHearingReason: "niet van toepassing in deze test"}))
	c = complaintOf(t, s, ref)
	if c.Status != StatusResolved || c.Verdict != VerdictPartlyWellFounded || c.Outcome != "afspraak gemaakt" ||
		c.ResolvedOn != day("2026-03-02") {
		t.Fatalf("after resolve: %+v", c)
	}

	// A formal complaint closes only once its outcome letter is marked sent. Contacts alone,
	// even written ones, or an outcome letter made but not yet sent, do not do.
	wantErr(t, s.CloseComplaint(ref), ErrConflict)
	_, err := s.AddContact(ref, Contact{On: day("2026-03-01"), Kind: ContactPhone, Note: "uitkomst gebeld"})
	must(t, err)
	_, err = s.AddContact(ref, Contact{On: day("2026-03-01"), Kind: ContactEmail, Note: "uitkomst gemaild"})
	must(t, err)
	wantErr(t, s.CloseComplaint(ref), ErrConflict)
	l, err := s.SaveLetter(ref, LetterOutcome, "nl", []byte("%PDF-1.4 uitkomst"), 0)
	must(t, err)
	wantErr(t, s.CloseComplaint(ref), ErrConflict)
	must(t, s.MarkLetterSent(l.ID, Date{}, DeliveryEmail))
	// Partly well-founded: a measure against recurrence (or why none is needed) is still missing.
	wantErr(t, s.CloseComplaint(ref), ErrConflict)
	_, err = s.AddMeasure(Measure{Description: "Meerwerk vooraf schriftelijk melden", RootCause: "fees"}, ref)
	must(t, err)
	must(t, s.CloseComplaint(ref))
	if c := complaintOf(t, s, ref); c.Status != StatusClosed || c.ClosedOn != day("2026-03-02") {
		t.Fatalf("after close: %s on %s", c.Status, c.ClosedOn)
	}
	_, err = s.AddContact(ref, Contact{Kind: ContactPhone, Note: "nabellen"})
	wantErr(t, err, ErrTransition)

	// An informal complaint settled in conversation closes without a letter.
	inf := mustCreate(t, s, complaint("Pietersen", "2026-02-25", false))
	must(t, s.Resolve(inf, Resolution{Verdict: VerdictSettled, Outcome: "uitgepraat", On: Date{}, Justified: JustifiedNo, NoHearingReason: "niet van toepassing in deze test"}))
	must(t, s.CloseComplaint(inf))

	wd := mustCreate(t, s, complaint("Bakker", "2026-02-25", true))
	must(t, s.Withdraw(wd, Date{}, "toch niet"))
	if c := complaintOf(t, s, wd); c.Status != StatusWithdrawn || c.WithdrawnOn != day("2026-03-02") {
		t.Fatalf("after withdraw: %s on %s", c.Status, c.WithdrawnOn)
	}
}

func TestUnknownReference(t *testing.T) {
	s := openStore(t, "2026-03-02")
	wantErr(t, s.Acknowledge("K-2026-9999", Date{}, DeliveryEmail, "Ontvangst per e-mail bevestigd."), ErrNotFound)
	_, err := s.Complaint("K-2026-9999")
	wantErr(t, err, ErrNotFound)
}

// TestReportCountsReopenedFiles reopens a closed file, and writes the words the report's index
// looks for into a contact note: only the reopening counts.
func TestReportCountsReopenedFiles(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := reach(t, s, StatusClosed)
	_, err := s.AddContact(reach(t, s, StatusAcknowledged), Contact{Kind: ContactPhone, Note: `"action":"reopen"`})
	must(t, err)
	r, err := s.YearReport(2026)
	must(t, err)
	if r.Current.Reopened != 0 {
		t.Errorf("%d files reopened before any was, want 0", r.Current.Reopened)
	}
	must(t, s.Reopen(ref, "adres verbeterd"))
	if r, err = s.YearReport(2026); err != nil || r.Current.Reopened != 1 {
		t.Errorf("%d files reopened (%v), want 1", r.Current.Reopened, err)
	}
}

// TestParseStatusTakesTheLabel: a status is read by its name or by its label in any case,
// so what list prints can be typed back.
func TestParseStatusTakesTheLabel(t *testing.T) {
	for in, want := range map[string]Status{"closed": StatusClosed, "gesloten": StatusClosed, " Ontvangst bevestigd ": StatusAcknowledged,
		"INGETROKKEN": StatusWithdrawn, "informeel": StatusInformal} {
		if got, err := ParseStatus(in); err != nil || got != want {
			t.Errorf("ParseStatus(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseStatus("open"); !errors.Is(err, ErrInvalid) {
		t.Errorf("ParseStatus(open): %v", err)
	}
}

// TestRefusedStepsSayWhatComesFirst: a step refused by the procedure says why in its words
// and what comes first; it said only the status and a list of steps ("Afhandelen met oordeel
// kan niet bij klacht …: de status is "ontvangen"; wel mogelijk: …").
func TestRefusedStepsSayWhatComesFirst(t *testing.T) {
	for _, tc := range []struct {
		from Status
		a    Action
		want string
	}{
		{StatusReceived, ActionResolve, "bevestig eerst de ontvangst"},
		{StatusReceived, ActionExtend, "bevestig eerst de ontvangst"},
		{StatusAcknowledged, ActionEscalate, "volgt de formele klachtenprocedure al"},
		{StatusInformal, ActionAcknowledge, "start eerst de formele klachtenprocedure"},
		{StatusExtended, ActionAcknowledge, "is al bevestigd"},
		{StatusAcknowledged, ActionClose, "pas worden gesloten als de klacht is afgehandeld"},
		{StatusResolved, ActionExtend, "hoort bij een klacht die nog in behandeling is"},
		{StatusResolved, ActionReopen, "het dossier is nog niet gesloten"},
		{StatusClosed, ActionResolve, "heropen het eerst"},
		{StatusReceived, ActionReopen, "alleen een gesloten dossier"},
	} {
		_, err := Next("K-2026-0001", tc.from, tc.a)
		var de *Error
		if !errors.As(err, &de) {
			t.Fatalf("%s from %s: %v", tc.a, tc.from, err)
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s from %s: %q lacks %q", tc.a, tc.from, err, tc.want)
		}
		if screen := de.Text.Key; strings.Contains(screen, "de status is") {
			t.Errorf("%s from %s: the screen's text names the status: %q", tc.a, tc.from, screen)
		}
	}
}
