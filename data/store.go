package data

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// applicationID marks a SQLite file as a Klachtenregister database ("KLRG"), so the program
// never "migrates" a file that belongs to something else.
const applicationID = 0x4B4C5247

//go:embed migrations/*.sql
var migrationFS embed.FS

// Store is the register on disk. One writer connection takes every change in an immediate
// transaction, so two windows or a scheduled CLI run never interleave half-done work;
// reads use a separate pool.
type Store struct {
	w, r  *sql.DB
	ckpt  *checkpointer
	stmts *statements // the writer's, for every change outside a batch
	path  string
	file  os.FileInfo // the register's file as opened (sameFile)
	batch *batch      // set on the store Batch hands to its function
	// changed is set once this store committed a change, so Close writes a new anchor.
	changed atomic.Bool
	closed  atomic.Bool

	versionMu sync.Mutex
	version   int64 // the data_version Changed saw last

	// Now is the clock; tests and the demo generator set it so deadlines are deterministic.
	Now func() time.Time
	// Actor is who is recorded in the audit trail: the operating-system user by default.
	Actor string
}

// DefaultPath is where the register lives unless --db or KLACHTENREGISTER_DB says otherwise:
// under the machine-local application data folder, never a roaming profile that would sync
// confidential files to a server.
func DefaultPath() (string, error) {
	if p := os.Getenv("KLACHTENREGISTER_DB"); p != "" {
		return p, nil
	}
	var base string
	switch runtime.GOOS {
	case "windows":
		base = os.Getenv("LOCALAPPDATA")
	case "darwin":
		if home, err := os.UserHomeDir(); err == nil {
			base = filepath.Join(home, "Library", "Application Support")
		}
	default:
		base, _ = os.UserConfigDir()
	}
	if base == "" {
		// Unavailable, not bad input: a scheduled task without HOME (cron, systemd) meets it.
		return "", NewError(CodeUnavailable, CauseMissing, "de map voor programmagegevens is niet te vinden%s", ForCLI("; geef de database op met --db PAD of KLACHTENREGISTER_DB"))
	}
	return filepath.Join(base, "Klachtenregister", "klachtenregister.db"), nil
}

// Open opens the register at path, creating it (folder 0700, file 0600) when it does not
// exist, and brings its schema up to date. A file that is not a Klachtenregister database,
// or one written by a newer version of the program, is refused and left untouched.
func Open(path string) (*Store, error) { return open(path, true) }

// OpenExisting opens the register at path like Open, but refuses a path where no register
// exists rather than leaving a new, empty one behind: for commands that only read, or
// change a complaint that must already be there.
func OpenExisting(path string) (*Store, error) { return open(path, false) }

func open(path string, create bool) (*Store, error) {
	if err := checkPath(path); err != nil {
		return nil, err
	}
	if err := prepareFile(path, create); err != nil {
		return nil, err
	}
	if err := probe(path, path); err != nil {
		return nil, err
	}
	if err := useLog(path); err != nil {
		return nil, Classify(path, err)
	}
	file, err := os.Stat(path)
	if err != nil {
		return nil, Classify(path, err)
	}
	// On Windows this reads the file's identity now, not by its path at the first change; a
	// file system without one (some network drives) cannot tell a replaced file: no check.
	if !os.SameFile(file, file) {
		file = nil
	}
	// temp_store(2): the statement journals that the row-audit triggers make every write keep
	// stay in memory instead of a temporary file written for each statement. secure_delete(1):
	// text that is changed or removed (anonymising) is overwritten in the file, not left in a
	// free page. wal_autocheckpoint(0): the checkpointer copies the log into the file beside
	// the commits (see checkpoint.go), so no change waits for that.
	w, err := sql.Open("sqlite", path+"?"+busyTimeout+"&_pragma=foreign_keys(1)"+
		"&_pragma=synchronous(FULL)&_pragma=temp_store(2)&_pragma=secure_delete(1)"+
		"&_pragma=wal_autocheckpoint(0)&_txlock=immediate")
	if err != nil {
		return nil, err
	}
	w.SetMaxOpenConns(1)
	r, err := sql.Open("sqlite", path+"?"+busyTimeout+"&_pragma=foreign_keys(1)&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return nil, err
	}
	r.SetMaxOpenConns(4)
	ckpt, err := startCheckpointer(path)
	if err != nil {
		w.Close()
		r.Close()
		return nil, err
	}
	s := &Store{w: w, r: r, ckpt: ckpt, stmts: &statements{}, path: path, file: file, Now: time.Now, Actor: currentUser()}
	if err := s.migrate(); err != nil {
		s.Close()
		return nil, Classify(path, err)
	}
	return s, nil
}

