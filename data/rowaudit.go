package data

import (
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite"
)

// trackedTable is a table whose every row verify compares with what the audit trail recorded.
// Its triggers note each change with the hash of the row before and after (rowHashFunc over
// all columns, in schema order), so a row edited, added or removed outside the program is found.
type trackedTable struct {
	name, key string
	noun      string // the row in the practitioner's words, for a row that is gone
	label     string // SQL naming the row (table alias t) in the practitioner's words
}

// ofComplaintLabel names the complaint a row belongs to.
const ofComplaintLabel = ` || ' bij klacht ' || coalesce((SELECT reference FROM complaints WHERE id = t.complaint_id), t.complaint_id)`

// trackedTables are the state rows of the register. Root causes are left out: the seeded ones
// come from the schema itself, and a root cause is never changed or removed.
var trackedTables = []trackedTable{
	{"settings", "key", "instelling", `'instelling ' || t.key`},
	{"complaints", "id", "klacht", `'klacht ' || t.reference`},
	{"contacts", "id", "contactmoment", `'contactmoment van ' || t.contact_on` + ofComplaintLabel},
	{"extensions", "id", "verlenging", `'verlenging tot ' || t.until` + ofComplaintLabel},
	{"experts", "id", "externe deskundige", `'externe deskundige ' || t.name`},
	{"consents", "id", "toestemming", `'toestemming van ' || t.given_on` + ofComplaintLabel},
	{"attachments", "id", "bijlage", `'bijlage ' || t.name` + ofComplaintLabel},
	{"shares", "id", "gedeelde stukken", `'stukken gedeeld op ' || t.shared_on` + ofComplaintLabel},
	{"letters", "id", "brief", `'brief ' || t.kind || ' versie ' || t.version` + ofComplaintLabel},
	{"measures", "id", "verbetermaatregel", `'verbetermaatregel ' || t.code`},
	{"complaint_measures", "id", "koppeling van een verbetermaatregel",
		`'koppeling van verbetermaatregel ' || coalesce((SELECT code FROM measures WHERE id = t.measure_id), t.measure_id)` + ofComplaintLabel},
}

// rowHashFunc is the SQL function that hashes a row: the table name, then every column.
const rowHashFunc = "klrg_row_sha256"

func init() {
	sqlite.MustRegisterDeterministicScalarFunction(rowHashFunc, -1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		bp := rowBuffers.Get().(*[]byte)
		b := (*bp)[:0]
		for _, a := range args {
			b = appendValue(b, a)
		}
		h := sha256.Sum256(b)
		if cap(b) <= 1<<20 { // a row with a letter's PDF or an attachment is not kept
			*bp = b
			rowBuffers.Put(bp)
		}
		return h[:], nil
	})
}

// rowBuffers hold a row's values while it is hashed, so the trigger of every change (and
// verify, for every row) does not allocate them anew.
var rowBuffers = sync.Pool{New: func() any { return new([]byte) }}

// appendValue appends one SQL value with its type, so 1, '1' and x'31' hash differently.
func appendValue(b []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(b, 'n')
	case int64:
		return binary.BigEndian.AppendUint64(append(b, 'i'), uint64(v))
	case float64:
		return binary.BigEndian.AppendUint64(append(b, 'f'), math.Float64bits(v))
	case bool:
		if v {
			return appendValue(b, int64(1))
		}
		return appendValue(b, int64(0))
	case string:
		return append(binary.AppendUvarint(append(b, 't'), uint64(len(v))), v...)
	case []byte:
		if v == nil {
			return append(b, 'n')
		}
		return append(binary.AppendUvarint(append(b, 'b'), uint64(len(v))), v...)
	case time.Time:
		return appendValue(b, v.UTC().Format(time.RFC3339Nano))
	default:
		return appendValue(b, fmt.Sprint(v))
	}
}

// columns lists a table's columns in schema order.
func columns(q querier, table string) ([]string, error) {
	rows, err := q.Query(`SELECT name FROM pragma_table_info(?) ORDER BY cid`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		out = append(out, `"`+c+`"`)
	}
	return out, rows.Err()
}

// rowHashSQL is the hash of a row of t, its columns prefixed with alias ("NEW", "OLD", "t").
func (t trackedTable) rowHashSQL(cols []string, alias string) string {
	parts := []string{"'" + t.name + "'"}
	for _, c := range cols {
		parts = append(parts, alias+"."+c)
	}
	return rowHashFunc + "(" + strings.Join(parts, ", ") + ")"
}

// installRowAudit (re)creates the triggers of every tracked table from its current columns;
// it runs after every schema change so a new column is covered at once.
func installRowAudit(tx *sql.Tx) error {
	triggers, err := auditTriggers(tx)
	if err != nil {
		return err
	}
	for _, t := range triggers {
		if _, err := tx.Exec(`DROP TRIGGER IF EXISTS ` + t.name + `; ` + t.sql); err != nil {
			return err
		}
	}
	return nil
}

// auditTrigger is a trigger that notes a tracked table's changed rows for the next event.
type auditTrigger struct{ table, name, sql string }

