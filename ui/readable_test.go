package ui

import (
	"fmt"
	"image/color"
	"math"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// The screens at the sizes a 1366×768 screen gives them at scale 1, 1.5 and 2, and the
// colours of the light and the dark theme.

// contrast is the WCAG contrast ratio of two opaque colours, from 1 to 21.
func contrast(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		r, g, b, _ := c.RGBA()
		lin := func(v uint32) float64 {
			c := float64(v) / 0xffff
			if c <= 0.03928 {
				return c / 12.92
			}
			return math.Pow((c+0.055)/1.055, 2.4)
		}
		return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// TestThemeReadableInLightAndDark: the red, amber and green of the deadlines and the faint
// text of disabled steps and hints are readable on the background and in fields, in both
// variants; Fyne's own amber is 2.2:1 and its green 1.5:1 on white.
func TestThemeReadableInLightAndDark(t *testing.T) {
	test.NewTempApp(t)
	th := appTheme{theme.DefaultTheme()}
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		bg, field := th.Color(theme.ColorNameBackground, v), th.Color(theme.ColorNameInputBackground, v)
		for _, n := range []fyne.ThemeColorName{theme.ColorNameForeground, theme.ColorNameError, theme.ColorNameWarning, theme.ColorNameSuccess} {
			if c := th.Color(n, v); contrast(c, bg) < 4.5 || contrast(c, field) < 4 {
				t.Errorf("variant %d: %s text has contrast %.1f on the background, %.1f in a field", v, n, contrast(c, bg), contrast(c, field))
			}
		}
		faint, text := th.Color(theme.ColorNameDisabled, v), th.Color(theme.ColorNameForeground, v)
		if contrast(faint, bg) < 3.5 || contrast(faint, bg) > contrast(text, bg)*0.7 {
			t.Errorf("variant %d: disabled text has contrast %.1f, ordinary text %.1f", v, contrast(faint, bg), contrast(text, bg))
		}
		if th.Color(theme.ColorNameBackground, v) != theme.DefaultTheme().Color(theme.ColorNameBackground, v) {
			t.Errorf("variant %d: the background is not Fyne's", v)
		}
	}
}

// TestThemeFollowsTheSystem: the app's theme leaves light or dark to the operating system
// (Fyne passes its choice in): it fixes no variant of its own.
func TestThemeFollowsTheSystem(t *testing.T) {
	a := test.NewTempApp(t)
	useTheme(a)
	th := a.Settings().Theme()
	light, dark := th.Color(theme.ColorNameBackground, theme.VariantLight), th.Color(theme.ColorNameBackground, theme.VariantDark)
	if contrast(light, color.White) > 1.1 || contrast(dark, color.Black) > 1.5 {
		t.Errorf("background light %v, dark %v: the theme does not follow the variant asked for", light, dark)
	}
}

// TestTilesFollowAThemeChange: when the system switches between light and dark while the
// app runs, the overview's tiles take the new colours; Fyne repaints widgets, not shapes.
func TestTilesFollowAThemeChange(t *testing.T) {
	m, _ := newApp(t)
	m.win.Resize(mainSize)
	settle(m)
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		th := appTheme{systemVariant{theme.DefaultTheme(), v}}
		test.ApplyTheme(t, th)
		want := th.Color(theme.ColorNameInputBackground, v)
		for i, tl := range m.Overview.tiles {
			if tl.bg.FillColor != want || tl.number.Color != th.Color(theme.ColorNameForeground, v) {
				t.Errorf("tile %d after the switch: background %v, number %v; want %v", i, tl.bg.FillColor, tl.number.Color, want)
			}
		}
	}
}

// systemVariant stands for the operating system's choice of light or dark, which the test
// driver does not make.
type systemVariant struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (s systemVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return s.Theme.Color(n, s.v)
}

// screenSizes are the main window's sizes on a 1366×768 screen at scale 1, 1.5 and 2.
func screenSizes() map[float32]fyne.Size {
	area := fyne.NewSize(1366, 768-40)
	return map[float32]fyne.Size{1: fitSize(mainSize, area, 1), 1.5: fitSize(mainSize, area, 1.5), 2: fitSize(mainSize, area, 2)}
}

