package data

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"
)

// demoStep is one thing that happens to a demo complaint on a given day.
type demoStep struct {
	on    Date
	order int // complaint number, so same-day steps keep their sequence
	do    func() error
}

// Demo fills an empty register with a realistic practice: count complaints received over the
// last two calendar years, in every status, made through the same store methods a practitioner
// uses, each on its own day so the audit trail reads like a real year. A register that already
// holds complaints is refused. It makes no letters: formal complaints stop once resolved, with
// the outcome letter still to send. DemoWithLetters makes a register with letters.
func (s *Store) Demo(count int, seed uint64) error { return s.DemoWithLetters(count, seed, nil) }

// LetterRenderer makes the PDF of a letter for a complaint in the register, dated by the
// store's clock. Package letters provides it; this package cannot import that one.
type LetterRenderer func(ref string, kind LetterKind) ([]byte, error)

// DemoWithLetters is Demo in which receipt, extensions and outcomes are confirmed with real
// letters made by render, archived and marked sent, so formal complaints can be closed. With or
// without letters, (partly) well-founded complaints get their measures against recurrence,
// carried out and evaluated over the following weeks.
func (s *Store) DemoWithLetters(count int, seed uint64, render LetterRenderer) error {
	if count < 1 || count > 100000 {
		return invalid("count", "kies een aantal klachten van 1 tot en met 100000")
	}
	var n int
	if err := s.r.QueryRow(`SELECT count(*) FROM complaints`).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return conflict(fmt.Sprintf("de database %s bevat al %d klachten; een demoregister kan alleen in een lege database. Kies een nieuw bestand met --db", s.path, n))
	}
	realNow := s.Now
	defer func() { s.Now = realNow }()
	today := Today(realNow())
	if err := s.SetSettings(demoPractice); err != nil {
		return err
	}
	p := &demoPlan{s: s, render: render, rng: rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15)), measures: map[int]string{}}
	start := NewDate(today.Year()-1, time.January, 1)
	span := start.DaysUntil(today)
	steps := append([]demoStep{p.expert(start)}, p.ownMeasures(today)...)
	for i := range count {
		received := start.AddDays(span * i / count).AddDays(p.rng.IntN(max(1, span/count)))
		var stop Status
		askInfo := i%4 == 0
		if k := count - 1 - i; k < len(demoRecent) && k < count/2 {
			r := demoRecent[k]
			received, stop, askInfo = today.AddDays(-r.ago), r.stop, r.askInfo
		}
		steps = append(steps, p.complaint(i, received, stop, askInfo)...)
	}
	slices.SortStableFunc(steps, func(a, b demoStep) int {
		return cmp.Or(cmp.Compare(a.on.String(), b.on.String()), cmp.Compare(a.order, b.order))
	})
	for _, st := range steps {
		if st.on.After(today) {
			continue
		}
		at := st.on.Time().Add(9*time.Hour + time.Duration(st.order%400)*time.Minute)
		s.Now = func() time.Time {
			return time.Date(at.Year(), at.Month(), at.Day(), at.Hour(), at.Minute(), 0, 0, time.Local)
		}
		if err := st.do(); err != nil {
			return fmt.Errorf("demoregister maken mislukt op %s: %w", st.on, err)
		}
	}
	return nil
}

// demoRecent are the newest complaints of a demo register: how many days ago each came in and
// the status it stops in, so there is work waiting in every stage, one deadline missed among it.
var demoRecent = []struct {
	ago     int
	stop    Status
	askInfo bool
}{{1, StatusReceived, false}, {3, StatusInformal, false}, {12, StatusAcknowledged, true},
	{38, StatusExtended, false}, {33, StatusAcknowledged, false}, {20, StatusResolved, false}}

// demoPlan holds what the steps of a demo register share while it is being made.
type demoPlan struct {
	s        *Store
	render   LetterRenderer
	rng      *rand.Rand
	expertID int64
	measures map[int]string // per topic, the code of its latest measure
}

// confirm sends a letter of the given kind by post, as a practice would, or runs without
// when the demo makes no letters.
func (p *demoPlan) confirm(ref string, kind LetterKind, without func() error) error {
	if p.render == nil {
		return without()
	}
	pdf, err := p.render(ref, kind)
	if err != nil {
		return err
	}
	l, err := p.s.SaveLetter(ref, kind, "nl", pdf)
	if err != nil {
		return err
	}
	return p.s.MarkLetterSent(l.ID, Date{}, DeliveryPost)
}

func (p *demoPlan) expert(start Date) demoStep {
	return demoStep{on: start, order: -1, do: func() (err error) {
		p.expertID, err = p.s.SaveExpert(Expert{Name: "mr. drs. H.J. (Hanneke) Verhoef", Organisation: "Verhoef Geschiladvies",
			Email: "h.verhoef@verhoef-advies.example", SignedOn: start})
		return err
	}}
}

