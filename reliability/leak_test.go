//go:build linux

package reliability

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"lianfang/checks"
	"lianfang/importer"
	"lianfang/merge"
	"lianfang/reports"
)

// TestNoOtherUnitText runs the whole sample county and opens every 退回
// workbook: no cell, note or quoted text in it may hold another unit's
// name, contact, telephone or e-mail, nor any text another unit wrote that
// the unit itself did not (a unit that copied another's statements gets
// X04 "与其他单位填报内容高度雷同", never the other's words).
func TestNoOtherUnitText(t *testing.T) {
	c := newCounty(t)
	c.mustRun(t, nil, "run", c.inbox, "--db", c.db, "--out", c.out, "--cycle", cycle, "--quiet")
	data, err := os.ReadFile(c.roster)
	if err != nil {
		t.Fatal(err)
	}
	roster, err := importer.ReadRoster(c.roster, data)
	if err != nil {
		t.Fatal(err)
	}
	// The texts each unit wrote, from every file it sent.
	wrote := map[string]map[string]bool{} // unit name → cell texts
	for _, u := range sampleManifest() {
		set := map[string]bool{}
		for _, f := range u.Files {
			b, err := excelize.OpenFile(filepath.Join(c.dir, f.Name))
			if err != nil {
				continue // a file that is no workbook has no text to leak
			}
			b.Close()
			for v := range cellValues(t, filepath.Join(c.dir, f.Name)) {
				set[v] = true
			}
		}
		wrote[u.Unit.Name] = set
	}
	tool := toolText(t)
	returns := listFiles(t, filepath.Join(c.cycleDir(), "退回"))
	if len(returns) < 5 {
		t.Fatalf("only %d 退回 workbooks", len(returns))
	}
	for _, name := range returns {
		own := unitOfReturn(t, name, wrote)
		values := cellValues(t, filepath.Join(c.cycleDir(), "退回", name))
		for _, n := range notesOf(t, filepath.Join(c.cycleDir(), "退回", name)) {
			values[n] = true
		}
		for v := range values {
			for _, u := range roster {
				if u.Name == own {
					continue
				}
				for _, s := range []string{u.Name, u.Contact, u.Phone, u.Email} {
					if s != "" && !strings.Contains(own, s) && strings.Contains(v, s) && !wrote[own][v] {
						t.Errorf("%s: %q names %s's %q", name, clip(v), u.Name, s)
					}
				}
			}
			for other, texts := range wrote {
				if other == own {
					continue
				}
				for _, q := range append(quoted(v), v) {
					if utf8.RuneCountInString(q) >= 6 && texts[q] && !wrote[own][q] && !strings.Contains(tool, q) {
						t.Errorf("%s: holds %q, which only %s wrote", name, clip(q), other)
					}
				}
			}
		}
	}
}