// busyTimeout makes every connection wait up to 10 s for another process's transaction
// (the app beside a scheduled CLI task) instead of failing at once.
const busyTimeout = "_pragma=busy_timeout(10000)"

// busyWait is busyTimeout, for what SQLite does not wait for itself.
const busyWait = 10 * time.Second

// checkPath refuses what is not a file path: SQLite would open an empty path or :memory: as
// a register that vanishes on close, and a file: URI or ? or # as options.
func checkPath(path string) error {
	switch {
	case strings.TrimSpace(path) == "":
		return NewError(CodeInvalid, "db", "geef het pad van het register op (--db PAD)")
	case path == ":memory:" || strings.HasPrefix(strings.ToLower(path), "file:"):
		return NewError(CodeInvalid, "db", "%q is geen pad van een bestand; geef het pad van het register op, zoals klachtenregister.db", path)
	case strings.ContainsAny(path, "?#"):
		return NewError(CodeInvalid, "db", "het pad %q bevat ? of #; kies een pad zonder die tekens", path)
	}
	return nil
}

// Close releases the database. After a change it records the head of the audit chain in the
// anchor files outside the register (writeAnchors), whichever program made the change.
func (s *Store) Close() error {
	if s.closed.Swap(true) { // a second Close, e.g. after a restore, does nothing
		return nil
	}
	var anchorErr error
	// Not over a restored register's anchors: this store's head is the register set aside.
	if s.changed.Load() && s.sameFile() == nil {
		anchorErr = s.writeAnchors()
	}
	return errors.Join(anchorErr, s.ckpt.stop(), s.r.Close(), s.stmts.close(), s.w.Close())
}

// Changed reports whether another program (the CLI in a scheduled task, a second Store)
// changed the register since the previous call; the first call only takes note. The app
// asks every few seconds, so what another program records appears soon. It reads SQLite's
// data_version on the writer connection, which does not count that connection's own
// commits: the app's own changes, already shown, cause no extra refresh.
func (s *Store) Changed() (bool, error) {
	s.versionMu.Lock()
	defer s.versionMu.Unlock()
	var v int64
	if err := s.w.QueryRow("PRAGMA data_version").Scan(&v); err != nil {
		return false, err
	}
	changed := s.version != 0 && v != s.version
	s.version = v
	return changed, nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

func prepareFile(path string, create bool) error {
	info, err := os.Stat(path)
	switch {
	case err == nil && !info.Mode().IsRegular():
		return NewError(CodeInvalid, "db", "%s is geen gewoon bestand (maar een map, apparaat of pijp); geef het pad van het register op", path)
	case errors.Is(err, os.ErrNotExist) && !create:
		return unavailable(CauseMissing, path, err)
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return Classify(path, NewError(CodeDatabase, "", "de map voor de database kan niet worden gemaakt: %v", err))
		}
	}
	flags := os.O_RDONLY // a file that must exist is not made when it has just gone
	if create {
		flags |= os.O_CREATE
	}
	f, err := os.OpenFile(path, flags, 0o600)
	if err != nil {
		if cause := causeOf(err); cause != "" {
			return unavailable(cause, path, err)
		}
		return NewError(CodeDatabase, "", "de database %s kan niet worden geopend: %v", path, err)
	}
	defer f.Close()
	head := make([]byte, 16)
	n, _ := io.ReadFull(f, head)
	if n > 0 && !bytes.Equal(head[:n], []byte("SQLite format 3\x00")[:n]) || n > 0 && n < 16 {
		return notOurs(path)
	}
	return nil
}

// notOurs refuses a file that is not a register. One with an anchor beside it was one, until
// its first bytes were damaged: that calls for the newest backup, not for another file.
func notOurs(path string) error {
	if fileExists(path + anchorSuffix) {
		return unavailable(CauseDamaged, path, nil)
	}
	return NewError(CodeDatabase, "", "%s is geen database van Klachtenregister; het bestand is niet gewijzigd. Kies een ander bestand of een nieuw pad", path)
}

