// Package ui is the desktop app: one window with the overview, the register, the intake
// form, measures, report and settings, and a window per complaint file. Screens call data/
// for every rule and never write SQL; queries run off the UI goroutine and reach widgets
// through fyne.Do. Each screen declares the small store interface it needs.
//
// Where each screen lives:
//
//   - Starting the app, the demo register, first start: run.go, firststart.go; the demo
//     band and the way back to the own register: demo.go; the main window and its tabs:
//     app.go; its menu and Help › Over Klachtenregister: about.go.
//   - Vandaag (overview): overview.go; register: register.go; new complaint: intake.go with
//     the shared details form complaintform.go.
//   - The complaint file: complaint.go (header, banner, step buttons from data.AllowedSteps),
//     steps.go (the step dialogs), letterstab.go, complaintmeasures.go, experts.go,
//     filelists.go (timeline, contacts, experts, attachments), privacy.go (the AVG tab: access
//     export, erasure, legal hold), opencopy.go (documents opened in another program, through
//     data.ViewCopies).
//   - The review of files past their retention period: retention.go.
//   - Measures: measures.go; report: report.go, charts.go; settings: settings.go.
//   - The keyboard: keys.go (the shortcut tables that the menu Ga naar, the handlers and
//     Help › Sneltoetsen share; buttons and lists that Enter uses; forms that scroll to the
//     focused field); escape.go (Escape closes the dialog or pop-up on top through its own
//     Hide: dialogs are shown with showDialog, or keepOnEscape when they have no Cancel; a
//     step dialog as if Cancel was pressed).
//   - Shared pieces: entry.go (fields), format.go (dates, labels), errors.go (error dialogs),
//     worker.go (background loads), i18n.go (the screens' language, switched at once by
//     Main.useLanguage; data texts and the names data gives said in it: say, tr), theme.go
//     (Fyne's theme in the system's light or dark, with readable red, amber and green), fit.go
//     and screen_desktop.go (windows no larger than the screen, layouts for narrow windows).
package ui
