package merge_test

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"lianfang/checks"
	"lianfang/merge"
)

func TestOpenMigratesOnce(t *testing.T) {
	// A file name with Chinese, spaces and URI characters stays one file.
	path := filepath.Join(t.TempDir(), "县局 廉政?#%20库.db")
	s, err := merge.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("migrations/*.sql") // every migration, in name order
	for i := range files {
		files[i] = filepath.Base(files[i])
	}
	if got := s.Applied(); len(got) < 1 || got[0] != "0001_init.sql" || !slices.Equal(got, files) {
		t.Errorf("first open applied %v, want %v", got, files)
	}
	s.Close()
	s, err = merge.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := s.Applied(); len(got) != 0 {
		t.Errorf("second open applied %v, want nothing", got)
	}
	ms, err := s.Migrations(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != len(files) || ms[0].Name != "0001_init.sql" || ms[0].Applied.IsZero() {
		t.Errorf("migrations recorded = %+v, want each of %v once", ms, files)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not at the path given: %v", err)
	}
}

func TestFilesOwnerOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "county.db")
	s, err := merge.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustRoster(t, s)
	mustAccept(t, s, input("2026-W48", "实验小学.xlsx", "A01", "a", t0, makeSub("实验小学", standardPowers("实验小学", 1)...)))
	for _, name := range []string{"county.db", "county.db-wal", "county.db-shm"} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if perm := fi.Mode().Perm(); perm != 0o600 {
			t.Errorf("%s mode = %v, want -rw-------", name, perm)
		}
	}
}

