package data

import (
	"errors"
	"slices"
	"testing"
)

// settingsWith is the default settings with some values replaced.
func settingsWith(kv ...string) Settings {
	s := DefaultSettings()
	for i := 0; i < len(kv); i += 2 {
		s[kv[i]] = kv[i+1]
	}
	return s
}

func TestResolutionDue(t *testing.T) {
	tests := []struct {
		policy, filed string
		custom        string
		shifted, raw  string // with shift_to_workday on and off
	}{
		{PolicyMonth, "2026-01-31", "", "2026-03-02", "2026-02-28"}, // clamped to Saturday 28 Feb
		{PolicyMonth, "2026-03-10", "", "2026-04-10", "2026-04-10"}, // a Friday stays
		{PolicyMonth, "2026-12-31", "", "2027-02-01", "2027-01-31"}, // Sunday 31 Jan 2027
		{PolicyMonth, "2028-01-31", "", "2028-02-29", "2028-02-29"}, // leap day, a Tuesday
		{PolicyMonth, "2026-03-27", "", "2026-04-28", "2026-04-27"}, // King's Day
		{PolicyWkkgz, "2026-03-02", "", "2026-04-13", "2026-04-13"}, // six weeks
		{PolicyWkkgz, "2026-03-16", "", "2026-04-28", "2026-04-27"},
		{Policy4Weeks, "2026-03-02", "", "2026-03-30", "2026-03-30"},
		{Policy4Weeks, "2026-04-07", "", "2026-05-06", "2026-05-05"}, // 5 May
		{Policy8Weeks, "2026-03-02", "", "2026-04-28", "2026-04-27"}, // King's Day
		{Policy8Weeks, "2026-10-31", "", "2026-12-28", "2026-12-26"}, // Boxing Day on Saturday
		{PolicyCustom, "2026-12-15", "10", "2026-12-28", "2026-12-25"},
		{PolicyCustom, "2026-03-02", "30", "2026-04-01", "2026-04-01"},
		{PolicyCustom, "2026-03-06", "1", "2026-03-09", "2026-03-07"},
		{PolicyCustom, "2026-03-02", "365", "2027-03-02", "2027-03-02"},
	}
	for _, tt := range tests {
		// custom_days must only count under the custom policy.
		custom := tt.custom
		if custom == "" {
			custom = "3"
		}
		for _, shift := range []string{"true", "false"} {
			want := tt.shifted
			if shift == "false" {
				want = tt.raw
			}
			s := settingsWith("custom_days", custom, "shift_to_workday", shift)
			if got := ResolutionDue(day(tt.filed), tt.policy, s); got != day(want) {
				t.Errorf("ResolutionDue(%s, %s/%s, shift %s) = %s, want %s", tt.filed, tt.policy, custom, shift, got, want)
			}
		}
	}
}

func TestAckDue(t *testing.T) {
	tests := []struct {
		filed, days, shifted, raw string
	}{
		{"2026-03-02", "7", "2026-03-09", "2026-03-09"},
		{"2026-12-18", "7", "2026-12-28", "2026-12-25"},
		{"2026-03-06", "1", "2026-03-09", "2026-03-07"},
		{"2026-04-13", "14", "2026-04-28", "2026-04-27"},
		{"2026-05-12", "2", "2026-05-15", "2026-05-14"}, // Ascension Day
	}
	for _, tt := range tests {
		for shift, want := range map[string]string{"true": tt.shifted, "false": tt.raw} {
			s := settingsWith("ack_days", tt.days, "shift_to_workday", shift)
			if got := ShortTermDue(day(tt.filed), s); got != day(want) {
				t.Errorf("ShortTermDue(%s, %s days, shift %s) = %s, want %s", tt.filed, tt.days, shift, got, want)
			}
		}
	}
}

