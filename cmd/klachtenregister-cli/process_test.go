package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"klachtenregister/data"
)

// The tests here start this test binary again as child processes that act as the CLI, so
// two programs really share one register: each child runs one command a number of times
// (KLACHTENREGISTER_TEST_CHILD: the arguments as JSON; _REPEAT: how often, 0 = until it is
// killed or the file _STOP names exists), opening and closing the register every time as a
// separate CLI run does. It prints each run's output, and "REFUSED <exit code>" for a run
// that failed.
func TestMain(m *testing.M) {
	if args := os.Getenv("KLACHTENREGISTER_TEST_CHILD"); args != "" {
		os.Exit(child(args))
	}
	os.Exit(m.Run())
}

func child(argsJSON string) int {
	removeOutputsOnSignal() // as main does
	var args []string
	if err := json.Unmarshal([]byte(argsJSON), &args); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	var repeat int
	fmt.Sscan(os.Getenv("KLACHTENREGISTER_TEST_REPEAT"), &repeat)
	stop := os.Getenv("KLACHTENREGISTER_TEST_STOP")
	for i := 0; repeat == 0 || i < repeat; i++ {
		if stop != "" {
			if _, err := os.Stat(stop); err == nil {
				break
			}
		}
		if code := run(env{stdout: os.Stdout, stderr: os.Stderr, now: func() time.Time { return today }}, args); code != 0 {
			fmt.Fprintf(os.Stderr, "REFUSED %d\n", code)
		}
	}
	return 0
}

// startChild starts a child process running args repeat times.
func startChild(t *testing.T, repeat int, stop string, args ...string) (*exec.Cmd, *strings.Builder) {
	t.Helper()
	raw, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "KLACHTENREGISTER_TEST_CHILD="+string(raw),
		fmt.Sprintf("KLACHTENREGISTER_TEST_REPEAT=%d", repeat), "KLACHTENREGISTER_TEST_STOP="+stop)
	stderr := &strings.Builder{}
	cmd.Stderr = stderr
	return cmd, stderr
}

func addArgs(db, name string) []string {
	return []string{"add", "--db", db, "--name", name, "--summary", "Factuur te hoog", "--channel", "letter",
		"--formal", "--received", "2026-11-02"}
}

// TestEightWritersAndAReaderShareARegister: eight CLI processes each add 50 complaints to one
// register, which none of them finds at the start, while another lists it over and over and a
// third verifies it over and over.
// Nothing is refused: every connection waits for the others' locks.
func TestEightWritersAndAReaderShareARegister(t *testing.T) {
	const writers, adds = 8, 50
	dir := t.TempDir()
	db, stop := filepath.Join(dir, "register.db"), filepath.Join(dir, "stop")
	var wg sync.WaitGroup
	var mu sync.Mutex
	refs := map[string]bool{}
	refusals := 0
	for w := range writers {
		cmd, stderr := startChild(t, adds, "", addArgs(db, fmt.Sprintf("Schrijver %d", w))...)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			lines := bufio.NewScanner(out)
			var mine []string
			for lines.Scan() {
				mine = append(mine, lines.Text())
			}
			cmd.Wait()
			mu.Lock()
			defer mu.Unlock()
			for _, r := range mine {
				refs[r] = true
			}
			if n := strings.Count(stderr.String(), "REFUSED"); n > 0 {
				refusals += n
				t.Errorf("writer %d: %s", w, stderr)
			}
		}()
	}
	time.Sleep(200 * time.Millisecond) // the first writer has made the register
	reader, readerErr := startChild(t, 0, stop, "list", "--json", "--db", db)
	if err := reader.Start(); err != nil {
		t.Fatal(err)
	}
	// verify reads the register on several connections at once: each must see the same
	// register, or a row would seem changed without its event.
	verifier, verifierErr := startChild(t, 0, stop, "verify", "--db", db)
	if err := verifier.Start(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	os.WriteFile(stop, nil, 0o600)
	reader.Wait()
	verifier.Wait()
	if n := strings.Count(readerErr.String(), "REFUSED"); n > 0 {
		t.Errorf("the reader was refused %d times: %s", n, readerErr)
	}
	if n := strings.Count(verifierErr.String(), "REFUSED"); n > 0 {
		t.Errorf("verify failed %d times while others wrote: %s", n, verifierErr)
	}
	if refusals > 0 || len(refs) != writers*adds {
		t.Fatalf("%d adds refused, %d distinct references, want 0 and %d", refusals, len(refs), writers*adds)
	}
	s, err := data.OpenExisting(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	listed, err := s.List(data.Filter{})
	if err != nil || len(listed) != writers*adds {
		t.Fatalf("the register holds %d complaints (%v), want %d", len(listed), err, writers*adds)
	}
	if v, err := s.Verify(); err != nil || !v.OK() {
		t.Fatalf("verify: %v %+v", err, v)
	}
}

// TestKilledAddsLoseNothing kills a CLI process adding complaints, at a random moment, 60
// times. Every add that returned its reference is in the register, and verify is green.
func TestKilledAddsLoseNothing(t *testing.T) {
	const kills = 60
	db := filepath.Join(t.TempDir(), "register.db")
	ok(t, db, "settings", "set", "practice_name=Praktijk De Linde")
	var returned []string
	for i := range kills {
		cmd, _ := startChild(t, 0, "", addArgs(db, fmt.Sprintf("Klager %d", i))...)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string)
		go func() {
			s := bufio.NewScanner(out)
			for s.Scan() {
				lines <- s.Text()
			}
			close(lines)
		}()
		// The kill comes at a random moment after the first add returned, so it falls
		// anywhere in the adds that follow: mid-transaction, mid-commit, between two.
		killAt, first := time.After(10*time.Second), true // no add in 10 s: stop, and fail below
	read:
		for {
			select {
			case ref, open := <-lines:
				if !open {
					break read
				}
				returned = append(returned, ref)
				if first {
					killAt, first = time.After(time.Duration(rand.IntN(60))*time.Millisecond), false
				}
			case <-killAt:
				cmd.Process.Kill()
				killAt = make(chan time.Time) // never again
			}
		}
		cmd.Wait()
		if first {
			t.Fatalf("run %d: no add returned in 10 s", i)
		}
	}
	s, err := data.OpenExisting(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, ref := range returned {
		if _, err := s.Complaint(ref); err != nil {
			t.Errorf("%s was returned by add but is not in the register: %v", ref, err)
		}
	}
	if v, err := s.Verify(); err != nil || !v.OK() {
		t.Fatalf("verify after %d kills: %v %+v", kills, err, v)
	}
	t.Logf("%d kills, %d adds returned, all present", kills, len(returned))
}
