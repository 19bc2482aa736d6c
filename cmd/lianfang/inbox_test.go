package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestScanInbox(t *testing.T) {
	dir := t.TempDir()
	gbkName, err := simplifiedchinese.GBK.NewEncoder().String("城关第二小学/城关第二小学职权目录表.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	for _, h := range []*zip.FileHeader{
		{Name: gbkName, NonUTF8: true, Modified: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)},
		{Name: "说明.txt", Modified: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)},
		{Name: "__MACOSX/._x.xlsx", Modified: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)},
	} {
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("PK-member"))
	}
	zw.Close()
	files := map[string]struct {
		data  []byte
		mtime time.Time
	}{
		"各校/城关第一小学.xlsx":   {[]byte("a"), time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)},
		"各校/~$城关第一小学.xlsx": {[]byte("lock"), time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)},
		"龙集中学.XLS":         {[]byte("b"), time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)},
		"备注.docx":          {[]byte("c"), time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)},
		"打包.zip":           {zbuf.Bytes(), time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)},
	}
	for name, f := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, f.mtime, f.mtime)
	}
	items, warnings, err := scanInbox(dir)
	if err != nil || len(warnings) != 0 {
		t.Fatalf("scan: %v %v", err, warnings)
	}
	want := []string{"龙集中学.XLS", "打包.zip/城关第二小学/城关第二小学职权目录表.xlsx", "各校/城关第一小学.xlsx"}
	if len(items) != len(want) {
		t.Fatalf("items = %+v", items)
	}
	for i, it := range items {
		if it.Rel != want[i] {
			t.Errorf("item %d = %q, want %q (ordered by received time)", i, it.Rel, want[i])
		}
	}
	data, err := items[1].Read()
	if err != nil || string(data) != "PK-member" {
		t.Errorf("zip member = %q, %v", data, err)
	}
}
