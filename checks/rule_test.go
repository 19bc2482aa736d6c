package checks

import (
	"strings"
	"testing"
)

// specSeverities is SPEC §4: every rule ID and its severity.
var specSeverities = map[string]Severity{
	"S01": Error, "S02": Error, "S03": Error, "S04": Error, "S05": Error, "S06": Error, "S07": Warning, "S08": Error,
	"N01": Error, "N02": Error, "N03": Warning, "N04": Warning, "N05": Error, "N06": Error, "N07": Warning,
	"B01": Error, "B02": Error, "B03": Error, "B04": Warning, "B05": Warning, "B06": Warning,
	"D01": Error, "D02": Error, "D03": Error, "D04": Error, "D05": Error, "D06": Warning, "D07": Error,
	"R01": Error, "R02": Error, "R03": Error, "R04": Warning, "R05": Error, "R06": Warning, "R07": Warning, "R08": Error, "R09": Error,
	"C01": Error, "C02": Error, "C03": Warning, "C04": Warning,
	"X01": Error, "X02": Info, "X03": Info, "X04": Warning,
}

func TestRegistryMatchesSpec(t *testing.T) {
	rules := Rules()
	if len(rules) != len(specSeverities) {
		t.Errorf("registry has %d rules, SPEC §4 has %d", len(rules), len(specSeverities))
	}
	seen := map[string]bool{}
	cats := map[string]bool{}
	for _, c := range Categories() {
		cats[c.Name] = true
	}
	for _, r := range rules {
		t.Run(r.ID, func(t *testing.T) {
			if seen[r.ID] {
				t.Fatalf("duplicate rule %s", r.ID)
			}
			seen[r.ID] = true
			want, ok := specSeverities[r.ID]
			if !ok {
				t.Fatalf("rule %s is not in SPEC §4", r.ID)
			}
			if r.Severity != want {
				t.Errorf("severity %s, want %s", r.Severity, want)
			}
			if r.Title == "" || r.Text == "" || r.Suggestion == "" {
				t.Errorf("rule %s lacks title, text or suggestion: %+v", r.ID, r)
			}
			if !cats[r.Category] {
				t.Errorf("rule %s has unknown category %q", r.ID, r.Category)
			}
			got, ok := RuleByID(strings.ToLower(r.ID))
			if !ok || got.ID != r.ID {
				t.Errorf("RuleByID(%q) = %v, %v", r.ID, got, ok)
			}
		})
	}
	if _, ok := RuleByID("Z99"); ok {
		t.Error("RuleByID(Z99) found a rule")
	}
}

func TestRulesIsACopy(t *testing.T) {
	rs := Rules()
	rs[0].Severity = Info
	if r, _ := RuleByID(rs[0].ID); r.Severity == Info {
		t.Error("modifying Rules() changed the registry")
	}
}

func TestRuleFinding(t *testing.T) {
	r := mustRule("B03")
	f := r.Finding(refAt("职权目录", 12, "E"), "职权依据", "msg")
	want := Finding{Sheet: "职权目录", Row: 12, Col: "E", Column: "职权依据", Rule: "B03",
		Severity: Error, Message: "msg", Suggestion: suggestBasis}
	if f != want {
		t.Errorf("Finding = %+v, want %+v", f, want)
	}
}
