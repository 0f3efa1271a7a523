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
//   - Starting the formal procedure: complaint.go (fileFormally, FormalRefusal: anonymous and
//     phone intake), used by Create and Escalate; no letters for an anonymous complaint:
//     LetterRefusal.
//   - What is due next (action items, the overview counts): actions.go; the measures' rule
//     (measureDue): measure.go.
//   - How letters address people (salutation, initials, surname; the proposal from a name):
//     addressee.go; the complaint's representative, letter description and language:
//     complaint.go; the date a letter carries and the one letter of a withdrawn file: letter.go.
//   - Contacts and information requests: contact.go; experts, consent (asked / given / refused /
//     withdrawn, the documents it names), statements per complaint and sharing: expert.go;
//     the copies an expert still holds after consent ended, their action item and their
//     return or destruction (an event, copies_returned): copies.go;
//     letters, versions and delivery: letter.go, letter texts and placeholders: template.go;
//     attachments: attachment.go; reading a document from disk, size-limited: attachment_file.go.
//   - What typed text may hold (UTF-8, control and bidi characters, limits), for every field:
//     text.go (cleanText).
//   - Postal addresses: the country an address lies in, and the postcode it takes (a Dutch
//     one as 1234 AB), checked where it is typed and by the letters: address.go; e-mail
//     addresses: settings.go (emailFault, checkEmail).
//   - Settings, their checks and defaults (sector and its next body): settings.go; typed reads:
//     settings_values.go; the practice details every letter needs: letterdetails.go.
//   - The register list, search and the overview: list.go; one complaint file in one read
//     transaction: file.go; shared query helpers: rows.go.
//   - Audit trail (hash chain, payloads, timeline texts): audit.go; the row hashes each event
//     records of the state rows it changed (triggers, row digest, rows rehashed by a later
//     migration's new columns): rowaudit.go; verify, which
//     compares every row with its events: verify.go; the chain head kept outside the file
//     (anchor files, compared by verify) and the one atomic file write: anchor.go.
//   - Backups (snapshot, check, rotation, status): backup.go; where the plain snapshot lies,
//     its lock and the removal of stale ones: backup_snapshot.go; the backup file format and its
//     reader: backup_format.go; encryption: backup_crypto.go; restore: restore.go; what a
//     restore would replace (the backup set against the register by the audit trail):
//     restore_compare.go.
//   - Privacy over time (AVG): the retention period, what anonymising removes and keeps, the
//     Vandaag item: retention.go; anonymising, erasure on request and legal hold, each complaint
//     in one transaction, then the file scrubbed: retention_store.go; erasing payloads and row
//     images from the audit trail with an erasure record verify checks: erasure.go; the answer
//     to an access request (ZIP): export_person.go.
//   - Annual report figures: report.go, report_counts.go, report_facts.go; anonymisation of
//     names in free text: anonymise.go; every person the register knows, whom neither the
//     report nor a measure's description may name: people.go; CSV export: export.go.
//   - Opening, creating and migrating the database file: store.go, migrations/; the write-ahead
//     log copied into the file beside the commits, not inside one: checkpoint.go; why a register
//     is unavailable (busy, disk full, read-only, missing, damaged): unavailable.go; one app
//     window per register: instance.go; many changes in one transaction, each through its own
//     rules with its own event: batch.go.
//   - Every file written for the practitioner (letters, reports, exports), never onto the
//     register: output.go (WriteOutput).
//   - What data says to a practitioner (refusals, timeline entries): Text, made by Msg with
//     the Dutch template as its key and typed arguments, so the desktop app can say it in
//     its own language (message.go); Error carries one (errors.go), as does the one refusal of a
//     file the practitioner named that cannot be read (Unreadable: missing, a folder, no access).
//   - The demo register: package data/demo (it uses only this package's exported API).
package data
