// Package demo makes demo registers: a fictional practice's complaints over the last two
// calendar years, in every stage of the procedure, for trying the app and for measuring it at
// scale. Every change goes through the same store methods a practitioner uses, with its audit
// event; only the transactions are large, so 100,000 complaints take minutes, not hours.
package demo

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"klachtenregister/data"
)

// Revision changes whenever Fill makes a different register from the same count, seed and
// day, so registers cached by count, seed and revision (the benchmarks') are made again.
const Revision = 7

// MaxCount is the largest demo register Fill makes.
const MaxCount = 100_000

// RealLetters is how many of the newest letters the renderer makes; the older ones get
// Placeholder, so a large register takes seconds, not an hour of typesetting.
const RealLetters = 2000

// LetterRenderer makes the PDF of a letter of a complaint in the register s, dated on. Package
// letters provides it; nothing under data imports that package.
type LetterRenderer func(s *data.Store, ref string, kind data.LetterKind, on data.Date) ([]byte, error)

// batchSize is how many steps go into one transaction: large enough that the disk waits
// little, small enough that the write-ahead log stays a few hundred megabytes.
const batchSize = 50_000

// Fill fills an empty register with count complaints received over the last two calendar
// years, each on its own day so the audit trail reads like a real practice's. The newest
// complaints stand in every open status, the older ones are closed or withdrawn with their
// letters sent. render makes the newest RealLetters letters; nil gives every letter the
// placeholder. A register that already holds complaints is refused.
func Fill(s *data.Store, count int, seed uint64, render LetterRenderer) error {
	if count < 1 || count > MaxCount {
		return data.NewError(data.CodeInvalid, "count", "kies een aantal klachten van 1 tot en met %d", MaxCount)
	}
	if n, err := s.Count(data.Filter{}); err != nil {
		return err
	} else if n > 0 {
		return data.NewError(data.CodeConflict, "", "de database %s bevat al %d klachten; een demoregister kan alleen in een lege database. Kies een nieuw bestand met --db", s.Path(), n)
	}
	if err := s.SetSettings(practice); err != nil {
		return err
	}
	set, err := s.Settings()
	if err != nil {
		return err
	}
	realNow := s.Now
	defer func() { s.Now = realNow }()
	p := &plan{s: s, set: set, render: render, realNow: realNow(), today: data.Today(realNow()),
		rng: rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15)), measures: map[int]*measure{}}
	s.Now = func() time.Time { return p.now }
	p.plan(count)
	return p.run()
}

// plan holds what the steps of a demo register share while it is being made.
type plan struct {
	s        *data.Store
	set      data.Settings
	render   LetterRenderer
	rng      *rand.Rand
	today    data.Date
	realNow  time.Time // when the register is made: no step is later
	now      time.Time // the store's clock while the register is made
	steps    []step
	expertID int64
	measures map[int]*measure // per topic, its latest measure
}

// step is one thing that happens on a day: a change through the store, or a letter made and
// sent. order keeps the steps of a day in the sequence they were planned.
type step struct {
	on     data.Date
	at     time.Time // set once every step is planned
	order  int
	c      *complaint // nil for the practice's own steps
	letter data.LetterKind
	real   bool // the letter is made by the renderer
	do     func(s *data.Store) error
}

// complaint is one demo complaint while it is being made: its reference is known once it
// is registered.
type complaint struct {
	ref    string
	ackID  int64 // the acknowledgement letter sent, which the expert gets to see
	shared bool  // documents go to the expert, who returns them once the file has ended
}

// measure is the latest measure of a topic: open until carried out.
type measure struct {
	code string
	done bool
}

