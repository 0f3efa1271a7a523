package demo

import (
	"fmt"

	"klachtenregister/data"
)

// life plans the steps of one complaint from the day it comes in.
type life struct {
	p   *plan
	c   *complaint
	i   int
	day data.Date
}

// then adds a step after days more days.
func (l *life) then(days int, do func(s *data.Store) error) {
	l.day = l.day.AddDays(days)
	l.p.add(step{on: l.day, order: l.i, c: l.c, do: do})
}

// letter adds a letter made and sent by post after days more days.
func (l *life) letter(days int, kind data.LetterKind) {
	l.day = l.day.AddDays(days)
	l.p.add(step{on: l.day, order: l.i, c: l.c, letter: kind})
}

// complaint plans complaint i's life as a practice lives it: registered, receipt confirmed
// by letter, a call, sometimes information asked for, an extension with a progress letter
// and an expert, the verdict, a measure when it is well-founded, the outcome letter, closing.
// It stops at f.stop, or where the complainant withdraws.
func (p *plan) complaint(i int, received data.Date, f fate) {
	rng := p.rng
	t := rng.IntN(len(topics))
	tp, place := topics[t], places[rng.IntN(len(places))]
	channel := data.Channels[rng.IntN(len(data.Channels))]
	if f.stop == data.StatusInformal || !f.formal {
		channel = []data.Channel{data.ChannelConversation, data.ChannelPhone}[rng.IntN(2)]
	}
	c := data.Complaint{ReceivedOn: received, Channel: channel, Formal: f.formal, Subject: tp.subject,
		PersonNamed: tp.person, Summary: tp.summary, Description: tp.description, Desired: tp.desired,
		Complainant: data.Complainant{Name: name(i, rng.IntN(1<<16)), AddressLine1: streets[rng.IntN(len(streets))],
			Postcode: place[0], City: place[1], Country: "Nederland", Phone: fmt.Sprintf("06 %08d", rng.IntN(1e8))}}
	if channel == data.ChannelEmail || rng.IntN(2) == 0 {
		c.Complainant.Email = fmt.Sprintf("klager%d@voorbeeld.example", i+1)
	}
	if i%12 == 5 { // a client's company or association, for which the complainant speaks
		c.Complainant.Organisation = organisations[(i/12)%len(organisations)]
	}
	if f.formal && channel == data.ChannelPhone {
		c.PhoneIntake = phoneCall
	}
	l := &life{p: p, c: &complaint{}, i: i, day: received}
	l.then(0, func(s *data.Store) (err error) { l.c.ref, err = s.Create(c); return err })
	filed := received
	if !f.formal {
		l.then(1+rng.IntN(3), func(s *data.Store) error {
			_, err := s.AddContact(l.c.ref, data.Contact{Kind: data.ContactPhone, Note: contactNotes[rng.IntN(len(contactNotes))]})
			return err
		})
		if f.stop == data.StatusInformal {
			return
		}
		if rng.IntN(3) > 0 { // settled in conversation
			l.then(1+rng.IntN(5), func(s *data.Store) error {
				return s.Resolve(l.c.ref, data.Resolution{Verdict: data.VerdictSettled, Outcome: outcomes[data.VerdictSettled],
					Justified: data.JustifiedNo})
			})
			l.then(rng.IntN(3), func(s *data.Store) error { return s.CloseComplaint(l.c.ref) })
			return
		}
		l.then(1+rng.IntN(5), func(s *data.Store) error { return s.Escalate(l.c.ref, data.Date{}, phoneCall) })
		filed = l.day
	}
	p.formal(l, t, filed, f)
}