// auditTriggers are the row triggers of every tracked table as its columns stand: what
// installRowAudit creates, and what verify expects to find.
func auditTriggers(q querier) ([]auditTrigger, error) {
	var out []auditTrigger
	for _, t := range trackedTables {
		cols, err := columns(q, t.name)
		if err != nil {
			return nil, err
		}
		note := func(event, key, before, after string) {
			name := t.name + "_audit_" + event
			out = append(out, auditTrigger{t.name, name, fmt.Sprintf(`CREATE TRIGGER %[1]s AFTER %[2]s ON %[3]s BEGIN
    INSERT INTO pending_rows (tbl, row_key, before, after) VALUES ('%[3]s', %[4]s, %[5]s, %[6]s)
    ON CONFLICT (tbl, row_key) DO UPDATE SET after = excluded.after;
END`, name, event, t.name, key, before, after)})
		}
		note("insert", "NEW."+t.key, "NULL", t.rowHashSQL(cols, "NEW"))
		note("update", "NEW."+t.key, t.rowHashSQL(cols, "OLD"), t.rowHashSQL(cols, "NEW"))
		note("delete", "OLD."+t.key, t.rowHashSQL(cols, "OLD"), "NULL")
	}
	return out, nil
}

// checkTriggers finds the first trigger of the register that is not as the program made it:
// an audit trigger missing or changed (changes to a table, or to the trail itself, are no
// longer recorded or refused, and verify would see nothing amiss until the next change), or a
// trigger added outside the program (its changes would be recorded as the program's own).
func checkTriggers(q querier) (string, error) {
	want, err := auditTriggers(q)
	if err != nil {
		return "", err
	}
	var version int // the migrations the file has had: an older backup being checked before its upgrade has their triggers
	if err := q.QueryRow(`SELECT user_version FROM pragma_user_version`).Scan(&version); err != nil {
		return "", err
	}
	found := map[string][2]string{}
	if err := scanRows(q, func(r *[3]string) []any { return []any{&r[0], &r[1], &r[2]} }, func(r [3]string) { found[r[0]] = [2]string{r[1], r[2]} },
		`SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name`); err != nil {
		return "", err
	}
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	for _, t := range want {
		switch got, ok := found[t.name]; {
		case !ok:
			return fmt.Sprintf("de bewaking van de tabel %s ontbreekt (trigger %s is verwijderd): wijzigingen daarin worden niet meer in het logboek vastgelegd", t.table, t.name), nil
		case flat(got[1]) != flat(t.sql):
			return fmt.Sprintf("de bewaking van de tabel %s (trigger %s) is buiten Klachtenregister om gewijzigd", t.table, t.name), nil
		}
		delete(found, t.name)
	}
	for _, t := range migrationTriggers(version) {
		switch got, ok := found[t.name]; {
		case !ok:
			return fmt.Sprintf("de beveiliging van het logboek ontbreekt (trigger %s is verwijderd): vastleggingen kunnen worden gewijzigd of verwijderd", t.name), nil
		case flat(got[1]) != flat(t.sql):
			return fmt.Sprintf("de beveiliging van het logboek (trigger %s) is buiten Klachtenregister om gewijzigd: vastleggingen kunnen worden gewijzigd of verwijderd", t.name), nil
		}
		delete(found, t.name)
	}
	if extra := slices.Sorted(maps.Keys(found)); len(extra) > 0 {
		return fmt.Sprintf("aan de tabel %s is buiten Klachtenregister om een trigger toegevoegd (%s): wat die wijzigt, legt het logboek vast alsof Klachtenregister het deed", found[extra[0]][0], extra[0]), nil
	}
	return "", nil
}

// migrationTrigger is a CREATE TRIGGER or DROP TRIGGER statement of a migration, as the
// migrations write them: keywords in capitals, at the start of a line, a CREATE's body ending
// in "END;" on a line of its own. TestMigrationTriggersAreRead counts them, so a migration
// written otherwise fails a test instead of being missed.
var migrationTrigger = regexp.MustCompile(`(?ms)^(?:DROP TRIGGER (\w+);|CREATE TRIGGER (\w+) [^;]*? ON (\w+)\b.*?^END;)`)

// migrationTriggers are the triggers the first version migrations leave (those that keep the
// audit trail append-only: 0001, 0010, 0013), with their statements as SQLite keeps them
// (without the closing semicolon), in order of name. Read from the migrations themselves, so
// that a later one that changes them changes what verify expects too, and a register or
// backup of an older version is held to its own.
func migrationTriggers(version int) []auditTrigger {
	names := migrationNames() // in the order they run
	made := map[string]auditTrigger{}
	for _, name := range names[:min(version, len(names))] {
		text, err := migrationFS.ReadFile(name)
		if err != nil {
			panic(err) // embedded: present in every build
		}
		for _, m := range migrationTrigger.FindAllSubmatch(text, -1) {
			if len(m[1]) > 0 {
				delete(made, string(m[1]))
			} else {
				made[string(m[2])] = auditTrigger{string(m[3]), string(m[2]), strings.TrimSuffix(string(m[0]), ";")}
			}
		}
	}
	return slices.SortedFunc(maps.Values(made), func(a, b auditTrigger) int { return strings.Compare(a.name, b.name) })
}