func TestWarningFor(t *testing.T) {
	today := day("2026-03-02")
	tests := []struct {
		due  string
		warn int
		want Warning
	}{
		{"2026-02-01", 7, WarningOverdue},
		{"2026-03-01", 7, WarningOverdue},
		{"2026-03-02", 7, WarningDueSoon}, // due today is not yet late
		{"2026-03-09", 7, WarningDueSoon},
		{"2026-03-10", 7, WarningOK},
		{"2026-03-02", 0, WarningDueSoon},
		{"2026-03-03", 0, WarningOK},
		{"2026-03-01", 0, WarningOverdue},
		{"2026-05-01", 60, WarningDueSoon},
	}
	for _, tt := range tests {
		if got := WarningFor(Date{}, day(tt.due), today, tt.warn); got != tt.want {
			t.Errorf("WarningFor(%s, warn %d) = %s, want %s", tt.due, tt.warn, got, tt.want)
		}
	}
	// A deadline that ran from a known day is due soon only in the second half of its time:
	// a week to acknowledge from 2 March is on time until 6 March, then due soon.
	for _, tt := range []struct {
		today string
		want  Warning
	}{{"2026-03-02", WarningOK}, {"2026-03-05", WarningOK}, {"2026-03-06", WarningDueSoon}, {"2026-03-10", WarningOverdue}} {
		if got := WarningFor(day("2026-03-02"), day("2026-03-09"), day(tt.today), 7); got != tt.want {
			t.Errorf("a week from 2 March, on %s: %s, want %s", tt.today, got, tt.want)
		}
	}
	if got := WarningFor(day("2026-03-02"), day("2026-04-02"), day("2026-03-26"), 7); got != WarningDueSoon {
		t.Errorf("a month, a week before its end: %s", got)
	}
}

func TestCheckExtension(t *testing.T) {
	wkkgz, month := settingsWith("deadline_policy", PolicyWkkgz), DefaultSettings()
	tests := []struct {
		name         string
		set          Settings
		due, filed   string
		earlier      int
		until, today string
		reason       string
		want         error
		field        string
	}{
		{"wkkgz four weeks", wkkgz, "2026-04-13", "2026-03-02", 0, "2026-05-11", "2026-04-01", "advies", nil, ""},
		{"wkkgz one day", wkkgz, "2026-04-13", "2026-03-02", 0, "2026-04-14", "2026-04-01", "advies", nil, ""},
		{"wkkgz more than four weeks", wkkgz, "2026-04-13", "2026-03-02", 0, "2026-05-12", "2026-04-01", "advies", ErrInvalid, "until"},
		{"wkkgz second extension", wkkgz, "2026-04-20", "2026-03-02", 1, "2026-04-27", "2026-04-15", "advies", ErrConflict, ""},
		{"month no limit", month, "2026-04-13", "2026-03-02", 0, "2026-07-01", "2026-04-01", "advies", nil, ""},
		{"month repeated", month, "2026-05-11", "2026-03-02", 3, "2026-06-01", "2026-05-01", "advies", nil, ""},
		{"no reason", month, "2026-04-13", "2026-03-02", 0, "2026-05-01", "2026-04-01", "", ErrInvalid, "reason"},
		{"no date", month, "2026-04-13", "2026-03-02", 0, "", "2026-04-01", "advies", ErrInvalid, "until"},
		{"same as due", month, "2026-04-13", "2026-03-02", 0, "2026-04-13", "2026-04-01", "advies", ErrInvalid, "until"},
		{"before due", month, "2026-04-13", "2026-03-02", 0, "2026-04-10", "2026-04-01", "advies", ErrInvalid, "until"},
		{"due passed, until today", month, "2026-03-20", "2026-02-06", 0, "2026-04-01", "2026-04-01", "advies", ErrInvalid, "until"},
		{"due passed, until tomorrow", month, "2026-03-20", "2026-02-06", 0, "2026-04-02", "2026-04-01", "advies", nil, ""},
		{"wkkgz due passed, until today", wkkgz, "2026-03-20", "2026-02-06", 0, "2026-04-01", "2026-04-01", "advies", ErrInvalid, "until"},
		// Received Friday 20 November 2026: six weeks end on New Year's Day, moved to Monday
		// 4 January; the four weeks count from 1 January: Friday 29 January at the latest.
		{"wkkgz cap from the unshifted term", wkkgz, "2027-01-04", "2026-11-20", 0, "2027-01-29", "2026-12-20", "advies", nil, ""},
		{"wkkgz cap not from the shifted term", wkkgz, "2027-01-04", "2026-11-20", 0, "2027-02-01", "2026-12-20", "advies", ErrInvalid, "until"},
		{"a year after receipt", month, "2026-04-13", "2026-03-02", 0, "2027-03-02", "2026-04-01", "advies", nil, ""},
		{"more than a year after receipt", month, "2026-04-13", "2026-03-02", 0, "2027-03-03", "2026-04-01", "advies", ErrInvalid, "until"},
		{"reason of lines", month, "2026-04-13", "2026-03-02", 0, "2026-05-01", "2026-04-01", "advies\nvan een deskundige", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Complaint{Reference: "K-2026-0001", DueOn: day(tt.due), ReceivedOn: day(tt.filed), FiledOn: day(tt.filed), DeadlinePolicy: tt.set.Policy()}
			var until Date
			if tt.until != "" {
				until = day(tt.until)
			}
			err := CheckExtension(c, tt.earlier, until, day(tt.today), tt.reason, tt.set)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			wantErr(t, err, tt.want)
			var e *Error
			if errors.As(err, &e); e.Field != tt.field {
				t.Errorf("field = %q, want %q (%v)", e.Field, tt.field, err)
			}
		})
	}
}

