package checks

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestDefaultLexicon(t *testing.T) {
	lx := DefaultLexicon()
	for _, w := range []string{"审核", "审定", "审批", "决定"} {
		if !slices.Contains(lx.Nature, w) {
			t.Errorf("nature words lack %s", w)
		}
	}
	if len(lx.SanZhongYiDa) != 4 {
		t.Errorf("三重一大 has %d categories, want 4", len(lx.SanZhongYiDa))
	}
	for _, typ := range []string{"直属学校", "教管中心", "初中", "小学", "幼儿园"} {
		if !lx.KnownUnitType(typ) {
			t.Errorf("unit type %s unknown", typ)
		}
	}
	// Every required post of every type has a synonym line or is written as is.
	syn, ok := group(lx.PostSynonyms, "管理会计")
	if !ok || !slices.Contains(syn.Words, "会计") || !slices.Contains(syn.Words, "报账员") {
		t.Errorf("管理会计 synonyms = %v", syn.Words)
	}
	if !slices.Contains(lx.InternalChannels, "OA") {
		t.Error("internal channels lack OA")
	}
}

func TestLoadLexicon(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("weak_words.txt", "# 县局自定\n管理\n负责 # 行尾注释\n\n")
	write("unit_posts.txt", "小学：校长 出纳\n特殊教育学校: 校长 康复教师\n")
	write("README.md", "not a list")
	lx, err := LoadLexicon(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"管理", "负责"}; !slices.Equal(lx.Weak, want) {
		t.Errorf("weak = %v, want %v", lx.Weak, want)
	}
	if !lx.KnownUnitType("特殊教育学校") || lx.KnownUnitType("初中") {
		t.Errorf("unit types not replaced: %v", lx.UnitPosts)
	}
	if !slices.Equal(lx.Nature, DefaultLexicon().Nature) {
		t.Error("a list without an override file changed")
	}

	write("natrue_words.txt", "审核\n")
	if _, err := LoadLexicon(dir); err == nil || !strings.Contains(err.Error(), "natrue_words.txt") {
		t.Errorf("misspelt file: err = %v", err)
	}
	os.Remove(filepath.Join(dir, "natrue_words.txt"))
	write("post_synonyms.txt", "校长 园长\n")
	if _, err := LoadLexicon(dir); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("malformed group line: err = %v", err)
	}
	if _, err := LoadLexicon(filepath.Join(dir, "absent")); err == nil {
		t.Error("missing dir: no error")
	}
}

func TestLexiconChangesRules(t *testing.T) {
	lx := *DefaultLexicon()
	lx.Nature = append(slices.Clone(lx.Nature), "请假")
	fs := Check(tail(name("教师请假"))(), "", &lx)
	if got := ofRule(fs, "N02"); len(got) != 0 {
		t.Errorf("a nature word added by the bureau is ignored:%s", describe(got))
	}
}