// useLog puts a new register (or a restored one) in write-ahead-log mode, in which readers
// never wait for a change and a change never waits for readers. SQLite switches a file over
// without waiting for its busy timeout: two programs creating the same register at once (the
// app's first start beside a scheduled CLI task) would have one refused as busy, so the switch
// is tried again until the timeout has passed. A register already in the mode (its header
// says so) is left as it is, without a connection.
func useLog(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	head := make([]byte, 20)
	n, _ := io.ReadFull(f, head)
	f.Close()
	if n == len(head) && head[18] == 2 && head[19] == 2 {
		return nil
	}
	db, err := sql.Open("sqlite", path+"?"+busyTimeout)
	if err != nil {
		return err
	}
	defer db.Close()
	for deadline := time.Now().Add(busyWait); ; time.Sleep(20 * time.Millisecond) {
		var mode string
		err := db.QueryRow(`PRAGMA journal_mode = WAL`).Scan(&mode)
		switch {
		case err == nil && mode == "wal":
			return nil
		case err != nil && causeOf(err) != CauseBusy:
			return err
		case time.Now().After(deadline):
			return unavailable(CauseBusy, path, err)
		}
	}
}

// probe reads the identity of an existing file over a read-only connection that sets no
// pragmas, so a refused file stays byte-for-byte as it was. SQLite opens it by name: the path,
// or existingFile(path) for a file that must not be made again once removed.
func probe(path, name string) error {
	sep := "?"
	if strings.Contains(name, "?") {
		sep = "&"
	}
	db, err := sql.Open("sqlite", name+sep+busyTimeout+"&_pragma=query_only(1)")
	if err != nil {
		return err
	}
	defer db.Close()
	var app, version, tables int
	err = db.QueryRow(`SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version),
		(SELECT count(*) FROM sqlite_schema)`).Scan(&app, &version, &tables)
	switch {
	case err != nil:
		if cause := causeOf(err); cause != "" {
			return unavailable(cause, path, err)
		}
		return unavailable(CauseDamaged, path, err)
	case app == 0 && tables == 0:
		return nil // new, empty file
	case app != applicationID:
		return notOurs(path)
	case version > len(migrationNames()):
		return NewError(CodeDatabase, "", "de database %s is gemaakt met een nieuwere versie van Klachtenregister (schema %d, dit programma kent t/m %d); installeer de nieuwste versie. Het bestand is niet gewijzigd", path, version, len(migrationNames()))
	}
	return nil
}

func migrationNames() []string {
	names, _ := fs.Glob(migrationFS, "migrations/*.sql")
	sort.Strings(names)
	if migrationsUpTo > 0 {
		return names[:migrationsUpTo]
	}
	return names
}

// migrationsUpTo, when set, stops the migrations after that one: a test makes a register as
// an older build left it, through the store's own changes, and then upgrades it.
var migrationsUpTo int

// MigrationsSum is a fingerprint of the migrations this build applies, names and contents:
// a register cached by it (the benchmarks') is made again when a migration changes or is
// renumbered on a merge, not only when their number grows.
func MigrationsSum() string {
	h := sha256.New()
	for _, name := range migrationNames() {
		script, _ := migrationFS.ReadFile(name)
		fmt.Fprintf(h, "%s\n%d\n%s", name, len(script), script)
	}
	return fmt.Sprintf("%x", h.Sum(nil))[:12]
}

// migrate applies each numbered migration newer than the file's schema, each in one transaction.
func (s *Store) migrate() error {
	ctx := context.Background()
	var version int
	if err := s.r.QueryRow("PRAGMA user_version").Scan(&version); err == nil && version >= len(migrationNames()) {
		return nil // up to date: no write lock taken, which a busy register beside the app notices
	}
	for i, name := range migrationNames() {
		n, err := strconv.Atoi(strings.SplitN(filepath.Base(name), "_", 2)[0])
		if err != nil || n != i+1 {
			return fmt.Errorf("migratie %s is niet op volgorde genummerd", name)
		}
		script, err := migrationFS.ReadFile(name)
		if err != nil {
			return err
		}
		if err := s.applyMigration(ctx, n, string(script)); err != nil {
			return fmt.Errorf("schema-update %s mislukt: %w", filepath.Base(name), err)
		}
	}
	return nil
}