func TestStoreDeadlinesFollowSettings(t *testing.T) {
	s := openStore(t, "2026-03-02")
	must(t, s.SetSettings(map[string]string{"deadline_policy": Policy8Weeks, "ack_days": "3"}))
	ref := mustCreate(t, s, complaint("Jansen", "2026-02-20", true)) // a Friday
	c := complaintOf(t, s, ref)
	if c.Status != StatusReceived || c.FiledOn != day("2026-02-20") || c.AckDueOn != day("2026-02-23") ||
		c.DueOn != day("2026-04-17") {
		t.Fatalf("formal complaint: status %s filed %s ack due %s due %s", c.Status, c.FiledOn, c.AckDueOn, c.DueOn)
	}
	// Later changes to the policy do not move a deadline already promised.
	must(t, s.SetSettings(map[string]string{"deadline_policy": Policy4Weeks}))
	if c2 := complaintOf(t, s, ref); c2.DueOn != c.DueOn {
		t.Errorf("due date moved from %s to %s", c.DueOn, c2.DueOn)
	}
}

func TestStoreExtendWkkgz(t *testing.T) {
	s := openStore(t, "2026-03-02")
	must(t, s.SetSettings(map[string]string{"deadline_policy": PolicyWkkgz}))
	ref := mustCreate(t, s, complaint("Jansen", "2026-03-02", true))
	wantErr(t, s.Extend(ref, day("2026-05-01"), "advies"), ErrTransition) // receipt not yet confirmed
	must(t, s.Acknowledge(ref, Date{}, DeliveryEmail, "Ontvangst per e-mail bevestigd."))
	if c := complaintOf(t, s, ref); c.DueOn != day("2026-04-13") {
		t.Fatalf("due %s, want six weeks: 2026-04-13", c.DueOn)
	}

	setToday(s, "2026-04-01")
	wantErr(t, s.Extend(ref, day("2026-05-11"), "   "), ErrInvalid)
	wantErr(t, s.Extend(ref, day("2026-05-12"), "advies deskundige"), ErrInvalid)
	must(t, s.Extend(ref, day("2026-05-11"), " advies deskundige "))
	c := complaintOf(t, s, ref)
	if c.Status != StatusExtended || c.DueOn != day("2026-05-11") {
		t.Fatalf("after extend: %s due %s", c.Status, c.DueOn)
	}
	var on, prev, until Date
	var reason string
	must(t, s.r.QueryRow(`SELECT extended_on, previous_due_on, until, reason FROM extensions`).Scan(&on, &prev, &until, &reason))
	if on != day("2026-04-01") || prev != day("2026-04-13") || until != day("2026-05-11") || reason != "advies deskundige" {
		t.Errorf("extension row: %s %s %s %q", on, prev, until, reason)
	}

	setToday(s, "2026-05-01")
	before := dumpTables(t, s)
	wantErr(t, s.Extend(ref, day("2026-05-12"), "nog meer tijd"), ErrConflict)
	if dumpTables(t, s) != before {
		t.Error("refused second extension changed the register")
	}
}

func TestStoreExtendMonthPolicyRepeatedly(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := reach(t, s, StatusAcknowledged) // due 2026-03-02
	must(t, s.Extend(ref, day("2026-04-02"), "advies"))
	setToday(s, "2026-04-01")
	wantErr(t, s.Extend(ref, day("2026-04-02"), "nog niet klaar"), ErrInvalid) // not after the current target
	must(t, s.Extend(ref, day("2026-06-01"), "nog niet klaar"))
	if n := countRows(t, s, "extensions"); n != 2 {
		t.Errorf("%d extensions stored, want 2", n)
	}
	if c := complaintOf(t, s, ref); c.DueOn != day("2026-06-01") || c.Status != StatusExtended {
		t.Errorf("after two extensions: %s due %s", c.Status, c.DueOn)
	}
}

