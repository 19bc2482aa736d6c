package samples_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"lianfang/checks"
	"lianfang/importer"
	"lianfang/samples"
)

// TestManifestMatchesChecks reads every generated file with the importer,
// runs the checks and compares: each planned finding (X rules aside, they
// belong to the county database) is found on its row, and nothing else is
// found — clean units come out clean.
func TestManifestMatchesChecks(t *testing.T) {
	for _, tc := range []struct {
		name string
		opt  samples.Options
	}{
		{"default", samples.DefaultOptions()},
		{"other seed", samples.Options{Seed: 42, DefectRate: 0.35}},
		{"two defective units", samples.Options{Units: 8, DefectRate: 0.25, Seed: 7}},
		{"one unit with every mistake", samples.Options{Units: 1, DefectRate: 1, Seed: 3}},
		{"long catalogues", samples.Options{Units: 6, Rows: 200, DefectRate: 0.35, Seed: 11}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := samples.Generate(dir, tc.opt); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(filepath.Join(dir, "roster.csv"))
			if err != nil {
				t.Fatal(err)
			}
			roster, err := importer.ReadRoster("roster.csv", data)
			if err != nil {
				t.Fatal(err)
			}
			for _, up := range samples.Manifest(tc.opt) {
				for _, f := range up.Files {
					compare(t, dir, f.Name, up, check(t, dir, f.Name, up.Unit.Type, roster))
				}
			}
		})
	}
}

// check parses one file and returns its findings, S04 included.
func check(t *testing.T, dir, name, unitType string, roster []importer.RosterUnit) []checks.Finding {
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	sub, err := importer.Parse(name, data, importer.DefaultOptions())
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	unit, fs := checks.MatchUnit(sub, roster)
	if unit != nil {
		unitType = unit.Type
	}
	return append(fs, checks.Check(sub, unitType, checks.DefaultLexicon())...)
}

// compare reports planned findings of file name that were not found and
// found ones that were not planned.
func compare(t *testing.T, dir, name string, up samples.UnitPlan, found []checks.Finding) {
	key := func(rule string, row int) string { return fmt.Sprintf("%s 第%d行", rule, row) }
	got, want := map[string]bool{}, map[string]bool{}
	for _, f := range found {
		got[key(f.Rule, f.Row)] = true
	}
	for _, d := range up.Defects {
		if d.File != name || d.Rule[0] == 'X' {
			continue
		}
		want[key(d.Rule, d.Row)] = true
		if !got[key(d.Rule, d.Row)] {
			t.Errorf("%s (%s): planned %s not found: %s", name, up.Role, key(d.Rule, d.Row), d.Note)
		}
	}
	var extra []string
	for _, f := range found {
		if !want[key(f.Rule, f.Row)] {
			extra = append(extra, fmt.Sprintf("%s %s: %s", f.Severity, key(f.Rule, f.Row), f.Message))
		}
	}
	slices.Sort(extra)
	for _, e := range extra {
		t.Errorf("%s (%s): unplanned finding %s", name, up.Role, e)
	}
}
