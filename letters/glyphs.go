package letters

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unicode"

	"klachtenregister/assets"
	"klachtenregister/data"
)

// coverage is the set of characters both embedded fonts, regular and bold, can draw. The PDF
// library puts a character the font lacks on the page as the font's placeholder glyph (an
// empty box or nothing at all), so it silently goes missing; every printed text is checked against this set first, and a
// name that would print wrongly stops the letter instead.
var coverage = func() *runeSet {
	regular, err := parseCmap(assets.SansRegular)
	if err != nil {
		panic("embedded font: " + err.Error()) // the embedded file is part of the build
	}
	bold, err := parseCmap(assets.SansBold)
	if err != nil {
		panic("embedded font: " + err.Error())
	}
	for i := range regular {
		regular[i] &= bold[i]
	}
	return regular
}()

// runeSet is a set of characters of the Basic Multilingual Plane (U+0000 to U+FFFF), as a
// bitmap. Characters beyond it, such as emoji, are never in it, so they are always refused.
type runeSet [65536 / 64]uint64

func (s *runeSet) add(r rune) {
	if r >= 0 && r < 65536 {
		s[r/64] |= 1 << (r % 64)
	}
}

func (s *runeSet) has(r rune) bool { return r >= 0 && r < 65536 && s[r/64]&(1<<(r%64)) != 0 }

// checkGlyphs reports the first character of text that the letter font cannot print, saying
// where it is and giving the character's code, so the practitioner can find and replace it.
// field is the input the error belongs to (data.Error.Field), where names it for people.
func checkGlyphs(field string, where data.Text, text string) error {
	for _, r := range text {
		if r == '\n' || coverage.has(r) {
			continue
		}
		shown := string(r)
		if !unicode.IsPrint(r) {
			shown = "onzichtbaar teken"
		}
		return data.NewError(data.CodeInvalid, field, "in %s staat een teken dat het lettertype van de brieven niet kan afdrukken: %q (U+%04X); pas de tekst aan", where, shown, r)
	}
	return nil
}

// parseCmap reads which characters a TrueType font maps to a glyph, from its Windows Unicode
// cmap subtable (format 4 or 12).
func parseCmap(font []byte) (*runeSet, error) {
	be := binary.BigEndian
	short := errors.New("font file too short")
	if len(font) < 12 {
		return nil, short
	}
	var cmap []byte
	for i, n := 0, int(be.Uint16(font[4:])); i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(font) {
			return nil, short
		}
		if string(font[rec:rec+4]) == "cmap" {
			off, length := int(be.Uint32(font[rec+8:])), int(be.Uint32(font[rec+12:]))
			if off+length > len(font) {
				return nil, short
			}
			cmap = font[off : off+length]
		}
	}
	if len(cmap) < 4 {
		return nil, errors.New("font has no cmap table")
	}
	var best []byte
	for i, n := 0, int(be.Uint16(cmap[2:])); i < n && 4+8*i+8 <= len(cmap); i++ {
		rec := cmap[4+8*i:]
		platform, encoding, off := be.Uint16(rec), be.Uint16(rec[2:]), int(be.Uint32(rec[4:]))
		if platform != 3 || (encoding != 1 && encoding != 10) || off+2 > len(cmap) {
			continue
		}
		if best == nil || be.Uint16(cmap[off:]) == 12 {
			best = cmap[off:]
		}
	}
	if best == nil {
		return nil, errors.New("font has no Unicode cmap")
	}
	set := &runeSet{}
	switch be.Uint16(best) {
	case 4:
		return set, cmap4(best, set)
	case 12:
		return set, cmap12(best, set)
	}
	return nil, fmt.Errorf("cmap format %d not supported", be.Uint16(best))
}

func cmap4(t []byte, set *runeSet) error {
	be := binary.BigEndian
	if len(t) < 14 {
		return errors.New("cmap format 4 too short")
	}
	seg := int(be.Uint16(t[6:])) / 2
	ends, starts, deltas, ranges := 14, 16+2*seg, 16+4*seg, 16+6*seg
	if ranges+2*seg > len(t) {
		return errors.New("cmap format 4 too short")
	}
	for i := range seg {
		end, start := int(be.Uint16(t[ends+2*i:])), int(be.Uint16(t[starts+2*i:]))
		delta, ro := int(be.Uint16(t[deltas+2*i:])), int(be.Uint16(t[ranges+2*i:]))
		for c := start; c <= end && c != 0xFFFF; c++ {
			glyph := (c + delta) & 0xFFFF
			if ro != 0 {
				at := ranges + 2*i + ro + 2*(c-start)
				if at+2 > len(t) {
					continue
				}
				if glyph = int(be.Uint16(t[at:])); glyph != 0 {
					glyph = (glyph + delta) & 0xFFFF
				}
			}
			if glyph != 0 {
				set.add(rune(c))
			}
		}
	}
	return nil
}

func cmap12(t []byte, set *runeSet) error {
	be := binary.BigEndian
	if len(t) < 16 {
		return errors.New("cmap format 12 too short")
	}
	n := int(be.Uint32(t[12:]))
	for i := 0; i < n && 16+12*i+12 <= len(t); i++ {
		g := t[16+12*i:]
		start, end, glyph := be.Uint32(g), be.Uint32(g[4:]), be.Uint32(g[8:])
		for c := start; c <= end && c < 65536; c++ {
			if glyph+(c-start) != 0 {
				set.add(rune(c))
			}
		}
	}
	return nil
}