// TestWkkgzFrozenAndCapped: the regime is fixed when the complaint is filed, and the Wkkgz
// extension counts four weeks from the unshifted end of the six weeks.
func TestWkkgzFrozenAndCapped(t *testing.T) {
	s := openStore(t, "2026-11-20")
	must(t, s.SetSettings(map[string]string{KeyDeadlinePolicy: PolicyWkkgz}))
	ref := mustCreate(t, s, complaint("Jansen", "2026-11-20", true)) // a Friday
	must(t, s.Acknowledge(ref, Date{}, DeliveryEmail, "Ontvangst per e-mail bevestigd."))
	must(t, s.SetSettings(map[string]string{KeyDeadlinePolicy: PolicyMonth}))
	c := complaintOf(t, s, ref)
	if c.DeadlinePolicy != PolicyWkkgz || c.DueOn != day("2027-01-04") {
		t.Fatalf("policy %q due %s; want wkkgz, six weeks to New Year's Day moved to Monday 4 January", c.DeadlinePolicy, c.DueOn)
	}
	setToday(s, "2026-12-21")
	wantErr(t, s.Extend(ref, day("2027-02-01"), "advies deskundige"), ErrInvalid)
	must(t, s.Extend(ref, day("2027-01-29"), "advies deskundige"))
	wantErr(t, s.Extend(ref, day("2027-01-30"), "nog meer tijd"), ErrConflict)
}

// TestEachExtensionOwesItsNotice: a second extension gets its own progress letter and never
// moves the first one's date; an extension after the target passed is stored as late, and
// both stay breaches after the letters went out.
func TestEachExtensionOwesItsNotice(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := reach(t, s, StatusAcknowledged) // due 2026-03-02
	must(t, s.Extend(ref, day("2026-04-02"), "advies deskundige"))
	setToday(s, "2026-04-07")                                    // the new target passed unannounced
	must(t, s.Extend(ref, day("2026-05-01"), "deskundige ziek")) // late
	listed, err := s.List(Filter{Reference: ref})
	must(t, err)
	var dues []string
	for _, it := range listed[0].Items {
		if it.Kind == ItemProgressLetter {
			dues = append(dues, it.DueOn.String())
		}
	}
	if !slices.Equal(dues, []string{"2026-03-05", "2026-04-10"}) {
		t.Fatalf("progress letters due %v, want 2026-03-05 (first) and 2026-04-10 (second)", dues)
	}
	f, err := s.File(ref)
	must(t, err)
	if len(f.Extensions) != 2 || f.Extensions[0].Late || !f.Extensions[1].Late {
		t.Fatalf("extensions %+v: want only the second late", f.Extensions)
	}
	sendLetter(t, s, ref, LetterProgress, Date{}, DeliveryPost)
	f, err = s.File(ref)
	must(t, err)
	for _, it := range f.Items {
		if it.Kind == ItemProgressLetter {
			t.Errorf("a progress letter is still owed after sending one: %+v", it)
		}
	}
	r, err := s.YearReport(2026)
	must(t, err)
	if r.Current.LateExtensions != 1 || r.Current.LateNotices != 1 {
		t.Errorf("report: %d late extensions, %d late notices; want 1 and 1",
			r.Current.LateExtensions, r.Current.LateNotices)
	}
	if n := len(f.Breached); n != 2 {
		t.Errorf("%d breaches (%v), want 2: the first notice never went out in time, the second extension was late", n, f.Breached)
	}
	// For good: the register shows them on the finished file too, whose one item is to
	// confirm the withdrawal.
	must(t, s.Withdraw(ref, Date{}, "klager trekt de klacht in"))
	listed, err = s.List(Filter{Reference: ref})
	must(t, err)
	if n, items := len(listed[0].Breached), listed[0].Items; n != 2 || len(items) != 1 || items[0].Kind != ItemWithdrawalLetter {
		t.Errorf("withdrawn file in the register: %d breaches (%v), items %v; want 2 breaches, the withdrawal to confirm", n, listed[0].Breached, items)
	}
}
