package samples

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"lianfang/importer"
)

// snapshot maps every file under dir to its SHA-256 and modification time.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = hex.EncodeToString(sum[:]) + " " + info.ModTime().UTC().Format(time.RFC3339)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestGenerateDeterministic(t *testing.T) {
	for _, tc := range []struct {
		name string
		opt  Options
	}{
		{"default", DefaultOptions()},
		{"one worker", Options{Units: 6, Rows: 40, DefectRate: 0.5, Seed: 9, Workers: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := t.TempDir(), t.TempDir()
			if err := Generate(a, tc.opt); err != nil {
				t.Fatal(err)
			}
			opt := tc.opt
			opt.Workers = 3 // the number of workers must not matter
			if err := Generate(b, opt); err != nil {
				t.Fatal(err)
			}
			sa, sb := snapshot(t, a), snapshot(t, b)
			if len(sa) < 3 {
				t.Fatalf("only %d files", len(sa))
			}
			for name, h := range sa {
				if sb[name] != h {
					t.Errorf("%s differs: %s / %s", name, h, sb[name])
				}
			}
			if len(sa) != len(sb) {
				t.Errorf("%d files, then %d", len(sa), len(sb))
			}
		})
	}
	if a, b := Manifest(Options{Seed: 1}), Manifest(Options{Seed: 2}); slices.EqualFunc(a, b, func(x, y UnitPlan) bool {
		return x.Role == y.Role && x.Unit.Contact == y.Unit.Contact
	}) {
		t.Errorf("seeds 1 and 2 give the same county")
	}
}

func TestGenerateFiles(t *testing.T) {
	dir, opt := t.TempDir(), DefaultOptions()
	if err := Generate(dir, opt); err != nil {
		t.Fatal(err)
	}
	plans := Manifest(opt)
	inbox, _ := os.ReadDir(filepath.Join(dir, "inbox"))
	planned := 0
	for _, up := range plans {
		for _, f := range up.Files {
			planned++
			info, err := os.Stat(filepath.Join(dir, f.Name))
			if err != nil {
				t.Errorf("%s (%s): %v", f.Name, up.Role, err)
				continue
			}
			if !info.ModTime().Equal(f.Received) {
				t.Errorf("%s: modified %v, want %v", f.Name, info.ModTime(), f.Received)
			}
			data, _ := os.ReadFile(filepath.Join(dir, f.Name))
			if isZip := bytes.HasPrefix(data, []byte("PK")); isZip == (up.Role == RoleUnreadable) {
				t.Errorf("%s (%s): zip %v", f.Name, up.Role, isZip)
			}
		}
	}
	if len(inbox) != planned {
		t.Errorf("inbox holds %d files, the manifest %d", len(inbox), planned)
	}
	roster, err := os.ReadFile(filepath.Join(dir, "roster.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(roster, []byte("\ufeff单位代码,单位名称,单位类型,别名,联系人,联系电话,邮箱\r\n")) {
		t.Errorf("roster.csv starts %q", roster[:min(80, len(roster))])
	}
	units, err := importer.ReadRoster("roster.csv", roster)
	if err != nil {
		t.Fatal(err)
	}
	if len(units) != opt.Units {
		t.Errorf("roster lists %d units, want %d", len(units), opt.Units)
	}
	for i, u := range units {
		if want := plans[i].Unit; u.Name != want.Name || u.Code != want.Code || !slices.Equal(u.Aliases, want.Aliases) {
			t.Errorf("roster row %d = %+v, want %+v", i+1, u, want)
		}
	}
	manifest, _ := os.ReadFile(filepath.Join(dir, "MANIFEST.md"))
	for _, r := range everyRule {
		if !strings.Contains(string(manifest), "| "+r+" |") {
			t.Errorf("MANIFEST.md does not list %s", r)
		}
	}
}

// TestGenerateReadBack parses every workbook with the importer: the unit
// named in it, its data rows and the structural problems planned.
func TestGenerateReadBack(t *testing.T) {
	dir, opt := t.TempDir(), DefaultOptions()
	if err := Generate(dir, opt); err != nil {
		t.Fatal(err)
	}
	for _, up := range Manifest(opt) {
		for _, f := range up.Files {
			t.Run(f.Name, func(t *testing.T) {
				data, _ := os.ReadFile(filepath.Join(dir, f.Name))
				sub, err := importer.Parse(f.Name, data, importer.DefaultOptions())
				if err != nil {
					t.Fatal(err)
				}
				var codes []string
				for _, p := range sub.Problems {
					codes = append(codes, p.Code)
				}
				want := map[Role]string{RoleUnreadable: "S01", RoleNoCatalogue: "S02", RoleEmpty: "S06"}[up.Role]
				if want != "" {
					if !slices.Contains(codes, want) {
						t.Errorf("problems %v, want %s", codes, want)
					}
					return
				}
				if sub.Unit.Name != up.Unit.Name || sub.TemplateVersion != importer.TemplateVersion {
					t.Errorf("unit %q, template %q", sub.Unit.Name, sub.TemplateVersion)
				}
				rows := 0
				for _, p := range sub.Powers {
					rows += max(len(p.Risks), 1)
				}
				if strings.Contains(f.Name, "_旧") || strings.Contains(f.Name, "(1)") {
					return
				}
				if rows != up.Rows {
					t.Errorf("%d rows read, planned %d", rows, up.Rows)
				}
			})
		}
	}
}
