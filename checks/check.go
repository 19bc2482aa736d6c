package checks

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"lianfang/importer"
)

// Check runs every rule of SPEC §4 from S to C on one parsed submission and
// returns its findings, sorted by file, sheet, row, column and rule. S04
// needs the roster and is left to MatchUnit; the X rules are the county's.
// unitType selects the required posts of C01; when empty the workbook's
// 单位类型 is used, and when neither is a known type C01 is skipped. A nil
// lx means DefaultLexicon. When the importer reported S01, S02 or S06 only
// those findings are returned: one clear reason, not a pile.
func Check(sub *importer.Submission, unitType string, lx *Lexicon) []Finding {
	if lx == nil {
		lx = DefaultLexicon()
	}
	c := newChecker(sub, lx)
	c.problems()
	if !sub.Readable() {
		return c.finish()
	}
	c.structure()
	for i := range sub.Powers {
		p := &sub.Powers[i]
		c.fields(p)
		c.naming(p)
		c.basis(p)
		c.disclosure(p)
		c.risks(p)
	}
	c.duplicates()
	c.grades()
	c.repeatedStatements()
	if unitType == "" {
		unitType = sub.Unit.Type
	}
	c.completeness(unitType)
	return c.finish()
}

// checker carries one submission through the rules and collects findings.
type checker struct {
	sub    *importer.Submission
	lx     *Lexicon
	sheets map[string]*importer.Sheet
	out    []Finding

	multiSheet   bool      // more than one catalogue sheet: messages name the sheet
	riskStock    stockList // lx.RiskStock
	measureStock stockList // lx.MeasureStock

	formsReported map[string]bool // sheets already told they lack 公开形式
}

func newChecker(sub *importer.Submission, lx *Lexicon) *checker {
	c := &checker{sub: sub, lx: lx, sheets: map[string]*importer.Sheet{},
		riskStock: newStockList(lx.RiskStock), measureStock: newStockList(lx.MeasureStock)}
	n := 0
	for i := range sub.Sheets {
		if sub.Sheets[i].Catalogue {
			n++
		}
		if _, dup := c.sheets[sub.Sheets[i].Name]; !dup {
			c.sheets[sub.Sheets[i].Name] = &sub.Sheets[i]
		}
	}
	c.multiSheet = n > 1
	return c
}

// has reports whether the sheet holding p has the column of key. A power
// whose sheet is unknown is taken to have every column.
func (c *checker) has(p *importer.Power, k importer.Key) bool {
	s := c.sheets[p.Ref.Sheet]
	if s == nil || !s.Catalogue {
		return true
	}
	return s.Columns[k] != ""
}

// at returns the reference of the cell of key on row, in p's sheet.
func (c *checker) at(p *importer.Power, row int, k importer.Key) importer.Ref {
	ref := importer.Ref{Sheet: p.Ref.Sheet, Row: row}
	if s := c.sheets[p.Ref.Sheet]; s != nil {
		ref.Col = s.Columns[k]
	}
	return ref
}

// cell returns the reference of p's own cell of key (on its first row).
func (c *checker) cell(p *importer.Power, k importer.Key) importer.Ref {
	return c.at(p, p.Ref.Row, k)
}

// add records a finding of rule id with the rule's severity. The message is
// body prefixed with the cell reference; key names the column ("" for the
// whole file or unit).
func (c *checker) add(id string, ref importer.Ref, k importer.Key, body string) {
	c.addSev(id, "", ref, k, body)
}

// addSev is add with a severity other than the rule's (D07, R06, R08 have
// two); an empty sev keeps the rule's.
func (c *checker) addSev(id string, sev Severity, ref importer.Ref, k importer.Key, body string) {
	c.put(id, sev, ref, header(k), body)
}

// put records a finding under the column header given as written.
func (c *checker) put(id string, sev Severity, ref importer.Ref, column, body string) *Finding {
	f := mustRule(id).Finding(ref, column, prefix(ref)+body)
	if sev != "" {
		f.Severity = sev
	}
	c.out = append(c.out, f)
	return &c.out[len(c.out)-1]
}

// header returns the canonical header of key, "" for no key.
func header(k importer.Key) string {
	if k == "" {
		return ""
	}
	return importer.ColumnOf(k).Header
}

