package importer_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"lianfang/checks"
	"lianfang/importer"
	"lianfang/reports"
)

// The expected reading of a producer fixture, defined by hand in
// testdata/producers/catalogues.py (never read back from a produced file).
type expectedBook struct {
	Unit struct {
		Name, Type, Reporter, Phone, Date, From string
	}
	Powers []expectedPower
}

type expectedPower struct {
	Sheet                                                  string
	Row                                                    int
	Seq, Level, Kind, Name, Basis, Dept, Post, Scope, Form string
	Note                                                   string
	Extra                                                  map[string]string
	Risks                                                  []expectedRisk
}

type expectedRisk struct {
	Row, Item                                              int
	Source, Point, Harm, Statement, Grade, Measures, Owner string
}

const producers = "../testdata/producers"

func loadExpected(t *testing.T, name, producer string) expectedBook {
	t.Helper()
	path := filepath.Join(producers, "expected", name+"."+producer+".json")
	if _, err := os.Stat(path); err != nil {
		path = filepath.Join(producers, "expected", name+".json")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var e expectedBook
	if err := json.Unmarshal(data, &e); err != nil {
		t.Fatal(err)
	}
	return e
}

// actual renders a parsed submission in the expected shape; the risk parts
// of the one-column layout come from checks.Split.
func actual(t *testing.T, s *importer.Submission) expectedBook {
	var a expectedBook
	a.Unit.Name, a.Unit.Type, a.Unit.Reporter, a.Unit.Phone, a.Unit.Date, a.Unit.From =
		s.Unit.Name, s.Unit.Type, s.Unit.Reporter, s.Unit.Phone, s.Unit.Date, s.Unit.From
	for _, p := range s.Powers {
		ep := expectedPower{Sheet: p.Ref.Sheet, Row: p.Ref.Row, Seq: p.Seq, Level: p.Level, Kind: p.Kind, Name: p.Name,
			Basis: p.Basis, Dept: p.Dept, Post: p.Post, Scope: p.Scope, Form: p.Form, Note: p.Note, Extra: p.Extra}
		for _, r := range p.Risks {
			er := expectedRisk{Row: r.Ref.Row, Item: r.Item, Source: r.Source, Point: r.Point, Harm: r.Harm,
				Statement: r.Statement, Grade: r.Grade, Measures: r.Measures, Owner: r.Owner}
			if r.Statement != "" {
				parts, err := checks.Split(r.Statement)
				if err != nil {
					t.Errorf("row %d: split %q: %v", r.Ref.Row, r.Statement, err)
				}
				er.Source, er.Point, er.Harm = parts.Source, parts.Point, parts.Harm
			}
			ep.Risks = append(ep.Risks, er)
		}
		a.Powers = append(a.Powers, ep)
	}
	return a
}

// TestProducers reads the same catalogues as saved by openpyxl, LibreOffice
// (.xlsx and .xls) and gnumeric (.xls) and compares each with the
// hand-defined expectation — so every producer parses to the same powers.
func TestProducers(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(producers, "*", "*.xls*"))
	if err != nil || len(files) < 20 {
		t.Fatalf("fixtures: %d files, %v", len(files), err)
	}
	for _, file := range files {
		producer := filepath.Base(filepath.Dir(file))
		base := filepath.Base(file)
		name := strings.TrimSuffix(base, filepath.Ext(base))
		t.Run(producer+"/"+base, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			opt := importer.DefaultOptions()
			opt.Convert = false // the built-in readers alone must do it
			// The file name carries the case name, which is the unit name
			// of the fixture that has no unit info at all.
			s, err := importer.Parse(name+filepath.Ext(base), data, opt)
			if err != nil || len(s.Problems) != 0 {
				t.Fatalf("problems: %v %v", s.Problems, err)
			}
			want, got := loadExpected(t, name, producer), actual(t, s)
			if !reflect.DeepEqual(got.Unit, want.Unit) {
				t.Errorf("unit = %+v, want %+v", got.Unit, want.Unit)
			}
			if len(got.Powers) != len(want.Powers) {
				t.Fatalf("%d powers, want %d", len(got.Powers), len(want.Powers))
			}
			for i := range want.Powers {
				if !reflect.DeepEqual(got.Powers[i], want.Powers[i]) {
					t.Errorf("power %d:\n got %+v\nwant %+v", i+1, got.Powers[i], want.Powers[i])
				}
			}
		})
	}
}