// demoComplaint plans one complaint's life. The most recent complaints stop in the open
// statuses, so a fresh demo register always has work waiting in every stage.
func (p *demoPlan) complaint(i int, received Date, stop Status, askInfo bool) []demoStep {
	s, rng := p.s, p.rng
	topicIndex := rng.IntN(len(demoTopics))
	topic := demoTopics[topicIndex]
	place := demoPlaces[rng.IntN(len(demoPlaces))]
	name := demoNames[i%len(demoNames)]
	channel := Channels[rng.IntN(len(Channels))]
	formal := stop != StatusInformal && (channel == ChannelLetter || channel == ChannelEmail || rng.IntN(3) > 0)
	if stop == StatusInformal {
		channel = ChannelConversation
	}
	c := Complaint{ReceivedOn: received, Channel: channel, Formal: formal, Subject: topic.subject,
		PersonNamed: topic.person, Summary: topic.summary, Description: topic.description, Desired: topic.desired,
		Complainant: Complainant{Name: name, AddressLine1: demoStreets[rng.IntN(len(demoStreets))],
			Postcode: place[0], City: place[1], Country: "Nederland", Phone: fmt.Sprintf("06 %08d", rng.IntN(1e8))}}
	if channel == ChannelEmail || rng.IntN(2) == 0 {
		c.Complainant.Email = fmt.Sprintf("klager%d@voorbeeld.example", i+1)
	}
	var ref string
	var steps []demoStep
	day := received
	add := func(after int, do func() error) {
		day = day.AddDays(after)
		steps = append(steps, demoStep{on: day, order: i, do: do})
	}
	add(0, func() (err error) { ref, err = s.Create(c); return err })

	verdict := Verdicts[rng.IntN(len(Verdicts))]
	if stop == StatusResolved {
		verdict = VerdictPartlyWellFounded // so the overview asks for a measure
	}
	if !formal {
		if stop == StatusInformal || stop == "" && rng.IntN(3) == 0 {
			if stop == "" {
				add(2+rng.IntN(5), func() error {
					return s.Resolve(ref, Resolution{Verdict: VerdictSettled, Outcome: demoOutcomes[VerdictSettled], Justified: JustifiedNo})
				})
				add(1, func() error { return s.CloseComplaint(ref) })
			}
			return steps
		}
		add(2+rng.IntN(5), func() error { return s.Escalate(ref, Date{}) })
	}
	if stop == StatusReceived {
		return steps
	}
	if i%9 == 4 && stop == "" {
		add(3+rng.IntN(6), func() error { return s.Withdraw(ref, "Klager wil de klacht niet verder voortzetten.") })
		return steps
	}
	add(1+rng.IntN(6), func() error {
		return p.confirm(ref, LetterAcknowledgement, func() error { return s.Acknowledge(ref, Date{}, DeliveryEmail, "Ontvangst per e-mail bevestigd.") })
	})
	note := demoContactNotes[rng.IntN(len(demoContactNotes))]
	if askInfo {
		info := demoInfoRequests[rng.IntN(len(demoInfoRequests))]
		var due Date
		add(2+rng.IntN(5), func() error {
			due = s.today().AddDays(10)
			_, err := s.AddContact(ref, Contact{Kind: ContactPhone, Note: note, InfoRequested: info, InfoDueOn: due})
			return err
		})
		if stop == "" {
			add(4+rng.IntN(5), func() error { return s.InformationReceived(ref, Date{}) })
		}
	} else {
		add(2+rng.IntN(5), func() error {
			_, err := s.AddContact(ref, Contact{Kind: ContactPhone, Note: note})
			return err
		})
	}
	if stop == StatusAcknowledged {
		return steps
	}
	if stop == StatusExtended || i%5 == 2 {
		reason := demoExtensionReasons[rng.IntN(len(demoExtensionReasons))]
		add(12+rng.IntN(6), func() error {
			c, err := s.Complaint(ref)
			if err != nil {
				return err
			}
			return s.Extend(ref, c.DueOn.AddDays(21), reason)
		})
		add(1, func() error {
			return p.confirm(ref, LetterProgress, func() error {
				_, err := s.AddContact(ref, Contact{Kind: ContactLetter, Note: "Voortgangsbericht verstuurd: " + reason})
				return err
			})
		})
		if i%2 == 0 && stop == "" {
			add(2, func() error {
				return s.GiveConsent(ref, Consent{How: "schriftelijk (getekend formulier)", Scope: "dossierstukken over de klacht"})
			})
			add(1, func() error {
				_, err := s.ShareDocuments(ref, Share{ExpertID: p.expertID, Documents: "klachtbrief, offerte en factuur"})
				return err
			})
		}
		if stop == StatusExtended {
			return steps
		}
	}
	add(2+rng.IntN(8), func() error { return hearBothSides(s, ref) })
	add(1+rng.IntN(4), func() error {
		r := Resolution{Verdict: verdict, Outcome: demoOutcomes[verdict]}
		if verdict == VerdictSettled {
			r.Justified = JustifiedNo
		}
		return s.Resolve(ref, r)
	})
	if stop == StatusResolved {
		return steps
	}
	if verdict.NeedsMeasure() {
		steps = append(steps, p.measureSteps(i, &ref, topicIndex, &day)...)
	}
	if p.render == nil {
		return steps // without letters the outcome cannot be confirmed, so the file stays open
	}
	add(1+rng.IntN(3), func() error { return p.confirm(ref, LetterOutcome, nil) })
	if i%7 != 3 { // a few stay resolved, awaiting closing
		add(rng.IntN(4), func() error { return s.CloseComplaint(ref) })
	}
	return steps
}

