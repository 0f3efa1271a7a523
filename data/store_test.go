package data

import (
	"database/sql"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// pragmas reads user_version and application_id over a separate read-only connection.
func pragmas(t *testing.T, path string) (version, app int) {
	t.Helper()
	db, err := sql.Open("sqlite", path+"?mode=ro")
	must(t, err)
	defer db.Close()
	must(t, db.QueryRow(`SELECT (SELECT user_version FROM pragma_user_version), (SELECT application_id FROM pragma_application_id)`).
		Scan(&version, &app))
	return version, app
}

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	must(t, err)
	return fi.Mode().Perm()
}

// dirNames lists a folder, to show that a refused file got no journal or WAL beside it.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	must(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestOpenCreatesPrivateFileAndFolder(t *testing.T) {
	root := t.TempDir()
	path := filepath.Join(root, "Klachtenregister", "data", "register.db")
	s := openAt(t, path, "2026-03-02")
	for _, dir := range []string{filepath.Join(root, "Klachtenregister"), filepath.Dir(path)} {
		if m := mode(t, dir); m != 0o700 {
			t.Errorf("folder %s has mode %o, want 700", dir, m)
		}
	}
	if m := mode(t, path); m != 0o600 {
		t.Errorf("database has mode %o, want 600", m)
	}
	mustCreate(t, s, complaint("Jansen", "2026-02-02", true))
	for _, side := range []string{path + "-wal", path + "-shm"} {
		if _, err := os.Stat(side); err == nil {
			if m := mode(t, side); m != 0o600 {
				t.Errorf("%s has mode %o, want 600", filepath.Base(side), m)
			}
		}
	}
	if s.Path() != path {
		t.Errorf("Path() = %q", s.Path())
	}
	must(t, s.Close())
	version, app := pragmas(t, path)
	if version != len(migrationNames()) || version < 1 || app != 0x4B4C5247 {
		t.Errorf("user_version %d, application_id %#x", version, app)
	}
	set, err := openAt(t, path, "2026-03-02").Settings()
	must(t, err)
	if !maps.Equal(set, DefaultSettings()) {
		t.Errorf("settings of a new register: %v", set)
	}
}

func TestReopenIsIdempotent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	s := openAt(t, path, "2026-03-02")
	mustCreate(t, s, complaint("Jansen", "2026-02-02", true))
	must(t, s.Close())
	version, _ := pragmas(t, path)
	sum := fileSum(t, path)

	for range 3 {
		s := openAt(t, path, "2026-03-02")
		if n := countRows(t, s, "events"); n != 1 {
			t.Fatalf("reopened register has %d events, want 1", n)
		}
		must(t, s.Close())
	}
	if v, _ := pragmas(t, path); v != version {
		t.Errorf("user_version went from %d to %d", version, v)
	}
	if fileSum(t, path) != sum {
		t.Error("reopening the register wrote to the file")
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	s := openAt(t, path, "2026-03-02")
	mustCreate(t, s, complaint("Jansen", "2026-02-02", true))
	must(t, s.Close())
	execRaw(t, path, `PRAGMA user_version = 99`)
	sum, files := fileSum(t, path), dirNames(t, filepath.Dir(path))

	_, err := Open(path)
	wantErr(t, err, ErrDatabase)
	if !strings.Contains(err.Error(), "nieuwere versie") || !strings.Contains(err.Error(), "99") {
		t.Errorf("message %q does not explain the newer schema", err)
	}
	if fileSum(t, path) != sum {
		t.Error("the refused database was changed")
	}
	if got := dirNames(t, filepath.Dir(path)); !slices.Equal(got, files) {
		t.Errorf("folder was %v, is %v", files, got)
	}
	if v, _ := pragmas(t, path); v != 99 {
		t.Errorf("user_version is now %d", v)
	}
}

func TestOpenRefusesOtherFiles(t *testing.T) {
	tests := []struct {
		name  string
		write func(t *testing.T, path string)
		want  error
	}{
		{"text", writeFile("Dit is een boodschappenlijst.\nmelk\nbrood\n"), ErrDatabase},
		{"short text", writeFile("hoi"), ErrDatabase},
		{"binary", writeFile(strings.Repeat("\x00\x01\x02\xff", 1024)), ErrDatabase},
		// Unreadable past its header: damaged, whoever wrote it.
		{"SQLite header with garbage", writeFile("SQLite format 3\x00" + strings.Repeat("rommel", 200)), ErrUnavailable},
		{"another application", func(t *testing.T, path string) {
			execRaw(t, path, `CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)`, `INSERT INTO notes (text) VALUES ('niet van ons')`)
		}, ErrDatabase},
		{"another application with an id", func(t *testing.T, path string) {
			execRaw(t, path, `PRAGMA application_id = 1234`, `CREATE TABLE t (x)`)
		}, ErrDatabase},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "bestand.db")
			tt.write(t, path)
			sum, files := fileSum(t, path), dirNames(t, dir)
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open accepted a file that is not a Klachtenregister database")
			}
			wantErr(t, err, tt.want)
			if !strings.Contains(err.Error(), "niet gewijzigd") {
				t.Errorf("message %q does not say the file was left alone", err)
			}
			if fileSum(t, path) != sum {
				t.Error("the refused file was changed")
			}
			if got := dirNames(t, dir); !slices.Equal(got, files) {
				t.Errorf("folder was %v, is %v", files, got)
			}
		})
	}
}

func writeFile(content string) func(t *testing.T, path string) {
	return func(t *testing.T, path string) {
		must(t, os.WriteFile(path, []byte(content), 0o600))
	}
}

func TestOpenEmptyFileBecomesRegister(t *testing.T) {
	path := filepath.Join(t.TempDir(), "leeg.db")
	must(t, os.WriteFile(path, nil, 0o600))
	s := openAt(t, path, "2026-03-02")
	mustCreate(t, s, complaint("Jansen", "2026-02-02", false))
}

func TestOpenRefusesQueryCharacters(t *testing.T) {
	for _, p := range []string{"register.db?mode=memory", "register#1.db"} {
		_, err := Open(filepath.Join(t.TempDir(), p))
		wantErr(t, err, ErrInvalid)
	}
}

func TestDefaultPathFromEnvironment(t *testing.T) {
	t.Setenv("KLACHTENREGISTER_DB", "/tmp/elders.db")
	if p, err := DefaultPath(); err != nil || p != "/tmp/elders.db" {
		t.Errorf("DefaultPath = %q, %v", p, err)
	}
	t.Setenv("KLACHTENREGISTER_DB", "")
	if p, err := DefaultPath(); err == nil && filepath.Base(p) != "klachtenregister.db" {
		t.Errorf("DefaultPath = %q", p)
	}
}