func TestAcceptStoresEverything(t *testing.T) {
	s := MustOpen(t)
	mustRoster(t, s)
	sub := makeSub("实验小学", standardPowers("实验小学", 3)...)
	in := input("2026-W48", "收件/实验小学.xlsx", "A01", "v1", t0, sub,
		finding("收件/实验小学.xlsx", "实验小学", "R03", checks.Error, 5, "K", "风险点太笼统"),
		finding("收件/实验小学.xlsx", "实验小学", "R07", checks.Warning, 0, "", "风险等级全部为高"))
	out := mustAccept(t, s, in)
	if out.Duplicate || !out.Current || out.Status != merge.StatusReturned || len(out.Superseded) != 0 {
		t.Errorf("outcome = %+v, want current, 退回修改", out)
	}
	// By hand: 3 powers × 2 risks; the catalogue sheet has title, unit info
	// and header rows plus 6 risk rows = 9 rows, the instructions sheet 3
	// and the hidden list sheet 2: 14 rows on 3 sheets.
	want := map[string]int{"migrations": 2, "mails": 0, "units": 4, "cycles": 1, "blobs": 1, "submissions": 1, "resubmissions": 0,
		"current": 1, "sheets": 3, "sheet_rows": 14, "powers": 3, "risks": 6, "findings": 2}
	if got := mustCounts(t, s); !maps.Equal(got, want) {
		t.Errorf("counts = %v\nwant     %v", got, want)
	}
	ctx := context.Background()
	back, fs, err := s.Load(ctx, out.SubmissionID)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := mustJSON(t, sub), mustJSON(t, back); a != b {
		t.Errorf("loaded submission differs from the one accepted:\n got %s\nwant %s", b, a)
	}
	if a, b := mustJSON(t, in.Findings), mustJSON(t, fs); a != b {
		t.Errorf("loaded findings = %s, want %s", b, a)
	}
	data, err := s.Original(ctx, sha(in))
	if err != nil || string(data) != string(in.Data) {
		t.Errorf("original bytes = %q, %v; want %q", data, err, in.Data)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAcceptIdempotent(t *testing.T) {
	s := MustOpen(t)
	mustRoster(t, s)
	ctx := context.Background()
	in := input("2026-W48", "实验小学.xlsx", "A01", "v1", t0, makeSub("实验小学", standardPowers("实验小学", 2)...))
	first := mustAccept(t, s, in)
	before := mustCounts(t, s)
	if seen, err := s.Seen(ctx, "2026-W48", sha(in)); err != nil || !seen {
		t.Fatalf("Seen = %v, %v; want true", seen, err)
	}
	if seen, _ := s.Seen(ctx, "2026-W49", sha(in)); seen {
		t.Errorf("Seen in another cycle = true, want false")
	}
	// The same inbox again, parsed or skipped: nothing changes.
	again := mustAccept(t, s, in)
	skipped := in
	skipped.Sub, skipped.Findings = nil, nil
	again2 := mustAccept(t, s, skipped)
	for _, o := range []merge.Outcome{again, again2} {
		if !o.Duplicate || o.SubmissionID != first.SubmissionID || !o.Current {
			t.Errorf("rerun outcome = %+v, want duplicate of %d", o, first.SubmissionID)
		}
	}
	if after := mustCounts(t, s); !maps.Equal(before, after) {
		t.Errorf("rerun changed counts: %v → %v", before, after)
	}
	// The same bytes under another name: X03, recorded once.
	copied := skipped
	copied.Path = "补交/实验小学(1).xlsx"
	mustAccept(t, s, copied)
	mustAccept(t, s, copied)
	after := mustCounts(t, s)
	if after["resubmissions"] != 1 || after["submissions"] != 1 {
		t.Errorf("after a copy: resubmissions %d, submissions %d; want 1, 1", after["resubmissions"], after["submissions"])
	}
	c, err := s.County(ctx, "2026-W48")
	if err != nil {
		t.Fatal(err)
	}
	if got := rules(countyFindings(t, c), "X03"); len(got) != 1 || got[0].File != copied.Path || got[0].Unit != "实验小学" {
		t.Errorf("X03 findings = %+v, want one on %s", got, copied.Path)
	}
}

func TestAcceptNewFileNeedsSubmission(t *testing.T) {
	s := MustOpen(t)
	in := input("2026-W48", "x.xlsx", "", "x", t0, nil)
	if _, err := s.Accept(context.Background(), in); err == nil {
		t.Error("Accept of an unseen file without a parsed submission succeeded")
	}
	in = input("2026-W48", "x.xlsx", "Z99", "x", t0, makeSub("无名学校"))
	if _, err := s.Accept(context.Background(), in); err == nil {
		t.Error("Accept with a unit code not in the roster succeeded")
	}
	if n := mustCounts(t, s)["submissions"]; n != 0 {
		t.Errorf("submissions = %d after failed accepts, want 0", n)
	}
}

// TestAcceptFailsMidway aborts Accept at every stage of its transaction,
// by error and by cancelling the context, and checks nothing was stored and
// the next Accept completes.
func TestAcceptFailsMidway(t *testing.T) {
	stages := []string{"submission", "rows", "powers", "findings", "current"}
	for _, stage := range stages {
		for _, how := range []string{"error", "cancel"} {
			t.Run(stage+"/"+how, func(t *testing.T) {
				s := MustOpen(t)
				mustRoster(t, s)
				before := mustCounts(t, s)
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				boom := errors.New("boom")
				restore := merge.SetAcceptHook(func(_ context.Context, st string) error {
					if st != stage {
						return nil
					}
					if how == "cancel" {
						cancel()
						return nil
					}
					return boom
				})
				in := input("2026-W48", "实验小学.xlsx", "A01", "v1", t0, makeSub("实验小学", standardPowers("实验小学", 3)...),
					finding("实验小学.xlsx", "实验小学", "R03", checks.Error, 5, "K", "太笼统"))
				_, err := s.Accept(ctx, in)
				restore()
				if err == nil {
					t.Fatal("Accept succeeded despite the failure")
				}
				if how == "error" && !errors.Is(err, boom) {
					t.Errorf("error = %v, want it to wrap boom", err)
				}
				if after := mustCounts(t, s); !maps.Equal(before, after) {
					t.Errorf("failed Accept left rows: %v → %v", before, after)
				}
				if out := mustAccept(t, s, in); out.Duplicate {
					t.Error("retry after failure was taken for a duplicate")
				}
				if n := mustCounts(t, s)["risks"]; n != 6 {
					t.Errorf("risks after retry = %d, want 6", n)
				}
				if err := s.Verify(context.Background()); err != nil {
					t.Error(err)
				}
			})
		}
	}
}
