package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// decodes reports whether encoding/xml reads b to the end.
func decodes(b []byte) bool { return decodeAll(bytes.NewReader(b)) == nil }

var xmlCases = []struct {
	doc  string
	sure bool // surelyWellFormed must say this
}{
	{`<a/>`, true},
	{`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" + `<a x="1" y='2'><b>t&amp;&#20013;&#x4E2D;</b><!-- c --><![CDATA[<raw>]]></a>`, true},
	{`<x:worksheet xmlns:x="urn:x"><x:row r="1"/></x:worksheet>`, true},
	{`<a>中文 &lt;&gt;&quot;&apos;</a>` + "\n", true},
	{`<a><b></a></b>`, false},
	{`<a>`, false},
	{`<a></a><b/>`, false},
	{`<a>&nbsp;</a>`, false},
	{`<a>&#0;</a>`, false},
	{`<a>&#xFFFE;</a>`, false},
	{"<a>\x01</a>", false},
	{"<a>\xff</a>", false},
	{`<a>]]></a>`, false},
	{`<a x="<"/>`, false},
	{`<a x=1/>`, false},
	{`<a x="1"y="2"/>`, false},
	{`<!DOCTYPE a><a/>`, false},
	{`<?xml version="1.1"?><a/>`, false},
	{`<?xml version="1.0" encoding="GBK"?><a/>`, false},
	{`<a><!-- a -- b --></a>`, false},
	{`text<a/>`, false},
	{"\ufeff<a/>", false},
	{`<a:b:c/>`, false},
	{`<1a/>`, false},
	{`<a></a >`, true},
	{`<a></ a>`, false},
	{`<a/><?pi data?>`, true},
	{``, false},
}

func TestSurelyWellFormed(t *testing.T) {
	for _, c := range xmlCases {
		if got := surelyWellFormed([]byte(c.doc)); got != c.sure {
			t.Errorf("surelyWellFormed(%q) = %v, want %v", c.doc, got, c.sure)
		}
		if c.sure && !decodes([]byte(c.doc)) {
			t.Errorf("test case %q is not well-formed for encoding/xml", c.doc)
		}
	}
}

// TestWellFormedParts: every XML part of the workbooks real producers and
// lianfang itself write takes the fast path, and encoding/xml agrees.
func TestWellFormedParts(t *testing.T) {
	var books []string
	filepath.Walk("../../testdata", func(p string, info os.FileInfo, err error) error {
		if err == nil && (strings.HasSuffix(p, ".xlsx") || strings.HasSuffix(p, ".xlsm")) {
			books = append(books, p)
		}
		return nil
	})
	tpl := filepath.Join(t.TempDir(), "附件1.xlsx")
	if code, _, errs := cli(t, "template", "-o", tpl); code != exitOK {
		t.Fatal(errs)
	}
	books = append(books, tpl)
	// The 退回 workbooks and the county summary of a run.
	c := newStateCounty(t)
	filepath.Walk(c.dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && strings.HasSuffix(p, ".xlsx") {
			books = append(books, p)
		}
		return nil
	})
	if len(books) < 10 {
		t.Fatalf("only %d workbooks found", len(books))
	}
	parts := 0
	for _, p := range books {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			continue // a fixture that is not a package on purpose
		}
		for _, f := range zr.File {
			if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				continue
			}
			part, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				continue
			}
			parts++
			sure, ok := surelyWellFormed(part), decodes(part)
			if sure && !ok {
				t.Errorf("%s %s: fast scan accepts what encoding/xml refuses", p, f.Name)
			}
			if ok && !sure {
				t.Errorf("%s %s: well-formed part not settled by the fast scan", p, f.Name)
			}
		}
	}
	t.Logf("%d parts of %d workbooks", parts, len(books))
}

// FuzzSurelyWellFormed: the fast scan never accepts what encoding/xml
// refuses.
func FuzzSurelyWellFormed(f *testing.F) {
	for _, c := range xmlCases {
		f.Add([]byte(c.doc))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if surelyWellFormed(b) && !decodes(b) {
			var err error
			dec := xml.NewDecoder(bytes.NewReader(b))
			for err == nil {
				_, err = dec.Token()
			}
			t.Fatalf("fast scan accepts %q; encoding/xml: %v", b, err)
		}
	})
}
