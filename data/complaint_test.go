package data

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestValidateComplaint(t *testing.T) {
	today := day("2026-03-02")
	tests := []struct {
		name  string
		edit  func(c *Complaint)
		field string // "" when valid
	}{
		{"valid", func(c *Complaint) {}, ""},
		{"received today", func(c *Complaint) { c.ReceivedOn = today }, ""},
		{"no name", func(c *Complaint) { c.Complainant.Name = "   " }, "name"},
		{"no date", func(c *Complaint) { c.ReceivedOn = Date{} }, "received_on"},
		{"future", func(c *Complaint) { c.ReceivedOn = day("2026-03-03") }, "received_on"},
		{"no summary", func(c *Complaint) { c.Summary = "\t" }, "summary"},
		{"channel", func(c *Complaint) { c.Channel = "fax" }, "channel"},
		{"subject", func(c *Complaint) { c.Subject = "" }, "subject"},
		{"email", func(c *Complaint) { c.Complainant.Email = "jansen@" }, "email"},
		{"email without its domain's end", func(c *Complaint) { c.Complainant.Email = "jansen@example" }, "email"},
		{"email ok", func(c *Complaint) { c.Complainant.Email = " jansen@example.nl " }, ""},
		{"long summary", func(c *Complaint) { c.Summary = strings.Repeat("a", 501) }, "summary"},
		{"500 characters", func(c *Complaint) { c.Summary = strings.Repeat("a", 500) }, ""},
		{"200 characters with accents", func(c *Complaint) { c.Complainant.Name = strings.Repeat("ë", 200) }, ""},
		{"201 characters with accents", func(c *Complaint) { c.Complainant.Name = strings.Repeat("ë", 201) }, "name"},
		{"20000 characters of description", func(c *Complaint) { c.Description = strings.Repeat("ë\n", 10000) }, ""},
		{"20001 characters of description", func(c *Complaint) { c.Description = strings.Repeat("ë", 20001) }, "description"},
		// A newline in a one-line field once showed as an extra row in `list`.
		{"summary with a newline", func(c *Complaint) { c.Summary = "Factuur\nK-2026-9999  gesloten" }, "summary"},
		{"summary with a line separator", func(c *Complaint) { c.Summary = "Factuur\u2028K-2026-9999" }, "summary"},
		{"name with a tab", func(c *Complaint) { c.Complainant.Name = "Jan\tJansen" }, "name"},
		{"name with a carriage return", func(c *Complaint) { c.Complainant.Name = "Jan\rJansen" }, "name"},
		{"name with a bidi override", func(c *Complaint) { c.Complainant.Name = "Jansen \u202Enesnaj" }, "name"},
		{"city with a bidi isolate", func(c *Complaint) { c.Complainant.City = "\u2067Utrecht" }, "city"},
		{"name in Arabic script", func(c *Complaint) { c.Complainant.Name = "محمد العلي" }, ""},
		{"invalid UTF-8", func(c *Complaint) { c.Complainant.Name = "Jans\xffen" }, "name"},
		{"bell in the description", func(c *Complaint) { c.Description = "zie\abijlage" }, "description"},
		{"DEL in the phone number", func(c *Complaint) { c.Complainant.Phone = "06\x7f12" }, "phone"},
		{"C1 control in the handler", func(c *Complaint) { c.Handler = "Anne\u0085de Linde" }, "handler"},
		{"description of lines and tabs", func(c *Complaint) { c.Description = "Punt 1:\tte laat\r\nPunt 2:\tte duur" }, ""},
		{"received in the year 0", func(c *Complaint) { c.ReceivedOn = day("0000-01-01") }, "received_on"},
		{"received 31-12-1899", func(c *Complaint) { c.ReceivedOn = day("1899-12-31") }, "received_on"},
		{"received 01-01-1900", func(c *Complaint) { c.ReceivedOn = day("1900-01-01") }, ""},
		// A postcode was once checked only when a letter was made; now where it is typed.
		{"postcode of five digits", func(c *Complaint) { c.Complainant.Postcode = "12345" }, "postcode"},
		{"postcode without letters", func(c *Complaint) { c.Complainant.Postcode = "3511" }, "postcode"},
		{"postcode in the Netherlands", func(c *Complaint) { c.Complainant.Postcode, c.Complainant.Country = "1234", "Nederland" }, "postcode"},
		{"postcode as typed", func(c *Complaint) { c.Complainant.Postcode = "3511ax" }, ""},
		{"postcode in Belgium", func(c *Complaint) { c.Complainant.Postcode, c.Complainant.Country = "1050", "België" }, ""},
		{"postcode in Germany", func(c *Complaint) { c.Complainant.Postcode, c.Complainant.Country = "10115", "Duitsland" }, ""},
		{"representative's postcode", func(c *Complaint) { c.Representative = representative("12345", "") }, "rep_postcode"},
		{"representative's postcode ok", func(c *Complaint) { c.Representative = representative("1017 AB", "") }, ""},
		{"representative's email", func(c *Complaint) { c.Representative = representative("1017 AB", "smit@advocaten") }, "rep_email"},
	}
	for _, tt := range tests {
		c := complaint("Jansen", "2026-02-02", true)
		tt.edit(&c)
		err := c.Validate(today, DefaultSettings())
		if tt.field == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		var e *Error
		if !errors.As(err, &e) || e.Code != CodeInvalid || e.Field != tt.field {
			t.Errorf("%s: error %v, want invalid %s", tt.name, err, tt.field)
		}
	}
}