// TestTemplateRoundTrip fills the template with the clean catalogue by code
// (excelize, through reports.WriteTemplate, merged and unmerged), parses
// it back and compares with the same hand-defined expectation as the other
// producers: values and refs.
func TestTemplateRoundTrip(t *testing.T) {
	want := loadExpected(t, "clean", "excelize")
	var rows []reports.CatalogueRow
	for _, p := range want.Powers {
		for i, r := range p.Risks {
			row := reports.CatalogueRow{
				importer.KeySource: r.Source, importer.KeyPoint: r.Point, importer.KeyHarm: r.Harm,
				importer.KeyGrade: r.Grade, importer.KeyMeasures: r.Measures, importer.KeyOwner: r.Owner,
			}
			if i == 0 {
				row[importer.KeySeq], row[importer.KeyLevel], row[importer.KeyKind] = p.Seq, p.Level, p.Kind
				row[importer.KeyName], row[importer.KeyBasis], row[importer.KeyDept] = p.Name, p.Basis, p.Dept
				row[importer.KeyPost], row[importer.KeyScope], row[importer.KeyForm] = p.Post, p.Scope, p.Form
				row[importer.KeyNote] = p.Note
			}
			rows = append(rows, row)
		}
	}
	unit := importer.UnitInfo{Name: want.Unit.Name, Type: want.Unit.Type, Reporter: want.Unit.Reporter,
		Phone: want.Unit.Phone, Date: want.Unit.Date}
	for _, merge := range []bool{false, true} {
		t.Run(map[bool]string{false: "continuation rows", true: "merged powers"}[merge], func(t *testing.T) {
			var buf bytes.Buffer
			if err := reports.WriteTemplate(&buf, reports.TemplateOptions{Unit: unit, Rows: rows, MergePowers: merge}); err != nil {
				t.Fatal(err)
			}
			s, err := importer.Parse("clean.xlsx", buf.Bytes(), importer.DefaultOptions())
			if err != nil || len(s.Problems) != 0 {
				t.Fatalf("problems: %v %v", s.Problems, err)
			}
			if s.TemplateVersion != importer.TemplateVersion {
				t.Errorf("template version = %q", s.TemplateVersion)
			}
			got := actual(t, s)
			if !reflect.DeepEqual(got.Unit, want.Unit) {
				t.Errorf("unit = %+v, want %+v", got.Unit, want.Unit)
			}
			for _, f := range checks.Check(s, "", nil) {
				if f.Severity != checks.Info {
					t.Errorf("excelize-saved clean catalogue: %s %s!%s%d %s", f.Rule, f.Sheet, f.Col, f.Row, f.Message)
				}
			}
			if !reflect.DeepEqual(got.Powers, want.Powers) {
				for i := range want.Powers {
					if i < len(got.Powers) && !reflect.DeepEqual(got.Powers[i], want.Powers[i]) {
						t.Errorf("power %d:\n got %+v\nwant %+v", i+1, got.Powers[i], want.Powers[i])
					}
				}
				t.Fatalf("%d powers, want %d", len(got.Powers), len(want.Powers))
			}
		})
	}
}

// TestCleanFixturesPass checks the clean, complete catalogue as saved by
// every producer: no error and no warning under any rule.
func TestCleanFixturesPass(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(producers, "*", "clean.xls*"))
	if len(files) != 4 {
		t.Fatalf("clean fixtures: %v", files)
	}
	for _, file := range files {
		t.Run(filepath.Base(filepath.Dir(file))+"/"+filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			s, _ := importer.Parse(filepath.Base(file), data, importer.DefaultOptions())
			if len(s.Powers) != 20 {
				t.Fatalf("%d powers", len(s.Powers))
			}
			for _, f := range checks.Check(s, "", nil) {
				if f.Severity != checks.Info {
					t.Errorf("%s %s!%s%d %s", f.Rule, f.Sheet, f.Col, f.Row, f.Message)
				}
			}
		})
	}
}
