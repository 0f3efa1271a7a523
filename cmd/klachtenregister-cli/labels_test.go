package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestDutchNamesAreAccepted: a root cause and a status may be typed as the CLI prints them
// (root-causes: "communicatie"; list: "gesloten") as well as by their code.
func TestDutchNamesAreAccepted(t *testing.T) {
	db := newDB(t)
	ok(t, db, "demo", "--count", "12")
	ok(t, db, "root-causes", "add", "Privacy en AVG")
	for cause, code := range map[string]string{"communicatie": "communication", "Bejegening": "conduct", "privacy en avg": "privacy-en-avg", "fees": "fees"} {
		m := strings.TrimSpace(ok(t, db, "measure-add", "--description", "Werkwijze aanpassen", "--cause", cause))
		var list []map[string]any
		if err := json.Unmarshal([]byte(ok(t, db, "measures", "--json")), &list); err != nil {
			t.Fatal(err)
		}
		for _, x := range list {
			if x["code"] == m && x["root_cause"] != code {
				t.Errorf("--cause %q stored root_cause %v, want %s", cause, x["root_cause"], code)
			}
		}
	}
	if closed, gesloten := ok(t, db, "list", "--status", "closed"), ok(t, db, "list", "--status", "gesloten"); closed != gesloten ||
		!strings.Contains(closed, "gesloten") {
		t.Errorf("list --status gesloten:\n%s\nwant as --status closed:\n%s", gesloten, closed)
	}
	if a, b := ok(t, db, "list", "--status", "acknowledged", "--json"), ok(t, db, "list", "--status", "Ontvangst bevestigd", "--json"); a != b {
		t.Errorf("list --status 'Ontvangst bevestigd' differs from --status acknowledged")
	}
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"measure-add", "--description", "x", "--cause", "weer"}, `onbekende oorzaak "weer"; kies uit communication (communicatie), expertise (deskundigheid)`},
		{[]string{"list", "--status", "open"}, `onbekende status "open"; kies uit informal (informeel), received (ontvangen)`},
	} {
		if _, stderr, code := cli(t, db, tc.args...); code != 2 || !strings.Contains(stderr, tc.says) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tc.args, code, stderr, tc.says)
		}
	}
}
