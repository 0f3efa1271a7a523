// Package data holds the complaints register: domain types, the procedure's lifecycle and
// deadlines, the tamper-evident audit trail and the SQLite store that keeps them. It knows
// nothing of windows or PDFs, so the desktop app and the CLI share every rule here.
//
// Where each rule lives (x.go holds a concept's types and rules, x_store.go its SQL):
//
//   - Statuses and the transitions between them: lifecycle.go (Next, AllowedActions, checkDay);
//     the steps themselves, each in one transaction with its event: lifecycle_store.go.
//   - Which step a complaint file allows now, and why not (the buttons read this too):
//     steps.go (StepRefusal, AllowedSteps, CanClose).
//   - Deadlines: deadline.go (ShortTermDue, ResolutionDue, extension range and limits, warnings);
//     working days and the holidays of the Algemene termijnenwet: holidays.go, date.go.
//   - Starting the formal procedure: complaint.go (fileFormally), used by Create and Escalate.
//   - What is due next (action items, the overview counts): actions.go; the measures' rule
//     (measureDue): measure.go.
//   - Contacts and information requests: contact.go; experts, consent and sharing: expert.go;
//     letters, versions and delivery: letter.go, letter texts and placeholders: template.go;
//     attachments: attachment.go.
//   - Settings, their checks and defaults: settings.go; typed reads: settings_values.go.
//   - The register list, search and the overview: list.go; one complaint file in one read
//     transaction: file.go; shared query helpers: rows.go.
//   - Audit trail (hash chain, payloads, timeline texts): audit.go; verify: verify.go.
//   - Annual report figures: report.go, report_counts.go, report_facts.go; anonymisation of
//     names in free text: anonymise.go; CSV export: export.go.
//   - Opening, creating and migrating the database file: store.go, migrations/; many changes
//     in one transaction, each through its own rules with its own event: batch.go.
//   - The demo register: package data/demo (it uses only this package's exported API).
package data