// prefix names the cell at the start of a message: "职权目录!D12:".
func prefix(ref importer.Ref) string {
	if s := ref.String(); s != "" {
		return s + ":"
	}
	return ""
}

// finish fills file and unit, drops exact repeats (several numbered items of
// one row share its grade, measures and owner) and sorts.
func (c *checker) finish() []Finding {
	out := make([]Finding, 0, len(c.out))
	seen := make(map[Finding]bool, len(c.out))
	for _, f := range c.out {
		f.File, f.Unit = c.sub.File, c.sub.Unit.Name
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	SortFindings(out)
	return out
}

// SortFindings sorts findings byte-stably by file, sheet, row, column (as a
// column index, so Z comes before AA), rule and message.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		switch {
		case a.File != b.File:
			return a.File < b.File
		case a.Sheet != b.Sheet:
			return a.Sheet < b.Sheet
		case a.Row != b.Row:
			return a.Row < b.Row
		case a.Col != b.Col:
			return ColumnIndex(a.Col) < ColumnIndex(b.Col)
		case a.Rule != b.Rule:
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// ColumnIndex returns the 1-based index of a column letter (A=1, AA=27), 0
// for "" or anything that is not a column letter.
func ColumnIndex(col string) int {
	n := 0
	for _, r := range strings.ToUpper(col) {
		if r < 'A' || r > 'Z' {
			return 0
		}
		n = n*26 + int(r-'A'+1)
	}
	return n
}

// quoteRunes is how much of a cell a message quotes.
const quoteRunes = 30

// q quotes cell text for a message: its lines joined, cut to about 30
// characters with …, in double quotes.
func q(s string) string {
	return `"` + truncate(s, quoteRunes) + `"`
}

// truncate shortens s to at most n runes, ending with … when cut, and joins
// its lines with spaces.
func truncate(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)
	return string(rs[:n]) + "…"
}

// hanCount counts the Chinese characters of s.
func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// stockList is a list of stock phrases (in Normalize form), longest first,
// with the Chinese characters they are made of.
type stockList struct {
	phrases []string
	han     map[rune]bool
}

func newStockList(words []string) stockList {
	st := stockList{phrases: sortedByLength(words), han: map[rune]bool{}}
	for _, w := range words {
		for _, r := range w {
			if unicode.Is(unicode.Han, r) {
				st.han[r] = true
			}
		}
	}
	return st
}

// isHan reports a Chinese character, by the table only outside the CJK
// Unified Ideographs block.
func isHan(r rune) bool {
	if r >= 0x4e00 && r <= 0x9fff {
		return true
	}
	return r >= 0x2e80 && unicode.Is(unicode.Han, r)
}

// freeHan counts, up to limit, the Chinese characters of n that no stock
// phrase holds and that bare keeps (neither punctuation nor a symbol):
// removing phrases can never remove them.
func (st stockList) freeHan(n string, limit int) int {
	k := 0
	for _, r := range n {
		if isHan(r) && !st.han[r] && (r >= 0x4e00 && r <= 0x9fff || !unicode.IsPunct(r) && !unicode.IsSymbol(r)) {
			if k++; k >= limit {
				break
			}
		}
	}
	return k
}

// bare returns n, in Normalize form, without punctuation and symbols, for
// comparing statements and phrases whatever their punctuation.
func bare(n string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return r
	}, n)
}

// onlyStock reports whether s says nothing beyond the stock phrases: once
// every phrase is removed from s in Normalize form without punctuation and
// symbols, fewer than keep Chinese characters remain. n is s in Normalize
// form (the caller often has it already).
func onlyStock(n string, st stockList, keep int) bool {
	if st.freeHan(n, keep) >= keep {
		return false // the common case: s says more, whatever is removed
	}
	b := bare(n)
	if b == "" {
		return false
	}
	found := false
	for _, p := range st.phrases {
		if p != "" && strings.Contains(b, p) {
			b = strings.ReplaceAll(b, p, "")
			found = true
		}
	}
	return found && hanCount(b) < keep
}

// joinQuoted quotes each item and joins them with 、.
func joinQuoted(items []string) string {
	qs := make([]string, len(items))
	for i, s := range items {
		qs[i] = q(s)
	}
	return strings.Join(qs, "、")
}