// formal plans the formal procedure of a complaint filed on filed.
func (p *plan) formal(l *life, t int, filed data.Date, f fate) {
	rng, ref := p.rng, func() string { return l.c.ref }
	if f.stop == data.StatusReceived {
		return
	}
	if rng.IntN(4) == 0 {
		l.then(0, func(s *data.Store) error {
			_, err := s.AddAttachment(ref(), "klachtbrief.pdf", Placeholder)
			return err
		})
	}
	l.letter(1+rng.IntN(5), data.LetterAcknowledgement)
	note := contactNotes[rng.IntN(len(contactNotes))]
	if f.askInfo {
		info := infoRequests[rng.IntN(len(infoRequests))]
		l.then(1+rng.IntN(4), func(s *data.Store) error {
			_, err := s.AddContact(ref(), data.Contact{Kind: data.ContactPhone, Note: note, InfoRequested: info, InfoDueOn: data.Today(l.p.now).AddDays(10)})
			return err
		})
		if f.stop == "" {
			l.then(3+rng.IntN(6), func(s *data.Store) error { return s.InformationReceived(ref(), data.Date{}, "") })
		}
	} else {
		l.then(1+rng.IntN(5), func(s *data.Store) error {
			_, err := s.AddContact(ref(), data.Contact{Kind: data.ContactPhone, Note: note})
			return err
		})
	}
	if f.withdraw {
		l.then(2+rng.IntN(6), func(s *data.Store) error {
			return s.Withdraw(ref(), data.Date{}, "Klager wil de klacht niet verder voortzetten.")
		})
		l.letter(2, data.LetterWithdrawal) // confirmed in writing, as for every formal complaint (WithdrawalLetterDue)
		return
	}
	if f.stop == data.StatusAcknowledged {
		return
	}
	due := data.ResolutionDue(filed, p.set.Policy(), p.set)
	if f.stop == data.StatusExtended || f.stop == "" && rng.IntN(5) == 0 {
		p.extend(l, due, f)
		if f.stop == data.StatusExtended {
			return
		}
	} else if d := l.day.DaysUntil(due) - 8; f.stop == "" && d > 0 {
		l.day = l.day.AddDays(rng.IntN(d)) // most are resolved within the target date, some on its last days
	}
	verdict := data.Verdicts[rng.IntN(len(data.Verdicts))]
	if f.stop == data.StatusResolved {
		verdict = data.VerdictPartlyWellFounded // so the overview asks for a measure and the outcome letter
	}
	p.hearing(l, topics[t].person != "")
	l.then(1+rng.IntN(3), func(s *data.Store) error {
		r := data.Resolution{Verdict: verdict, Outcome: outcomes[verdict]}
		if verdict == data.VerdictSettled {
			r.Justified = data.JustifiedNo
		}
		return s.Resolve(ref(), r)
	})
	if f.stop == data.StatusResolved {
		return
	}
	if verdict.NeedsMeasure() {
		p.measure(l, t)
	}
	l.letter(1+rng.IntN(3), data.LetterOutcome)
	l.then(rng.IntN(4), func(s *data.Store) error { return s.CloseComplaint(ref()) })
	if l.c.shared { // the expert returns or destroys the copies once the file has ended, as they promised
		destroyed := rng.IntN(2) == 0
		l.then(2+rng.IntN(8), func(s *data.Store) error {
			return s.RecordCopiesReturned(ref(), data.CopiesReturned{ExpertID: p.expertID, Destroyed: destroyed})
		})
	}
}

// hearing plans the hearing of the complainant and, when the complaint names a person, of that
// person, as the procedure requires before a formal complaint is decided.
func (p *plan) hearing(l *life, concerned bool) {
	ref := func() string { return l.c.ref }
	l.then(1+p.rng.IntN(4), func(s *data.Store) error {
		_, err := s.AddContact(ref(), data.Contact{Kind: data.ContactMeeting, Party: data.PartyComplainant, Hearing: true,
			Note: "Gesprek met de klager; haar of zijn kant van de zaak gehoord."})
		return err
	})
	if concerned {
		l.then(p.rng.IntN(3), func(s *data.Store) error {
			_, err := s.AddContact(ref(), data.Contact{Kind: data.ContactMeeting, Party: data.PartyConcerned, Hearing: true,
				Note: "Reactie van de betrokkene op de klacht gehoord."})
			return err
		})
	}
}

// extend plans an extension a few days before the target date due, with its progress letter,
// and for half of them the advice of an expert: consent asked, documents shared.
func (p *plan) extend(l *life, due data.Date, f fate) {
	rng, ref := p.rng, func() string { return l.c.ref }
	on := due.AddDays(-3 - rng.IntN(6))
	if !on.After(l.day) {
		on = l.day.AddDays(1)
	}
	reason, until := extensionReasons[rng.IntN(len(extensionReasons))], due.AddDays(21)
	l.then(l.day.DaysUntil(on), func(s *data.Store) error { return s.Extend(ref(), until, reason) })
	l.letter(1, data.LetterProgress)
	if f.stop != "" {
		return
	}
	if rng.IntN(2) == 0 {
		l.then(2, func(s *data.Store) error {
			return s.GiveConsent(ref(), data.Consent{How: "schriftelijk (getekend formulier)", Documents: data.Documents{All: true}})
		})
		l.then(1, func(s *data.Store) error { return p.shareWithExpert(s, ref(), l.c.ackID) })
		l.c.shared = true
	}
	if d := l.day.DaysUntil(until) - 8; d > 0 {
		l.day = l.day.AddDays(rng.IntN(d))
	}
}

