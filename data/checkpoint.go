package data

import (
	"database/sql"
	"time"
)

// checkpointer copies committed changes from the write-ahead log into the register file in
// the background, on a connection of its own. SQLite would otherwise do it inside the commit
// that happens to fill the log (every few dozen changes), and that change would wait for the
// register file to be written and flushed: the slowest one in twenty. A commit stays durable
// as before: synchronous(FULL) flushes the log to disk before the commit returns, and a
// change in the log survives a power cut as one in the file does. The last connection to
// close copies what is left and removes the log.
type checkpointer struct {
	db   *sql.DB
	wake chan struct{} // a commit happened; holds at most one wake-up
	quit chan struct{}
	done chan struct{}
}

// The checkpointer waits for a pause in the changes (checkpointQuiet without a commit), so it
// does not compete for the disk with the next change, or for checkpointEvery commits when
// changes keep coming, so the log stays small.
const (
	checkpointQuiet = 100 * time.Millisecond
	checkpointEvery = 100
)

func startCheckpointer(path string) (*checkpointer, error) {
	db, err := sql.Open("sqlite", path+"?"+busyTimeout)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	c := &checkpointer{db: db, wake: make(chan struct{}, 1), quit: make(chan struct{}), done: make(chan struct{})}
	go c.run()
	return c, nil
}

func (c *checkpointer) run() {
	defer close(c.done)
	for {
		select {
		case <-c.quit:
			return
		case <-c.wake:
		}
		for commits, quiet := 1, false; !quiet; {
			select {
			case <-c.quit:
				return
			case <-c.wake:
				commits++
				quiet = commits >= checkpointEvery
			case <-time.After(checkpointQuiet):
				quiet = true
			}
		}
		// PASSIVE copies what no reader still needs and never waits for anyone; what it
		// leaves, a later checkpoint or the last close copies.
		c.db.Exec(`PRAGMA wal_checkpoint(PASSIVE)`)
	}
}

// committed tells the checkpointer that the log grew.
func (c *checkpointer) committed() {
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// stop ends the checkpointer and closes its connection.
func (c *checkpointer) stop() error {
	close(c.quit)
	<-c.done
	return c.db.Close()
}
