package checks

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/RULES.md from the rule registry")

// rulesDoc is the committed rule documentation, relative to this package.
var rulesDoc = filepath.Join("..", "docs", "RULES.md")

func TestRulesMarkdownInSync(t *testing.T) {
	want := RulesMarkdown()
	if *update {
		if err := os.WriteFile(rulesDoc, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(rulesDoc)
	if err != nil {
		t.Fatalf("%v (run go test ./checks -update)", err)
	}
	if string(got) != want {
		t.Errorf("%s is out of date with the rule registry; run go test ./checks -update", rulesDoc)
	}
}

func TestRulesMarkdownListsEveryRule(t *testing.T) {
	md := RulesMarkdown()
	for _, r := range Rules() {
		if !strings.Contains(md, "| "+r.ID+" | "+SeverityName(r.Severity)+" |") {
			t.Errorf("RULES.md lacks a row for %s", r.ID)
		}
	}
}
