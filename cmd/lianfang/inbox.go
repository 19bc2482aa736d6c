package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// maxInboxFile bounds one file (or one zip member) read from the inbox.
const maxInboxFile = 200 << 20

// inboxItem is one returned workbook found in the inbox: a file, or a
// member of a .zip archive.
type inboxItem struct {
	Rel      string    // path relative to the inbox, "archive.zip/member.xlsx" for zip members
	Received time.Time // the file's (or member's) modification time
	Size     int64
	open     func() ([]byte, error)
}

// Read returns the item's bytes.
func (it inboxItem) Read() ([]byte, error) { return it.open() }

// scanInbox lists every workbook under root, recursively and inside .zip
// archives, ordered by received time then path.
func scanInbox(root string) ([]inboxItem, []string, error) {
	var items []inboxItem
	var warnings []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("无法读取 %s: %v", p, err))
			if d != nil && d.IsDir() && p != root {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		info, err := d.Info()
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("无法读取 %s: %v", p, err))
			return nil
		}
		switch {
		case strings.EqualFold(filepath.Ext(p), ".zip"):
			zi, w := zipItems(p, rel)
			items = append(items, zi...)
			warnings = append(warnings, w...)
		case isWorkbookName(p):
			path := p
			items = append(items, inboxItem{Rel: rel, Received: info.ModTime(), Size: info.Size(),
				open: func() ([]byte, error) { return readLimited(path) }})
		}
		return nil
	})
	sort.SliceStable(items, func(i, j int) bool {
		if !items[i].Received.Equal(items[j].Received) {
			return items[i].Received.Before(items[j].Received)
		}
		return items[i].Rel < items[j].Rel
	})
	return items, warnings, err
}

func readLimited(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxInboxFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxInboxFile {
		return nil, fmt.Errorf("文件超过 %d MB", maxInboxFile>>20)
	}
	return data, nil
}

// zipItems lists the workbooks inside a .zip archive. Member names that
// are not UTF-8 (archives made on Chinese Windows) are decoded as GBK.
func zipItems(p, rel string) ([]inboxItem, []string) {
	data, err := readLimited(p)
	if err != nil {
		return nil, []string{fmt.Sprintf("无法读取压缩包 %s: %v", rel, err)}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, []string{fmt.Sprintf("压缩包 %s 已损坏,无法解压: %v", rel, err)}
	}
	var items []inboxItem
	for _, f := range zr.File {
		name := zipName(f)
		if f.FileInfo().IsDir() || !isWorkbookName(name) || strings.Contains(name, "__MACOSX") {
			continue
		}
		zf := f
		items = append(items, inboxItem{Rel: rel + "/" + path.Clean(strings.TrimPrefix(name, "/")),
			Received: f.Modified, Size: int64(f.UncompressedSize64),
			open: func() ([]byte, error) {
				if zf.UncompressedSize64 > maxInboxFile {
					return nil, fmt.Errorf("压缩包内文件超过 %d MB", maxInboxFile>>20)
				}
				rc, err := zf.Open()
				if err != nil {
					return nil, err
				}
				defer rc.Close()
				return io.ReadAll(io.LimitReader(rc, maxInboxFile))
			}})
	}
	return items, nil
}

// zipName decodes a member name: UTF-8 when flagged or valid, else GBK.
func zipName(f *zip.File) string {
	name := strings.ReplaceAll(f.Name, "\\", "/")
	if !f.NonUTF8 && utf8.ValidString(name) {
		return name
	}
	if dec, err := simplifiedchinese.GB18030.NewDecoder().String(name); err == nil {
		return dec
	}
	return name
}
