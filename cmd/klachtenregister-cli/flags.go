package main

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"syscall"
)

// The refusals of Go's flag package, which are English and written for programmers. Their
// wording has been the same since Go 1; a refusal none of them matches keeps its own text.
var (
	flagUndefined = regexp.MustCompile(`^flag provided but not defined: -+(.*)$`)
	flagNoValue   = regexp.MustCompile(`^flag needs an argument: -+(.*)$`)
	flagBadValue  = regexp.MustCompile(`^invalid (?:boolean )?value ("(?:[^"\\]|\\.)*") for (?:flag )?-+([^:]+): (.*)$`)
	flagBadBool   = regexp.MustCompile(`^invalid boolean flag ([^:]+): `)
	flagBadSyntax = regexp.MustCompile(`^bad flag syntax: (.*)$`)
)

// flagRefusal is the flag package's refusal of a command line in the practitioner's words,
// saying what to type instead. usage is the command's usage line, from which the form of a
// flag's value is taken ("--received JJJJ-MM-DD").
func flagRefusal(fs *flag.FlagSet, usage string, err error) string {
	msg := err.Error()
	if m := flagUndefined.FindStringSubmatch(msg); m != nil {
		if near := nearestFlag(fs, m[1]); near != "" {
			return fmt.Sprintf("de optie %s bestaat niet bij deze opdracht (bedoelt u %s?)", dashed(m[1]), dashed(near))
		}
		return fmt.Sprintf("de optie %s bestaat niet bij deze opdracht; controleer de spelling", dashed(m[1]))
	}
	if m := flagNoValue.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("na %s hoort een waarde: %s", dashed(m[1]), flagForm(fs, usage, m[1]))
	}
	if m := flagBadValue.FindStringSubmatch(msg); m != nil {
		value, name, why := m[1], m[2], m[3] // value as the flag package quoted it
		if isBool(fs, name) {
			return fmt.Sprintf("%s is een keuze die aan of uit staat en neemt geen waarde (%s); schrijf alleen %s, of laat het weg", dashed(name), value, dashed(name))
		}
		switch why {
		case "parse error":
			return fmt.Sprintf("%s is geen geldig getal voor %s; schrijf %s", value, dashed(name), flagForm(fs, usage, name))
		case "value out of range":
			return fmt.Sprintf("%s is te groot voor %s; schrijf %s", value, dashed(name), flagForm(fs, usage, name))
		}
		return fmt.Sprintf("%s: %s", dashed(name), why) // the flag's own Dutch refusal (ids, refList)
	}
	if m := flagBadBool.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("%s is een keuze die aan of uit staat; schrijf alleen %s, of laat het weg", dashed(m[1]), dashed(m[1]))
	}
	if m := flagBadSyntax.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("%q is geen optie; een optie begint met -- gevolgd door een naam, zoals --db", m[1])
	}
	return msg
}

// flagForm is how a flag is written with its value, as the usage line shows it
// ("--received JJJJ-MM-DD"), or else with its description.
func flagForm(fs *flag.FlagSet, usage, name string) string {
	if m := regexp.MustCompile(`(^|\s|\[)` + regexp.QuoteMeta(dashed(name)) + ` ([^\s\[\]()|]+)`).FindStringSubmatch(usage); m != nil {
		return dashed(name) + " " + m[2]
	}
	if f := fs.Lookup(name); f != nil && f.Usage != "" {
		return fmt.Sprintf("%s WAARDE (%s)", dashed(name), f.Usage)
	}
	return dashed(name) + " WAARDE"
}

// dashed is a flag as the usage lines write it: -o, --received.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// nearestFlag is the command's flag a mistyped one was probably meant to be (--recieved:
// received), at most two letters off; "" when none is that close.
func nearestFlag(fs *flag.FlagSet, typed string) string {
	best, bestDist := "", 3
	fs.VisitAll(func(f *flag.Flag) {
		if d := editDistance(strings.ToLower(typed), f.Name); d < bestDist && d < len(f.Name) {
			best, bestDist = f.Name, d
		}
	})
	return best
}

// editDistance is the number of letters to add, remove or change to turn a into b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := []int{i}
		for j := 1; j <= len(b); j++ {
			change := prev[j-1]
			if a[i-1] != b[j-1] {
				change++
			}
			cur = append(cur, min(prev[j]+1, cur[j-1]+1, change))
		}
		prev = cur
	}
	return prev[len(b)]
}

// isBool reports whether the flag name is a switch (--formal) rather than one with a value.
func isBool(fs *flag.FlagSet, name string) bool {
	f := fs.Lookup(name)
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// signalName is what stopped the program, as the practitioner knows it: Ctrl+C, or a task
// stopped by the task scheduler or the system.
func signalName(sig os.Signal) string {
	if sig == os.Interrupt {
		return "Ctrl+C"
	}
	if sig == syscall.SIGTERM {
		return "gestopt door de taakplanner of het systeem"
	}
	return "signaal om te stoppen"
}

// given reports whether the flag name was on the command line, also with its default value.
func given(fs *flag.FlagSet, name string) bool {
	found := false
	fs.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}