// layoutAt lays win out at size. A toolbar that wraps knows its height only once laid out,
// which the desktop driver takes up in its next frame: a second layout stands for that.
func layoutAt(m *Main, win fyne.Window, size fyne.Size) {
	settle(m)
	win.Resize(size.AddWidthHeight(1, 0))
	win.Resize(size)
}

// TestTilesNeverBreakAWord: at scale 2 five tiles side by side broke "voortgangsbericht" in
// two; each tile is now at least as wide as its longest word.
func TestTilesNeverBreakAWord(t *testing.T) {
	m, _ := newApp(t)
	for scale, size := range screenSizes() {
		layoutAt(m, m.win, size)
		for _, tl := range m.Overview.tiles {
			if tl.label.Size().Width+0.5 < tl.needed() {
				t.Errorf("scale %.1f: tile %q is %.0f wide, its longest word needs %.0f", scale, tl.label.Text, tl.label.Size().Width, tl.needed())
			}
		}
	}
}

// TestRegisterColumnsReadableAtEveryScale: the register's reference, dates, status and
// Termijnbewaking are never cut; where the window is too narrow for all columns the least
// needed are left out, and the ones shown fit the table's width.
func TestRegisterColumnsReadableAtEveryScale(t *testing.T) {
	m, s := newApp(t)
	addComplaint(t, s, "Pieter-Bas van den Berg")
	m.tabs.Select(m.registerTab)
	r := m.Register
	for scale, size := range screenSizes() {
		layoutAt(m, m.win, size)
		var total float32
		titles := map[string]bool{}
		for i, col := range r.shown {
			c := registerColumns[col]
			titles[c.title] = true
			if c.grow == 0 && r.widths[i]+0.5 < fullWidth(c, r.widestRef) {
				t.Errorf("scale %.1f: column %s is %.0f wide, needs %.0f", scale, c.title, r.widths[i], fullWidth(c, r.widestRef))
			}
			total += r.widths[i] + theme.Padding()
		}
		for _, must := range []string{"Reference", "Complainant", "Status", "Deadline"} {
			if !titles[must] {
				t.Errorf("scale %.1f: column %s left out", scale, must)
			}
		}
		if view := r.table.Size().Width - theme.ScrollBarSize(); total > view+0.5 {
			t.Errorf("scale %.1f: columns take %.0f, the table shows %.0f", scale, total, view)
		}
		if scale == 1 && len(r.shown) != len(registerColumns) {
			t.Errorf("scale 1: only %d of %d columns shown", len(r.shown), len(registerColumns))
		}
	}
}

// TestMeasureButtonsNeverHidden: at scale 2 the measures' buttons and filter wrapped into a
// second row that the header's scroll container hid; they now lie above the list, in view.
func TestMeasureButtonsNeverHidden(t *testing.T) {
	m, _ := newApp(t)
	m.tabs.Select(m.measuresTab)
	ms := m.Measures
	d := fyne.CurrentApp().Driver()
	for scale, size := range screenSizes() {
		layoutAt(m, m.win, size)
		top := d.AbsolutePositionForObject(ms.list).Y
		for name, o := range map[string]fyne.CanvasObject{"new": ms.buttons["new"], "edit": ms.buttons["edit"], "done": ms.buttons["done"],
			"evaluate": ms.buttons["evaluate"], "filter": ms.filter} {
			if pos := d.AbsolutePositionForObject(o); pos.Y+o.Size().Height > top+0.5 || o.Size().Width == 0 {
				t.Errorf("scale %.1f: %s at %v size %v, the list starts at %.0f", scale, name, pos, o.Size(), top)
			}
		}
	}
}

// TestEmptyProblemLineTakesNoRoom: a complaint file whose details are fine shows no empty
// line above Save: at scale 2 that line took a third of the form's room.
func TestEmptyProblemLineTakesNoRoom(t *testing.T) {
	m, s := newApp(t)
	cf := m.OpenComplaint(addComplaint(t, s, "Iris de Boer"), "")
	settle(m)
	if cf.problem.Visible() {
		t.Errorf("problem line shown with %q", cf.problem.Text)
	}
	cf.form.name.SetText("")
	if !cf.problem.Visible() || cf.problem.Text == "" {
		t.Errorf("a file without a name: problem line shown %v, %q", cf.problem.Visible(), cf.problem.Text)
	}
}

