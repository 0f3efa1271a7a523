package data

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// day parses a YYYY-MM-DD date and panics on a typo in a test table.
func day(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// noon is midday of the given date in the local zone, so Today(noon(d)) == d whatever TZ is.
func noon(d Date) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, time.Local)
}

// setToday points the store's clock at midday of the given date.
func setToday(s *Store, d string) {
	t := noon(day(d))
	s.Now = func() time.Time { return t }
}

// openStore creates a fresh register in a temporary folder with its clock at today (YYYY-MM-DD).
func openStore(t *testing.T, today string) *Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "register.db"), today)
}

// openAt opens (or creates) the register at path, closed when the test ends.
func openAt(t *testing.T, path, today string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	setToday(s, today)
	s.Actor = "tester"
	return s
}

// rawDB opens the database file over a separate connection, as an outsider with a SQLite tool would.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return db
}

// execRaw runs SQL over a separate connection and closes it again, so the file is left quiet.
func execRaw(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// fileSum is the SHA-256 of a file's bytes.
func fileSum(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// countRows counts the rows of a table through the store's read pool.
func countRows(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.r.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// dumpTables renders every row of the register's tables, so a test can show that a refused
// change left the data exactly as it was.
func dumpTables(t *testing.T, s *Store) string {
	t.Helper()
	var tables []string
	rows, err := s.r.Query(`SELECT name FROM sqlite_schema WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'complaint_search_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	rows.Close()
	if len(tables) < 12 {
		t.Fatalf("only tables %v", tables)
	}
	var b strings.Builder
	for _, table := range tables {
		order := "rowid"
		if table == "event_rows" || table == "pending_rows" { // WITHOUT ROWID
			order = "1, 2, 3"
		}
		rows, err := s.r.Query(`SELECT * FROM ` + table + ` ORDER BY ` + order)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			fmt.Fprintf(&b, "%s %v\n", table, rowValues(t, rows, len(cols)))
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

// complaint is a valid complaint received on the given day.
func complaint(name, received string, formal bool) Complaint {
	return Complaint{
		ReceivedOn: day(received), Channel: ChannelEmail, Formal: formal, Subject: SubjectService,
		Summary: "wachttijd te lang", Complainant: Complainant{Name: name},
	}
}

// mustCreate registers a complaint and returns its reference.
func mustCreate(t *testing.T, s *Store, c Complaint) string {
	t.Helper()
	ref, err := s.Create(c)
	if err != nil {
		t.Fatalf("Create(%s): %v", c.Complainant.Name, err)
	}
	return ref
}

// must fails the test on an unexpected error.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// wantErr checks that err matches the sentinel (ErrInvalid, ErrTransition, ...).
func wantErr(t *testing.T, err, target error) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Fatalf("error = %v, want one matching %v", err, target.(*Error).Code)
	}
}

// complaintOf loads a complaint or fails the test.
func complaintOf(t *testing.T, s *Store, ref string) *Complaint {
	t.Helper()
	c, err := s.Complaint(ref)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// isInputError reports whether err is a domain error the caller can fix (not a database fault).
func isInputError(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Code != CodeDatabase
}

// sendLetter stores a (dummy) PDF letter of the given kind and marks it sent on the given day
// (zero: today), as the practitioner does after posting or e-mailing it.
func sendLetter(t *testing.T, s *Store, ref string, kind LetterKind, on Date, via Delivery) {
	t.Helper()
	l, err := s.SaveLetter(ref, kind, "nl", []byte("%PDF-1.4\n% test\n"), 0)
	if err != nil {
		t.Fatalf("SaveLetter(%s, %s, 0): %v", ref, kind, err)
	}
	if err := s.MarkLetterSent(l.ID, on, via); err != nil {
		t.Fatalf("MarkLetterSent(%s, %s): %v", ref, kind, err)
	}
}

// anExpert adds an expert and returns their ID.
func anExpert(t *testing.T, s *Store) int64 {
	t.Helper()
	id, err := s.SaveExpert(Expert{Name: "dr. H. Verhoef"})
	must(t, err)
	return id
}

// refusedUnchanged runs change, which the store must refuse with target, and checks that the
// register is exactly as it was before it.
func refusedUnchanged(t *testing.T, s *Store, why string, target error, change func() error) {
	t.Helper()
	before := dumpTables(t, s)
	err := change()
	if err == nil {
		t.Fatalf("%s: allowed", why)
	}
	wantErr(t, err, target)
	if dumpTables(t, s) != before {
		t.Errorf("%s: the register changed", why)
	}
}

// rowValues scans the current row's n columns, whatever their types.
func rowValues(t *testing.T, rows *sql.Rows, n int) []any {
	t.Helper()
	vals := make([]any, n)
	ptrs := make([]any, n)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	must(t, rows.Scan(ptrs...))
	return vals
}
