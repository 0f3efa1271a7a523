package main

import (
	"database/sql"
	"testing"
)

// tamper changes the database behind the program's back, as someone with a SQLite tool could.
func tamper(t *testing.T, db, script string) {
	t.Helper()
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(script); err != nil {
		t.Fatal(err)
	}
}