// toolText is every text lianfang itself writes whatever the units wrote:
// the blank template (its cells and input messages), the rule registry and
// the word lists. A unit's workbook may quote them.
func toolText(t testing.TB) string {
	var b strings.Builder
	var tpl bytes.Buffer
	if err := reports.WriteTemplate(&tpl, reports.TemplateOptions{}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "template.xlsx")
	if err := os.WriteFile(path, tpl.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for v := range cellValues(t, path) {
		b.WriteString(v + "\n")
	}
	for _, c := range importer.Schema {
		b.WriteString(c.Hint + "\n")
	}
	for _, r := range checks.Rules() {
		b.WriteString(r.Title + "\n" + r.Text + "\n" + r.Suggestion + "\n")
	}
	lists, _ := filepath.Glob(filepath.Join("..", "checks", "lexicon", "*.txt"))
	for _, l := range lists {
		data, _ := os.ReadFile(l)
		b.Write(data)
	}
	return b.String()
}

// unitOfReturn finds the unit a 退回 workbook is for, from its file name.
func unitOfReturn(t *testing.T, name string, wrote map[string]map[string]bool) string {
	base := strings.TrimSuffix(filepath.Base(name), "_校验结果.xlsx")
	if _, ok := wrote[base]; ok {
		return base
	}
	for u := range wrote { // 未识别单位/<file name>: a unit not on the roster
		if strings.Contains(base, u) {
			return u
		}
	}
	t.Fatalf("no unit for %s", name)
	return ""
}

// quotedText matches the text a message quotes, in Chinese or straight
// quotes.
var quotedText = regexp.MustCompile(`[“"]([^”"]+)[”"]`)

func quoted(s string) []string {
	var q []string
	for _, m := range quotedText.FindAllStringSubmatch(s, -1) {
		q = append(q, m[1])
	}
	return q
}

// notesOf returns the text of every note of a workbook.
func notesOf(t testing.TB, path string) []string {
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var notes []string
	for _, sh := range f.GetSheetList() {
		cms, _ := f.GetComments(sh)
		for _, cm := range cms {
			text := cm.Text
			for _, p := range cm.Paragraph {
				text += p.Text
			}
			notes = append(notes, text)
		}
	}
	return notes
}

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// TestOwnerOnly checks, with the umask cleared so nothing is narrowed by
// it, that the database (with its -wal and -shm files), where every
// original file is stored, and the lock file are readable by their owner
// only.
func TestOwnerOnly(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	c := newCounty(t)
	r := c.command(nil, "run", c.inbox, "--db", c.db, "--out", c.out, "--cycle", cycle, "--quiet", "--workers", "1")
	// Stop the run while it holds the database open, so -wal and -shm exist.
	r.Env = append(r.Env, "LIANFANG_CRASH_AT=merged:5")
	if err := r.Run(); err == nil {
		t.Fatal("the run was not stopped")
	}
	for _, name := range []string{"lianfang.db", "lianfang.db-wal", "lianfang.db-shm", "lianfang.db.lock"} {
		info, err := os.Stat(filepath.Join(c.dir, name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if perm := info.Mode().Perm(); perm&0o077 != 0 {
			t.Errorf("%s has mode %v, want owner-only", name, perm)
		}
	}
}

// TestPanicKeepsFile makes checking one file panic (LIANFANG_PANIC_FILE):
// the run completes, the file has one S01 finding saying 内部错误, its
// unit is 无法读取, and its bytes are stored in the database unchanged.
func TestPanicKeepsFile(t *testing.T) {
	c := newCounty(t)
	file := unitOfRole(t, "合格")
	rel := strings.TrimPrefix(filepath.ToSlash(file), "inbox/")
	c.mustRun(t, []string{"LIANFANG_PANIC_FILE=" + rel}, "run", c.inbox, "--db", c.db, "--out", c.out, "--cycle", cycle, "--quiet")
	fs := parseFindings(t, readFile(t, filepath.Join(c.cycleDir(), "findings.jsonl")))
	var own []string
	for _, f := range fs {
		if f.File == rel {
			own = append(own, f.Rule+" "+f.Message)
		}
	}
	if len(own) != 1 || !strings.HasPrefix(own[0], "S01 ") || !strings.Contains(own[0], "内部错误") {
		t.Errorf("findings of %s: %q, want one S01 内部错误", rel, own)
	}
	if sum := readFile(t, filepath.Join(c.cycleDir(), "summary.json")); !strings.Contains(sum, `"status": "无法读取"`) {
		t.Error("no unit is 无法读取 in summary.json")
	}
	checkStored(t, c, filepath.Join(c.dir, file))
	// The other files went on: the database holds every file of the inbox.
	for _, f := range listFiles(t, c.inbox) {
		checkStored(t, c, filepath.Join(c.inbox, f))
	}
}

// checkStored checks that the database holds the file's bytes unchanged.
func checkStored(t testing.TB, c *county, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := merge.Open(c.db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sum := sha256.Sum256(data)
	got, err := s.Original(t.Context(), hex.EncodeToString(sum[:]))
	if err != nil {
		t.Errorf("%s is not stored: %v", filepath.Base(path), err)
	} else if string(got) != string(data) {
		t.Errorf("%s is stored changed", filepath.Base(path))
	}
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