func (s *Store) applyMigration(ctx context.Context, n int, script string) (err error) {
	// A migration that rebuilds a table drops the old one: with foreign keys on, SQLite would
	// take that for removing every row the other tables name. As SQLite's procedure for a
	// rebuild asks, it runs with them off (outside a transaction: the writer has one
	// connection), and is refused below should it leave a reference dangling.
	rebuild := strings.Contains(strings.ToUpper(script), "DROP TABLE")
	if rebuild {
		if _, err := s.w.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
			return err
		}
		defer func() {
			if _, on := s.w.ExecContext(ctx, `PRAGMA foreign_keys = ON`); on != nil && err == nil {
				err = on // the writer must not go on without them
			}
		}()
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if version >= n {
		return nil
	}
	var dangling int // references already broken before (an edit outside the program): verify names those
	broken := func(n *int) error { return tx.QueryRow(`SELECT count(*) FROM pragma_foreign_key_check`).Scan(n) }
	if rebuild {
		if err := broken(&dangling); err != nil {
			return err
		}
	}
	if n > rowAuditMigration {
		// Rows noted by a change made outside the program are no part of the upgrade (see
		// change); left, a migration that adds a column to their table failed on them and the
		// register would not open.
		if _, err := tx.Exec(`DELETE FROM pending_rows`); err != nil {
			return err
		}
		if err := noteRowsBefore(tx); err != nil {
			return err
		}
	}
	if _, err := tx.Exec(script); err != nil {
		return err
	}
	if n >= rowAuditMigration {
		if err := s.trackRows(tx, n); err != nil {
			return err
		}
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", n, applicationID)); err != nil {
		return err
	}
	if rebuild {
		var after int
		if err := broken(&after); err != nil {
			return err
		}
		if after > dangling {
			return fmt.Errorf("na de schema-update zouden %d verwijzingen naar een rij wijzen die niet bestaat; er is niets gewijzigd", after-dangling)
		}
	}
	return tx.Commit()
}

// rowAuditMigration is the migration from which every state row is recorded in the audit trail.
const rowAuditMigration = 10

// trackRows installs the row triggers after a schema change; when the register is upgraded to
// row tracking, one register_sealed event records the rows its earlier events did not.
func (s *Store) trackRows(sqlTx *sql.Tx, n int) error {
	if err := installRowAudit(sqlTx); err != nil {
		return err
	}
	tx := &Tx{Tx: sqlTx, store: s, now: s.Now()}
	if n > rowAuditMigration {
		// A later migration's new columns change the hash of existing rows: one event records
		// each row's hash before and after, so verify does not take them for outside edits.
		rows, err := rowsRehashed(sqlTx)
		if err != nil || rows == 0 {
			return err
		}
		return tx.event(0, "schema_upgraded", map[string]int{"migration": n, "rows": rows})
	}
	rows, err := sealRows(sqlTx)
	if err != nil || rows == 0 {
		return err
	}
	return tx.event(0, "register_sealed", map[string]int{"rows": rows})
}

func currentUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, k := range []string{"USER", "USERNAME"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return "onbekend"
}

// today is the practice's current calendar day by the store's clock.
func (s *Store) today() Date { return Today(s.Now()) }

// update runs fn in one immediate transaction: every change and its audit events commit
// together or not at all.
func (s *Store) update(fn func(tx *Tx) error) error {
	if s.batch != nil {
		return s.batch.run(s, fn)
	}
	sqlTx, err := s.w.Begin()
	if err != nil {
		return Classify(s.path, err)
	}
	defer s.stmts.prepareWanted(s.w) // once the transaction has ended (the deferred call below)
	defer sqlTx.Rollback()
	if err := s.sameFile(); err != nil {
		return err
	}
	tx := &Tx{Tx: sqlTx, store: s, now: s.Now()}
	if err := tx.change(fn); err != nil {
		return err
	}
	if err := Classify(s.path, sqlTx.Commit()); err != nil {
		return err
	}
	s.changed.Store(true)
	s.ckpt.committed()
	return nil
}

// sameFile refuses a change, once it holds the register's write lock, when the register's file
// is no longer the one this store opened: a restore set it aside and put a backup in its
// place. The change would go into the register set aside, where nobody looks for it; a
// scheduled task reports the register unavailable and is run again on the restored one.
func (s *Store) sameFile() error {
	if s.file == nil {
		return nil
	}
	now, err := os.Stat(s.path)
	switch {
	case err != nil: // gone, or its drive: said as such, not as a restore
		return Classify(s.path, err)
	case os.SameFile(now, s.file):
		return nil
	}
	return NewError(CodeUnavailable, "", "het register %s is intussen vervangen door een teruggezette reservekopie; er is niets vastgelegd%s", s.path, ForCLI(". Voer de opdracht opnieuw uit"))
}

// change runs fn as one change in tx: the rows it touches are noted afresh, and it is refused
// when it changed a tracked row without an event after it.
func (tx *Tx) change(fn func(tx *Tx) error) error {
	// Rows noted by a change made outside the program are no part of this change.
	if _, err := tx.Exec(`DELETE FROM pending_rows`); err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return Classify(tx.store.path, err)
	}
	return tx.unrecordedChange()
}

// Tx is a write transaction with the clock reading and actor of the change.
type Tx struct {
	*sql.Tx
	store *Store
	now   time.Time
	batch *batch               // nil outside Store.Batch
	bound map[string]*sql.Stmt // the writer's prepared statements as this transaction runs them
}

func (tx *Tx) today() Date { return Today(tx.now) }
