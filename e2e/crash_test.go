package e2e

import (
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	_ "github.com/mattn/go-sqlite3"

	"lianfang/samples"
)

// TestKilledRun kills `lianfang run` with SIGKILL after a few files are
// merged: the database passes integrity_check, and the next run ends in the
// same state as an uninterrupted run over the same inbox.
func TestKilledRun(t *testing.T) {
	opt := samples.DefaultOptions()
	clean := newCounty(t, opt)
	clean.mustRun(t, "roster", "import", clean.roster, "--db", clean.db)
	clean.mustRun(t, "run", clean.inbox, "--db", clean.db, "--out", clean.out, "--cycle", cycle)

	for _, after := range []int{1, 5, 9} {
		c := newCounty(t, opt)
		c.mustRun(t, "roster", "import", c.roster, "--db", c.db)
		t.Setenv("LIANFANG_CRASH_AFTER", strconv.Itoa(after))
		code, _, _ := c.lianfang(t, "run", c.inbox, "--db", c.db, "--out", c.out, "--cycle", cycle)
		os.Unsetenv("LIANFANG_CRASH_AFTER")
		if code == 0 {
			t.Fatalf("crash after %d: the run was not killed", after)
		}
		if got := integrity(t, c.db); got != "ok" {
			t.Fatalf("crash after %d: integrity_check = %s", after, got)
		}
		c.mustRun(t, "run", c.inbox, "--db", c.db, "--out", c.out, "--cycle", cycle)
		if a, b := dbCounts(t, clean.db), dbCounts(t, c.db); !reflect.DeepEqual(a, b) {
			t.Errorf("crash after %d: database differs from an uninterrupted run:\n%v\n%v", after, a, b)
		}
		a, _ := os.ReadFile(filepath.Join(clean.out, cycle, "findings.jsonl"))
		b, _ := os.ReadFile(filepath.Join(c.out, cycle, "findings.jsonl"))
		if string(a) != string(b) {
			t.Errorf("crash after %d: findings.jsonl differs from an uninterrupted run", after)
		}
		if a, b := renderDir(t, filepath.Join(clean.out, cycle, "退回")), renderDir(t, filepath.Join(c.out, cycle, "退回")); !reflect.DeepEqual(a, b) {
			t.Errorf("crash after %d: 退回 workbooks differ from an uninterrupted run", after)
		}
	}
}

func integrity(t *testing.T, path string) string {
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil {
		t.Fatal(err)
	}
	return res
}
