package data

import (
	"context"
	"database/sql"
	"errors"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
)

// statements are the writer's prepared statements by their text. A change runs a dozen
// statements (the row, its audit event, the rows it noted, the search entry), and SQLite
// parsing each of them anew took a fifth of the time of adding a complaint. The writer has
// one connection, which a change holds: a statement first met inside a change is prepared on
// the writer once that change has ended, and the changes after it run it as prepared.
type statements struct {
	mu     sync.Mutex
	ready  map[string]*sql.Stmt
	wanted map[string]bool
	closed bool
}

// maxStatements bounds what the writer keeps prepared, some 40 to 70 KB each: the statements
// every change runs (its event, the rows it noted) and those of the changes made first.
const maxStatements = 48

// lookup is the prepared statement for query, or nil (noting it for prepareWanted) when it
// has not been prepared yet or is not kept prepared.
func (c *statements) lookup(query string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.ready[query]; ok {
		return st
	}
	if !c.closed && len(c.ready)+len(c.wanted) < maxStatements && plainData(query) {
		if c.wanted == nil {
			c.wanted = map[string]bool{}
		}
		c.wanted[query] = true
	}
	return nil
}

// plainData reports whether query reads or changes rows, and so may be kept prepared. Not a
// PRAGMA: SQLite applies some (defer_foreign_keys) when it prepares them, and prepared after
// the change that ran it, it would hold for the next change too.
func plainData(query string) bool {
	word := strings.TrimLeftFunc(query, unicode.IsSpace)
	if i := strings.IndexFunc(word, unicode.IsSpace); i >= 0 {
		word = word[:i]
	}
	switch strings.ToUpper(word) {
	case "SELECT", "INSERT", "UPDATE", "DELETE", "WITH":
		return true
	}
	return false
}

// prepareWanted prepares the statements lookup was asked for on db, outside any change. When
// another change holds the writer, it leaves them for the next time rather than wait for it;
// a statement SQLite cannot prepare on its own (it failed in its change) is dropped.
func (c *statements) prepareWanted(db *sql.DB) {
	c.mu.Lock()
	queries := slices.Collect(maps.Keys(c.wanted))
	c.mu.Unlock()
	for _, query := range queries {
		// A change takes a few milliseconds; a batch (an import) may hold the writer for minutes.
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		st, err := db.PrepareContext(ctx, query)
		busy := ctx.Err() != nil
		cancel()
		if busy {
			if st != nil {
				st.Close()
			}
			return
		}
		c.mu.Lock()
		delete(c.wanted, query)
		switch {
		case err != nil:
		case c.closed || c.ready[query] != nil: // closed meanwhile, or prepared by another change
			st.Close()
		default:
			if c.ready == nil {
				c.ready = map[string]*sql.Stmt{}
			}
			c.ready[query] = st
		}
		c.mu.Unlock()
	}
}

// close closes every prepared statement, before the writer itself is closed: a connection with
// statements still open keeps the file open.
func (c *statements) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	var errs []error
	for _, st := range c.ready {
		errs = append(errs, st.Close())
	}
	c.ready, c.wanted = nil, nil
	return errors.Join(errs...)
}