// TestReportFiguresFitANarrowWindow: at scale 2 the figures of the previous year lay beyond
// the window's right edge, to be scrolled to; the labels now wrap and every figure is in view.
func TestReportFiguresFitANarrowWindow(t *testing.T) {
	m, _ := newApp(t)
	m.tabs.Select(m.reportTab)
	settle(m)
	rep := data.Report{Year: 2026, HasPrevious: true, MadeOn: data.NewDate(2026, 11, 30)}
	for _, y := range []*data.YearFigures{&rep.Current, &rep.Previous} { // the widest figures a practice has
		y.AckOnTime, y.WithinTerm = data.Ratio{N: 99, Of: 100}, data.Ratio{N: 99, Of: 100}
	}
	m.Report.show(rep)
	d := fyne.CurrentApp().Driver()
	for scale, size := range screenSizes() {
		layoutAt(m, m.win, size)
		layoutAt(m, m.win, size)
		figures := m.Report.body.Objects[0].(*fyne.Container).Objects[0].(*fyne.Container)
		for i, o := range figures.Objects {
			pos := d.AbsolutePositionForObject(o)
			if right := pos.X + o.Size().Width; right > m.win.Canvas().Size().Width+0.5 || o.Size().Width <= 0 {
				t.Errorf("scale %.1f: figure cell %d ends at %.0f, the window is %.0f wide", scale, i, right, m.win.Canvas().Size().Width)
			}
			if l, ok := o.(*widget.Label); ok && i%3 == 0 && l.MinSize().Height > o.Size().Height+0.5 {
				t.Errorf("scale %.1f: label %q needs %.0f high, has %.0f", scale, l.Text, l.MinSize().Height, o.Size().Height)
			}
		}
	}
}

// TestFileTabsFitAtEveryScale: on a demo register (its band takes a line more) every tab of a
// complaint file and of the main window needs no more room than a 1366×768 screen gives at scale 1, 1.5 and 2. At
// scale 2 the experts tab needed more, and the window grew past the bottom of the screen.
func TestFileTabsFitAtEveryScale(t *testing.T) {
	a := test.NewTempApp(t)
	if err := UseLanguage("nl"); err != nil {
		t.Fatal(err)
	}
	se := &session{app: a, path: filepath.Join(t.TempDir(), "register.db"), win: a.NewWindow("Klachtenregister"), demos: demoRegisters{size: 3}}
	t.Cleanup(se.demos.remove)
	demo, err := se.demos.open()
	if err != nil {
		t.Fatal(err)
	}
	se.start(demo)
	settle(se.current)
	listed, err := demo.List(data.Filter{Limit: 1})
	if err != nil || len(listed) == 0 {
		t.Fatalf("demo register lists %v (%v)", listed, err)
	}
	cf := se.current.OpenComplaint(listed[0].Reference, "")
	settle(se.current)
	area := fyne.NewSize(1366, 768-40)
	for _, scale := range []float32{1, 1.5, 2} {
		fit := fitSize(fileSize, area, scale)
		for _, item := range cf.tabs.Items {
			cf.tabs.Select(item)
			layoutAt(se.current, cf.win, fit)
			if min := cf.win.Content().MinSize(); min.Width > fit.Width || min.Height > fit.Height {
				t.Errorf("scale %.1f, tab %s: the file needs %v, the screen has %v", scale, item.Text, min, fit)
			}
		}
		fit = fitSize(mainSize, area, scale)
		for _, item := range se.current.tabs.Items {
			se.current.tabs.Select(item)
			layoutAt(se.current, se.win, fit)
			if min := se.win.Content().MinSize(); min.Width > fit.Width || min.Height > fit.Height {
				t.Errorf("scale %.1f, main window, %s: needs %v, the screen has %v", scale, item.Text, min, fit)
			}
		}
	}
}

