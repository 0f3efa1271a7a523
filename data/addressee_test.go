package data

import (
	"errors"
	"testing"
)

// TestProposeName splits names as a Dutch practitioner would: the surname from the first
// tussenvoegsel on, else the last word; the salutation is neutral until someone says otherwise.
func TestProposeName(t *testing.T) {
	for name, want := range map[string]NameParts{
		"Anne-Sophie van den Broek":   {SalutationNeutral, "Anne-Sophie", "van den Broek"},
		"Sam de Vries":                {SalutationNeutral, "Sam", "de Vries"},
		"Zoë van 't Hoff":             {SalutationNeutral, "Zoë", "van 't Hoff"},
		"Mehmet Çelik":                {SalutationNeutral, "Mehmet", "Çelik"},
		"Jan Peter Jansen":            {SalutationNeutral, "Jan Peter", "Jansen"},
		"Hélène Öztürk-Vermeulen":     {SalutationNeutral, "Hélène", "Öztürk-Vermeulen"},
		"Jansen":                      {SalutationNeutral, "", "Jansen"},
		"  Pieter   ter   Horst   ":   {SalutationNeutral, "Pieter", "ter Horst"},
		"Ludwig von Beethoven Junior": {SalutationNeutral, "Ludwig", "von Beethoven Junior"},
		"Mevrouw J. van der Berg":     {SalutationMrs, "J.", "van der Berg"},
		"mw. A.S. van den Broek":      {SalutationMrs, "A.S.", "van den Broek"},
		"Mevr Jansen":                 {SalutationMrs, "", "Jansen"},
		"De heer P. de Vries":         {SalutationMr, "P.", "de Vries"},
		"dhr. Jan Peter Jansen":       {SalutationMr, "Jan Peter", "Jansen"},
		"Mevrouw De Vries":            {SalutationMrs, "", "De Vries"},
		"Ms Emma Clarke":              {SalutationMrs, "Emma", "Clarke"},
		"mr. J. de Wit":               {SalutationNeutral, "mr. J.", "de Wit"}, // meester, the lawyer's title
		"De Vries":                    {SalutationNeutral, "", "De Vries"},
		"Heer":                        {SalutationNeutral, "", "Heer"},        // a surname, not a title
		"mevrouw A. Bakker-de Wit":    {SalutationMrs, "A.", "Bakker-de Wit"}, // a double name with a tussenvoegsel
		"Maria Jansen-van Dijk":       {SalutationNeutral, "Maria", "Jansen-van Dijk"},
		"Marie-Do Jansen":             {SalutationNeutral, "Marie-Do", "Jansen"}, // a first name; "do" is a particle only in lower case
		"marie-do jansen":             {SalutationNeutral, "marie-do", "jansen"},
		"Nour-el Houda Benali":        {SalutationNeutral, "Nour-el Houda", "Benali"},
		"Jansen-van der Berg":         {SalutationNeutral, "", "Jansen-van der Berg"},
		"Mr A. Bakker":                {SalutationNeutral, "Mr A.", "Bakker"}, // the lawyer's title, without its full stop
		"Mr drs J. Jansen":            {SalutationNeutral, "Mr drs J.", "Jansen"},
		"Mr and Mrs Smith":            {SalutationNeutral, "", ""}, // two people: the letters use the name as typed
		"Dhr. en mevr. Jansen":        {SalutationNeutral, "", ""},
		"Mr John Smith":               {SalutationMr, "John", "Smith"}, // English, without a full stop
		"Mr. J. de Wit":               {SalutationNeutral, "Mr. J.", "de Wit"},
	} {
		if got := ProposeName(name); got != want {
			t.Errorf("ProposeName(%q) = %+v, want %+v", name, got, want)
		}
	}
	for in, want := range map[string]string{"Anne-Sophie": "A.S.", "A.S.": "A.S.", "Sam": "S.", "IJsbrand": "IJ.", "Ĳsbrand": "IJ.",
		"jan peter": "J.P.", "": "", "M.A.Th.": "M.A.Th.", "m.a.th.": "M.A.T.", "Chr. J.": "Chr.J.", "Thomas": "T.",
		"Th": "T.", "Anne. S.": "A.S.", "J.-P.": "J.P.", "JW.": "J.W.", "HJM.": "H.J.M.", "Jan.": "J.", "Ph.A.": "Ph.A."} {
		if got := Abbreviated(in); got != want {
			t.Errorf("Abbreviated(%q) = %q, want %q", in, got, want)
		}
	}
	if got := CapitalSurname("van den Broek"); got != "Van den Broek" {
		t.Errorf("CapitalSurname = %q", got)
	}
}