// measure answers a (partly) well-founded complaint the day after its verdict, as a practice
// would: mostly with its topic's measure (linked while that is still open, else a new one),
// now and then with the reason why none is needed. A new measure is carried out and
// evaluated weeks later, so the newest ones are still open, some past their due date.
func (p *plan) measure(l *life, t int) {
	rng, ref := p.rng, func() string { return l.c.ref }
	if rng.IntN(6) == 0 {
		reason := noMeasureReasons[rng.IntN(len(noMeasureReasons))]
		l.then(1, func(s *data.Store) error { return s.RecordNoMeasure(ref(), reason) })
		return
	}
	tp, owner := topics[t], owners[rng.IntN(len(owners))]
	dueIn, doneIn, evaluateIn, effective := 21+rng.IntN(40), 14+rng.IntN(50), 45+rng.IntN(60), rng.IntN(5) > 0
	var made *measure // the measure this complaint led to, if it is new
	l.then(1, func(s *data.Store) error {
		if m := p.measures[t]; m != nil && !m.done {
			return s.LinkMeasure(m.code, ref())
		}
		m, err := s.AddMeasure(data.Measure{Description: tp.measure, RootCause: tp.cause, Owner: owner,
			DueOn: data.Today(p.now).AddDays(dueIn)}, ref())
		if err != nil {
			return err
		}
		made = &measure{code: m.Code}
		p.measures[t] = made
		return nil
	})
	p.add(step{on: l.day.AddDays(doneIn), order: l.i, do: func(s *data.Store) error {
		if made == nil {
			return nil
		}
		made.done = true
		return s.MeasureDone(made.code, data.Date{})
	}})
	p.add(step{on: l.day.AddDays(doneIn + evaluateIn), order: l.i, do: func(s *data.Store) error {
		if made == nil {
			return nil
		}
		return s.EvaluateMeasure(made.code, data.Date{}, effective, evaluations[effective])
	}})
}

// ownMeasures are two measures from the practice's own evaluation, linked to no complaint: one
// past its due date, one under way, so the measures and deadlines show both.
func (p *plan) ownMeasures() {
	add := func(ago, dueIn int, m data.Measure) {
		on := p.today.AddDays(-ago)
		m.DueOn = on.AddDays(dueIn)
		p.add(step{on: on, order: -1, do: func(s *data.Store) error { _, err := s.AddMeasure(m); return err }})
	}
	add(45, 40, data.Measure{Description: "De klachtenprocedure vermelden op de website en in elke opdrachtbevestiging.",
		RootCause: "communication"})
	add(10, 50, data.Measure{Description: "Jaarlijkse bespreking van alle klachten in het teamoverleg, met een verslag voor het kwaliteitsdossier.",
		RootCause: "other", Owner: "Mark Peters"})
}

// phoneCall is the demo practice's record of a complaint taken by phone for the formal
// procedure: who took the call, and that the complainant explicitly asked for it.
var phoneCall = data.PhoneIntake{TakenBy: "Sanne Bakker (secretariaat)", ExplicitRequest: true}

// shareWithExpert keeps the confidentiality statement for the demo's expert, records it signed
// and sends them the acknowledgement letter ack, as a practice consulting an expert would.
// Nothing is read back: inside the demo's batch the reader does not see its writes yet.
func (p *plan) shareWithExpert(s *data.Store, ref string, ack int64) error {
	l, err := s.SaveLetter(ref, data.LetterConfidentiality, "nl", Placeholder, p.expertID)
	if err != nil {
		return err
	}
	if err := s.MarkLetterSent(l.ID, data.Date{}, data.DeliveryEmail); err != nil {
		return err
	}
	if err := s.RecordStatement(ref, p.expertID, data.Today(s.Now())); err != nil {
		return err
	}
	_, err = s.ShareDocuments(ref, data.Share{ExpertID: p.expertID, Letters: []int64{ack}})
	return err
}