// representative is a representative with a postal address in Amsterdam.
func representative(postcode, email string) Complainant {
	return Complainant{Name: "Pieter Smit", AddressLine1: "Herengracht 1", Postcode: postcode, City: "Amsterdam", Email: email}
}

func TestParseNames(t *testing.T) {
	for _, v := range Verdicts {
		if got, err := ParseVerdict(string(v)); err != nil || got != v {
			t.Errorf("ParseVerdict(%s) = %s, %v", v, got, err)
		}
	}
	for _, c := range Channels {
		if got, err := ParseChannel(string(c)); err != nil || got != c {
			t.Errorf("ParseChannel(%s) = %s, %v", c, got, err)
		}
	}
	for _, s := range Subjects {
		if got, err := ParseSubject(string(s)); err != nil || got != s {
			t.Errorf("ParseSubject(%s) = %s, %v", s, got, err)
		}
	}
	for _, k := range ContactKinds {
		if got, err := ParseContactKind(string(k)); err != nil || got != k || k.Label() == "" {
			t.Errorf("ParseContactKind(%s) = %s, %v", k, got, err)
		}
	}
	for _, bad := range []error{
		func() error { _, err := ParseVerdict("Gegrond"); return err }(),
		func() error { _, err := ParseChannel("fax"); return err }(),
		func() error { _, err := ParseSubject(""); return err }(),
		func() error { _, err := ParseContactKind("sms"); return err }(),
	} {
		wantErr(t, bad, ErrInvalid)
	}
}

func TestCreateStoresCleanedComplaint(t *testing.T) {
	s := openStore(t, "2026-03-02")
	must(t, s.SetSettings(map[string]string{"practitioner_name": "M. de Wit"}))
	c := complaint("  Jansen ", "2026-02-02", true)
	c.Complainant.Postcode, c.Complainant.Email, c.Summary = "1234ab", "jansen@example.nl", " wachttijd "
	c.Status, c.Verdict = StatusClosed, VerdictSettled // lifecycle fields are not the caller's to set
	ref := mustCreate(t, s, c)
	got := complaintOf(t, s, ref)
	if got.Complainant.Name != "Jansen" || got.Complainant.Postcode != "1234 AB" || got.Summary != "wachttijd" ||
		got.Handler != "M. de Wit" || got.Status != StatusReceived || got.Verdict != "" || got.Reference != ref {
		t.Errorf("stored %+v", got)
	}
	b, err := json.Marshal(got)
	must(t, err)
	if !strings.Contains(string(b), `"reference":"K-2026-0001"`) || strings.Contains(string(b), `"ID"`) {
		t.Errorf("json: %s", b)
	}
}

func TestUpdateRecordsChangesAndMovesDeadlines(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := mustCreate(t, s, complaint("Jansen", "2026-02-02", true))
	c := *complaintOf(t, s, ref)
	c.ReceivedOn, c.Complainant.City = day("2026-02-09"), "Utrecht"
	c.Status = StatusClosed // ignored: only the procedure's steps change the status
	must(t, s.Update(c))
	got := complaintOf(t, s, ref)
	if got.Status != StatusReceived || got.FiledOn != day("2026-02-09") || got.AckDueOn != day("2026-02-16") ||
		got.DueOn != day("2026-03-09") || got.Complainant.City != "Utrecht" {
		t.Fatalf("after edit: %+v", got)
	}
	evs, err := s.Timeline(ref)
	must(t, err)
	var changes map[string]Change
	must(t, json.Unmarshal(evs[len(evs)-1].Payload, &changes))
	if len(changes) != 2 || changes["city"] != (Change{"", "Utrecht"}) ||
		changes["received_on"] != (Change{"2026-02-02", "2026-02-09"}) {
		t.Errorf("recorded changes: %v", changes)
	}

	// Once extended, the promised target stays put when the date of receipt is corrected.
	must(t, s.Acknowledge(ref, Date{}, DeliveryEmail, "Ontvangst per e-mail bevestigd."))
	must(t, s.Extend(ref, day("2026-04-01"), "advies"))
	c = *complaintOf(t, s, ref)
	c.ReceivedOn = day("2026-02-05")
	must(t, s.Update(c))
	if got := complaintOf(t, s, ref); got.DueOn != day("2026-04-01") || got.FiledOn != day("2026-02-05") {
		t.Errorf("extended complaint after edit: due %s filed %s", got.DueOn, got.FiledOn)
	}
	c.Reference = "K-2026-0099"
	wantErr(t, s.Update(c), ErrNotFound)
}