// TestExpertButtonsInViewAtScale15: at scale 1.5 the experts tab's buttons lay below the
// half of the tab its top was given, hidden, above an empty list; the top now takes the room
// it needs while the list keeps some.
func TestExpertButtonsInViewAtScale15(t *testing.T) {
	m, s := newApp(t)
	cf := m.OpenComplaint(addComplaint(t, s, "Iris de Boer"), "")
	settle(m)
	cf.tabs.Select(cf.tab("experts"))
	layoutAt(m, cf.win, fitSize(fileSize, fyne.NewSize(1366, 768-40), 1.5))
	d := fyne.CurrentApp().Driver()
	b, list := cf.lists.consentButton, cf.lists.experts
	if bottom, top := d.AbsolutePositionForObject(b).Y+b.Size().Height, d.AbsolutePositionForObject(list).Y; bottom > top+0.5 {
		t.Errorf("the experts' buttons end at %.0f, below the top of the list at %.0f", bottom, top)
	}
}

// bigOffice is the register of an office with 12,000 complaints this year, newest first, for
// the register screen on its own.
type bigOffice struct{}

func (bigOffice) Count(data.Filter) (int, error) { return 12000, nil }
func (bigOffice) Years() ([]int, error)          { return []int{2026}, nil }
func (bigOffice) RegisterRows(f data.Filter) ([]data.Listed, error) {
	var rows []data.Listed
	for i := range f.Limit {
		n := 12000 - f.Offset - i
		var l data.Listed
		l.ID, l.Reference, l.ReceivedOn, l.Status, l.Summary = int64(n), fmt.Sprintf("K-2026-%04d", n), data.NewDate(2026, 11, 20),
			data.StatusReceived, "Factuur te hoog"
		l.Complainant.Name = "Pieter-Bas van den Berg"
		rows = append(rows, l)
	}
	return rows, nil
}

// TestFiveDigitReferencesFitTheirColumn: past 9,999 complaints a year the references have five
// digits (K-2026-12000), which the reference column, sized for four, cut to "K-2026-120…". Once
// such a reference is loaded the column widens to show it whole, at every scale.
func TestFiveDigitReferencesFitTheirColumn(t *testing.T) {
	test.NewTempApp(t)
	for scale, size := range screenSizes() {
		r := newRegister(bigOffice{}, func(string) {}, func(err error) { t.Error(err) })
		w := test.NewWindow(r.content())
		w.Resize(size)
		four := r.widths[0]
		r.refresh()
		for range 3 { // the count, then the first page the table asks for, then its layout
			for r.bg.wg.Wait(); len(delivered) > 0; {
				(<-delivered)()
			}
		}
		need := fullWidth(registerColumns[0], "K-2026-12000") // what shows it whole (looked at under Xvfb)
		if registerColumns[r.shown[0]].title != "Reference" || r.widths[0] < need || r.widths[0] <= four {
			t.Errorf("scale %.1f: reference column %.0f wide (%.0f for four digits), K-2026-12000 needs %.0f", scale, r.widths[0], four, need)
		}
		w.Close()
	}
}