// eachTracked runs the statement that stmt makes for every tracked table, given the SQL of a
// row's hash (table alias t), and returns how many rows the statements changed in all.
func eachTracked(tx *sql.Tx, stmt func(t trackedTable, hash string) string) (int, error) {
	total := 0
	for _, t := range trackedTables {
		cols, err := columns(tx, t.name)
		if err != nil {
			return 0, err
		}
		res, err := tx.Exec(stmt(t, t.rowHashSQL(cols, "t")))
		if err != nil {
			return 0, err
		}
		n, _ := res.RowsAffected()
		total += int(n)
	}
	return total, nil
}

// sealRows notes every existing row of the tracked tables as pending, so the register_sealed
// event of an older register's upgrade records the state its earlier events did not.
func sealRows(tx *sql.Tx) (int, error) {
	return eachTracked(tx, func(t trackedTable, hash string) string {
		return fmt.Sprintf(`INSERT INTO pending_rows (tbl, row_key, before, after)
			SELECT '%s', t.%s, NULL, %s FROM %s t`, t.name, t.key, hash, t.name)
	})
}

// noteRowsBefore keeps each tracked row's hash before a later migration changes the schema: a
// new column changes the hash of every row, which rowsRehashed then records.
func noteRowsBefore(tx *sql.Tx) error {
	if _, err := tx.Exec(`CREATE TEMP TABLE IF NOT EXISTS rows_before (tbl TEXT NOT NULL, row_key, hash BLOB NOT NULL);
		DELETE FROM temp.rows_before`); err != nil {
		return err
	}
	_, err := eachTracked(tx, func(t trackedTable, hash string) string {
		return fmt.Sprintf(`INSERT INTO temp.rows_before (tbl, row_key, hash) SELECT '%s', t.%s, %s FROM %s t`,
			t.name, t.key, hash, t.name)
	})
	return err
}

// rowsRehashed notes as pending every tracked row whose hash the schema change altered, with
// its hash before and after, so one event records them and verify keeps finding real changes.
func rowsRehashed(tx *sql.Tx) (int, error) {
	total, err := eachTracked(tx, func(t trackedTable, hash string) string {
		return fmt.Sprintf(`INSERT INTO pending_rows (tbl, row_key, before, after)
			SELECT '%[1]s', t.%[2]s, b.hash, %[3]s FROM %[1]s t JOIN temp.rows_before b ON b.tbl = '%[1]s' AND b.row_key = t.%[2]s
			WHERE b.hash <> %[3]s`, t.name, t.key, hash)
	})
	if err != nil {
		return 0, err
	}
	_, err = tx.Exec(`DROP TABLE temp.rows_before`)
	return total, err
}

// rowChange is one row an event changed: its hash before (nil: new) and after (nil: removed).
type rowChange struct {
	Table         string
	Key           any
	Before, After []byte
}

// digest is what an event's rows_sha256 holds: the hash of every row change it recorded,
// in (table, key) order. No changes give "", the value of events from before this check.
func rowsDigest(changes []rowChange) string {
	if len(changes) == 0 {
		return ""
	}
	var b []byte
	for _, c := range changes {
		b = appendValue(appendValue(appendValue(appendValue(b, c.Table), c.Key), c.Before), c.After)
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// pendingDigest is the digest of the rows changed since the last event, for the chain hash
// of the event being written.
func (tx *Tx) pendingDigest() (string, error) {
	rows, err := tx.Query(`SELECT tbl, row_key, before, after FROM pending_rows ORDER BY tbl, row_key`)
	if err != nil {
		return "", err
	}
	var changes []rowChange
	for rows.Next() {
		var c rowChange
		if err := rows.Scan(&c.Table, &c.Key, &c.Before, &c.After); err != nil {
			rows.Close()
			return "", err
		}
		changes = append(changes, c)
	}
	rows.Close()
	return rowsDigest(changes), rows.Err()
}

// takePendingRows moves the rows changed since the last event to that event.
func (tx *Tx) takePendingRows(eventID int64) error {
	if _, err := tx.Exec(`INSERT INTO event_rows (event_id, tbl, row_key, before, after)
		SELECT ?, tbl, row_key, before, after FROM pending_rows`, eventID); err != nil {
		return err
	}
	_, err := tx.Exec(`DELETE FROM pending_rows`)
	return err
}

// unrecordedChange is the safety net under "every change has its audit record": a transaction
// that changed a tracked row without an event after it is rolled back.
func (tx *Tx) unrecordedChange() error {
	var tbl string
	err := tx.QueryRow(`SELECT tbl FROM pending_rows LIMIT 1`).Scan(&tbl)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	return fmt.Errorf("interne fout: een wijziging in %s staat niet in het logboek; er is niets opgeslagen", tbl)
}