// measureSteps answer a (partly) well-founded demo complaint the day after its resolution, as a
// practice would: mostly with a measure for its topic (linked to the topic's measure while that
// is still open), now and then with the reason why none is needed. ref is filled in when the
// complaint is registered, after planning. A measure made here is
// carried out and evaluated weeks later, so the newest ones are still open, some past due.
func (p *demoPlan) measureSteps(i int, ref *string, topic int, day *Date) []demoStep {
	s, rng := p.s, p.rng
	*day = day.AddDays(1)
	if i%6 == 5 {
		reason := demoNoMeasureReasons[rng.IntN(len(demoNoMeasureReasons))]
		return []demoStep{{on: *day, order: i, do: func() error { return s.RecordNoMeasure(*ref, reason) }}}
	}
	t := demoTopics[topic]
	owner := demoOwners[rng.IntN(len(demoOwners))]
	dueIn, doneIn, evaluateIn, effective := 21+rng.IntN(40), 14+rng.IntN(50), 45+rng.IntN(60), rng.IntN(5) > 0
	var code string // set when this complaint led to a new measure
	add := func() error {
		if known := p.measures[topic]; known != "" {
			m, err := s.Measure(known)
			if err != nil {
				return err
			}
			if m.Open() {
				return s.LinkMeasure(known, *ref)
			}
		}
		m, err := s.AddMeasure(Measure{Description: t.measure, RootCause: t.cause, Owner: owner, DueOn: s.today().AddDays(dueIn)}, *ref)
		if err != nil {
			return err
		}
		code, p.measures[topic] = m.Code, m.Code
		return nil
	}
	done := func() error {
		if code == "" {
			return nil
		}
		return s.MeasureDone(code, Date{})
	}
	evaluate := func() error {
		if code == "" {
			return nil
		}
		return s.EvaluateMeasure(code, Date{}, effective, demoEvaluations[effective])
	}
	return []demoStep{{on: *day, order: i, do: add}, {on: day.AddDays(doneIn), order: i, do: done},
		{on: day.AddDays(doneIn + evaluateIn), order: i, do: evaluate}}
}

// ownMeasures are two measures from the practice's own evaluation, linked to no complaint: one
// past its due date, one under way, so the measures and deadlines show both.
func (p *demoPlan) ownMeasures(today Date) []demoStep {
	add := func(ago, dueIn int, m Measure) demoStep {
		return demoStep{on: today.AddDays(-ago), order: -1, do: func() error {
			m.DueOn = p.s.today().AddDays(dueIn)
			_, err := p.s.AddMeasure(m)
			return err
		}}
	}
	return []demoStep{
		add(45, 40, Measure{Description: "De klachtenprocedure vermelden op de website en in elke opdrachtbevestiging.",
			RootCause: "communication"}),
		add(10, 50, Measure{Description: "Jaarlijkse bespreking van alle klachten in het teamoverleg, met een verslag voor het kwaliteitsdossier.",
			RootCause: "other", Owner: "Mark Peters"}),
	}
}

// hearBothSides records the hearing of the complainant and, when the complaint names a person,
// of that person, as a practice does before deciding a formal complaint.
func hearBothSides(s *Store, ref string) error {
	c, err := s.Complaint(ref)
	if err != nil {
		return err
	}
	if _, err := s.AddContact(ref, Contact{Kind: ContactMeeting, Party: PartyComplainant, Hearing: true,
		Note: "Gesprek met de klager; haar of zijn kant van de zaak gehoord."}); err != nil {
		return err
	}
	if c.PersonNamed == "" {
		return nil
	}
	_, err = s.AddContact(ref, Contact{Kind: ContactMeeting, Party: PartyConcerned, Hearing: true,
		Note: "Reactie van de betrokkene op de klacht gehoord."})
	return err
}