// TestComplaintLetterFields: the parts of the name are proposed when left empty and kept when
// given; a representative needs a name and a postal address; an unknown salutation or
// language is refused.
func TestComplaintLetterFields(t *testing.T) {
	s := openStore(t, "2026-03-02")
	base := Complaint{Complainant: Complainant{Name: "Anne-Sophie van den Broek"}, ReceivedOn: day("2026-03-01"),
		Channel: ChannelLetter, Subject: SubjectService, Summary: "x"}
	ref := mustCreate(t, s, base)
	c, err := s.Complaint(ref)
	must(t, err)
	if c.Complainant.NameParts != (NameParts{SalutationNeutral, "Anne-Sophie", "van den Broek"}) || c.Language != "nl" {
		t.Errorf("proposed: %+v, language %q", c.Complainant.NameParts, c.Language)
	}
	c.Complainant.NameParts = NameParts{SalutationMrs, "A.S.", "van den Broek"}
	c.LetterDescription, c.Language = "uw klacht over de factuur", "en"
	c.Representative = Complainant{Name: "mr. J. de Wit", AddressLine1: "Herengracht 500", Postcode: "1017cb", City: "Amsterdam"}
	must(t, s.Update(*c))
	got, err := s.Complaint(ref)
	must(t, err)
	if got.Complainant.NameParts != c.Complainant.NameParts || got.LetterDescription != c.LetterDescription || got.Language != "en" ||
		got.Representative.Postcode != "1017 CB" || got.Representative.Surname != "de Wit" {
		t.Errorf("after update: %+v", got)
	}
	if list, _ := s.List(Filter{Search: "Wit"}); len(list) != 1 {
		t.Errorf("searching for the representative found %d complaints", len(list))
	}
	for name, edit := range map[string]func(c *Complaint){
		"representative without address": func(c *Complaint) { c.Representative = Complainant{Name: "B"} },
		"address without representative": func(c *Complaint) { c.Representative = Complainant{City: "Amsterdam"} },
		"unknown salutation":             func(c *Complaint) { c.Complainant.Salutation = "dhr" },
		"unknown language":               func(c *Complaint) { c.Language = "de" },
	} {
		bad := base
		edit(&bad)
		if _, err := s.Create(bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestTitleTypedWithTheNameBecomesTheSalutation: "mevrouw Joke van den Berg" is stored as the
// name she signs with, the title as the salutation; two people, or a title alone, stay.
func TestTitleTypedWithTheNameBecomesTheSalutation(t *testing.T) {
	s := openStore(t, "2026-03-02")
	for typed, want := range map[string]Complainant{
		"mevrouw Joke van den Berg":           {Name: "Joke van den Berg", NameParts: NameParts{Salutation: SalutationMrs, Initials: "Joke", Surname: "van den Berg"}},
		"De heer J. Bakker":                   {Name: "J. Bakker", NameParts: NameParts{Salutation: SalutationMr, Initials: "J.", Surname: "Bakker"}},
		"Dhr. en mevr. Jansen":                {Name: "Dhr. en mevr. Jansen"},
		"Mevrouw Jansen en de heer Pietersen": {Name: "Mevrouw Jansen en de heer Pietersen"},
		"Dhr. J. en mevr. A. Jansen":          {Name: "Dhr. J. en mevr. A. Jansen"},
		"Mevrouw":                             {Name: "Mevrouw"},
	} {
		ref := mustCreate(t, s, complaint(typed, "2026-02-02", false))
		c, err := s.Complaint(ref)
		must(t, err)
		if got := c.Complainant; got.Name != want.Name || want.Surname != "" && got.NameParts != want.NameParts {
			t.Errorf("%q stored as %q %+v", typed, got.Name, got.NameParts)
		}
	}
}
