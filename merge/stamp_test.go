package merge_test

import (
	"context"
	"testing"
	"time"

	"lianfang/importer"
)

// TestStamp: the stamp changes with every change the reports could show —
// a new submission, a re-sent copy under a new path, a roster edit — and
// stays when nothing changed, including a rerun of the same file.
func TestStamp(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	mustRoster(t, s)
	stamp := func() string {
		t.Helper()
		st, err := s.Stamp(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	seen := map[string]string{}
	changed := func(what string) string {
		t.Helper()
		st := stamp()
		if prev, ok := seen[st]; ok {
			t.Fatalf("%s: stamp %s equals the stamp after %s", what, st, prev)
		}
		seen[st] = what
		return st
	}
	changed("roster")
	if again := stamp(); seen[again] != "roster" {
		t.Fatal("stamp changed without a change")
	}
	at := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	in := input("2026-W48", "实验小学.xlsx", "A01", "a", at, makeSub("实验小学", standardPowers("实验小学", 2)...))
	mustAccept(t, s, in)
	st := changed("first submission")

	// The same bytes under the same path again: nothing to record.
	dup := in
	dup.Sub = nil
	mustAccept(t, s, dup)
	if got := stamp(); got != st {
		t.Fatal("a rerun of the same file changed the stamp")
	}
	// The same bytes under another path: an X03 event.
	dup.Path = "重发/实验小学.xlsx"
	mustAccept(t, s, dup)
	changed("resubmission")

	// A later file of the unit supersedes the first.
	mustAccept(t, s, input("2026-W48", "实验小学-改.xlsx", "A01", "b", at.Add(time.Hour), makeSub("实验小学", standardPowers("实验小学", 3)...)))
	changed("second submission")

	// A roster edit in place: same units, one new name.
	units := append([]importer.RosterUnit(nil), testRoster...)
	units[1].Name = "城关初级中学"
	if _, _, err := s.ImportRoster(ctx, units); err != nil {
		t.Fatal(err)
	}
	changed("roster edit")
}