// TestLongNamesReadWholeInTheRegister: "Renée Aydın (Van Dijk Installatietechniek B.V.)" was
// cut to "Renée Aydın (Va…" in a window of the usual size. Once loaded, the complainant column
// widens for the longest name as far as the window allows; it leaves no column out for it (a
// first version hid every complaint's date of receipt for one long name), and on a wide
// screen the name reads whole.
func TestLongNamesReadWholeInTheRegister(t *testing.T) {
	m, s := newApp(t)
	long := "Renée Aydın (Van Dijk Installatietechniek B.V.)"
	if _, err := s.Create(data.Complaint{Complainant: data.Complainant{Name: "Renée Aydın", Organisation: "Van Dijk Installatietechniek B.V.",
		Email: "r.aydin@example.nl"}, ReceivedOn: data.NewDate(2026, 11, 20), Channel: data.ChannelEmail, Formal: true,
		Subject: data.SubjectService, Summary: "Afspraak niet nagekomen"}); err != nil {
		t.Fatal(err)
	}
	m.tabs.Select(m.registerTab)
	r := m.Register
	nameWidth := func() float32 { return r.widths[slices.Index(r.shown, 2)] }
	for _, scale := range []float32{1, 1.5, 2} {
		layoutAt(m, m.win, screenSizes()[scale])
		shortNames, shortWidth := slices.Clone(r.shown), nameWidth()
		r.refresh()
		settle(m)
		r.row(0)
		settle(m)
		layoutAt(m, m.win, screenSizes()[scale])
		if !slices.Equal(r.shown, shortNames) {
			t.Errorf("scale %.1f: with a long name the register shows columns %v, without it %v", scale, r.shown, shortNames)
		}
		if nameWidth() < shortWidth {
			t.Errorf("scale %.1f: the complainant column narrowed from %.0f to %.0f for a long name", scale, shortWidth, nameWidth())
		}
		r.nameWidth = 0 // as for a register of short names, at the next scale
	}
	r.refresh()
	settle(m)
	r.row(0)
	settle(m)
	// The whole screen of 1366 pixels: every column, the summary still readable (one long name
	// among the rows loaded widens the column for all of them, so the summary would otherwise
	// read "Vertrouwelij…" in every row); a wider screen shows the name whole.
	layoutAt(m, m.win, fyne.NewSize(1366, 728))
	if i := slices.Index(r.shown, 3); len(r.shown) != len(registerColumns) || i < 0 || r.widths[i]+0.5 < 170 {
		t.Errorf("full screen: %d of %d columns shown, widths %v; the summary needs 170", len(r.shown), len(registerColumns), r.widths)
	}
	layoutAt(m, m.win, fyne.NewSize(1600, 860))
	if i := slices.Index(r.shown, 2); len(r.shown) != len(registerColumns) || i < 0 || r.widths[i]+0.5 < cellWidth(long) {
		t.Errorf("wide screen: %d of %d columns shown, widths %v; %q needs %.0f", len(r.shown), len(registerColumns), r.widths, long, cellWidth(long))
	}
}

// TestColumnWidthsStayNumbers: a long name in a narrow window gave the complainant column every
// bit of room left, and the other columns a width of 0/0 (NaN). Every width is a positive
// number, and the columns fill no more than the window unless even the fewest columns at their
// least do not fit (the table then scrolls sideways).
func TestColumnWidthsStayNumbers(t *testing.T) {
	test.NewTempApp(t)
	for _, name := range []float32{0, 200, 360} {
		for width := float32(300); width <= 1400; width += 10 {
			shown, widths := columnWidths(width, "K-2026-0001", name)
			var total float32
			for i, w := range widths {
				if w != w || w <= 0 {
					t.Fatalf("name %.0f, width %.0f: column %s is %v wide", name, width, registerColumns[shown[i]].title, w)
				}
				total += w + theme.Padding()
			}
			if len(shown) > len(registerColumns)-len(leftOut) && total > width+0.5 {
				t.Errorf("name %.0f, width %.0f: the columns take %.0f", name, width, total)
			}
		}
	}
}

// TestBarChartLabelsAreReadInFull: a chart's labels take the column the longest needs, up to
// half the width: at a third, "advies externe deskun…" was cut off beside bars with room to spare.
func TestBarChartLabelsAreReadInFull(t *testing.T) {
	test.NewTempApp(t)
	chart := barChart("Verlengingen naar reden", "extension", []data.Count{{Key: "expert", Label: "advies externe deskundige", N: 1},
		{Key: "other", Label: "overig", N: 3}}).(*fyne.Container)
	chart.Resize(fyne.NewSize(520, chart.MinSize().Height))
	for _, row := range chart.Objects[1:] {
		label := row.(*fyne.Container).Objects[0].(*widget.Label)
		if need := fyne.MeasureText(label.Text, theme.TextSize(), label.TextStyle).Width + 2*theme.InnerPadding(); label.Size().Width < need {
			t.Errorf("%q has %.0f of the %.0f it needs in a chart 520 wide", label.Text, label.Size().Width, need)
		}
	}
}