// run makes the planned steps up to today, in large transactions. A letter the renderer
// makes is rendered inside the batch, from the complaint as it then stands.
func (p *plan) run() error {
	steps := p.steps
	for i, n := len(steps)-1, 0; i >= 0 && n < RealLetters && p.render != nil; i-- {
		if steps[i].letter != "" {
			steps[i].real, n = true, n+1
		}
	}
	for i := 0; i < len(steps); {
		err := p.s.Batch(func(b *data.Store) error {
			for start := i; i < len(steps) && i-start < batchSize; i++ {
				p.clock(i)
				if err := p.do(b, steps[i]); err != nil {
					return p.failed(steps[i], err)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (p *plan) failed(st step, err error) error {
	return fmt.Errorf("demoregister maken mislukt op %s: %w", st.on, err)
}

// clock sets the store's clock to step i's time.
func (p *plan) clock(i int) { p.now = p.steps[i].at }

// do runs one step: a change, or a letter made (by the renderer for a real one), saved and
// marked sent by post.
func (p *plan) do(b *data.Store, st step) error {
	if st.letter == "" {
		return st.do(b)
	}
	pdf := Placeholder
	if st.real {
		var err error
		if pdf, err = p.render(b, st.c.ref, st.letter, st.on); err != nil {
			return err
		}
	}
	l, err := b.SaveLetter(st.c.ref, st.letter, "nl", pdf, 0)
	if err != nil {
		return err
	}
	if st.letter == data.LetterAcknowledgement {
		st.c.ackID = l.ID
	}
	return b.MarkLetterSent(l.ID, data.Date{}, data.DeliveryPost)
}

// plan lays out every complaint's life, and the practice's own steps, in order of time.
// Steps after today are dropped: those complaints are still being handled.
func (p *plan) plan(count int) {
	start := data.NewDate(p.today.Year()-1, time.January, 1)
	span := start.DaysUntil(p.today)
	p.add(step{on: start, order: -1, do: func(s *data.Store) (err error) {
		p.expertID, err = s.SaveExpert(data.Expert{Name: "Hanneke Verhoef",
			NameParts: data.NameParts{Salutation: data.SalutationMrs, Initials: "H.J.", Surname: "Verhoef"}, Title: "mr. drs.",
			Organisation: "Verhoef Geschiladvies", AddressLine1: "Maliesingel 12", Postcode: "3581 BH", City: "Utrecht",
			Email: "h.verhoef@verhoef-advies.example", SignedOn: start})
		return err
	}})
	p.ownMeasures()
	for i := range count {
		f := p.fate(i, count)
		received := start.AddDays(span * i / count).AddDays(p.rng.IntN(max(1, span/count)))
		if f.ago > 0 {
			received = p.today.AddDays(-f.ago)
		}
		p.complaint(i, received, f)
	}
	p.steps = slices.DeleteFunc(p.steps, func(st step) bool { return st.on.After(p.today) })
	slices.SortStableFunc(p.steps, func(a, b step) int {
		return cmp.Or(a.on.Time().Compare(b.on.Time()), cmp.Compare(a.order, b.order))
	})
	// The steps of a day are spread evenly over office hours, so the audit trail's times
	// follow its order; today's end before the real time, so that no step is dated later
	// than the changes the user makes next.
	for first := 0; first < len(p.steps); {
		last := first
		for last+1 < len(p.steps) && !p.steps[last+1].on.After(p.steps[first].on) {
			last++
		}
		from, to := officeHours(p.steps[first].on, p.realNow)
		for i := first; i <= last; i++ {
			p.steps[i].at = from.Add(time.Duration(i-first) * to.Sub(from) / time.Duration(last-first+1))
		}
		first = last + 1
	}
}

// officeHours is the span a day's steps are spread over: 8:30 to 17:30, on the day of now up
// to now (from midnight when now is before 8:30).
func officeHours(day data.Date, now time.Time) (from, to time.Time) {
	t := day.Time()
	from = time.Date(t.Year(), t.Month(), t.Day(), 8, 30, 0, 0, time.Local)
	to = from.Add(9 * time.Hour)
	if to.After(now) {
		to = now
	}
	if !from.Before(to) {
		from = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.Local)
	}
	return from, to
}

func (p *plan) add(st step) { p.steps = append(p.steps, st) }

// fate is how far a complaint gets: stop is the status it stays in (zero: as far as time
// allows), ago how many days ago it came in (zero: in its place in the two years).
type fate struct {
	stop     data.Status
	ago      int
	formal   bool
	withdraw bool
	askInfo  bool
}

// recent are the newest complaints of a demo register, so there is work waiting in every
// open status, one deadline missed among it, whatever the seed.
var recent = []fate{
	{stop: data.StatusReceived, ago: 1, formal: true}, {stop: data.StatusInformal, ago: 3},
	{stop: data.StatusAcknowledged, ago: 12, formal: true, askInfo: true}, {stop: data.StatusExtended, ago: 38, formal: true},
	{stop: data.StatusAcknowledged, ago: 33, formal: true}, {stop: data.StatusResolved, ago: 20, formal: true},
}

// fate chooses complaint i's course: the oldest is closed and the second withdrawn, so both
// statuses are present for any seed; about a third start informally, one in thirty is withdrawn.
func (p *plan) fate(i, count int) fate {
	if k := count - 1 - i; k < len(recent) && k < count/2 {
		return recent[k]
	}
	f := fate{formal: p.rng.IntN(3) > 0, withdraw: i == 1 || p.rng.IntN(30) == 0, askInfo: p.rng.IntN(4) == 0}
	if i == 0 {
		f.formal, f.withdraw = true, false
	}
	return f
}
