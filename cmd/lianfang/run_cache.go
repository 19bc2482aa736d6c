package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
)

// reportFormat changes whenever the 退回 workbooks' content changes for the
// same inputs, so a rerun rebuilds them.
const reportFormat = "1"

// buildID identifies this build of lianfang: the format above and, when
// the binary was built from a checkout, its commit.
var buildID = func() string {
	id := reportFormat
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				id += "/" + s.Value
			}
		}
	}
	return id
}()

// returnKey is the digest of everything a 退回 workbook is made from.
func returnKey(jb returnJob) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00", buildID, jb.sub.SHA256, jb.sub.Format, jb.sub.FileName, jb.unit)
	enc := json.NewEncoder(h)
	enc.Encode(jb.findings)
	return hex.EncodeToString(h.Sum(nil))
}

// readReturnCache reads the previous run's workbook → input digest map; a
// missing or damaged file means nothing is reused.
func readReturnCache(path string) map[string]string {
	m := map[string]string{}
	if data, err := os.ReadFile(path); err == nil {
		json.Unmarshal(data, &m)
	}
	return m
}

func writeReturnCache(path string, m map[string]string) error {
	return writeFileAtomic(path, func(w io.Writer) error { return json.NewEncoder(w).Encode(m) })
}

// copyFile copies a finished report into the folder being built.
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return writeFileAtomic(to, func(w io.Writer) error {
		_, err := io.Copy(w, in)
		return err
	})
}

// swapDir puts the folder built at tmp in the place of final, whole.
func swapDir(tmp, final string) error {
	old := final + ".old"
	os.RemoveAll(old)
	if _, err := os.Stat(final); err == nil {
		if err := os.Rename(final, old); err != nil {
			return fmt.Errorf("无法替换 %s: %w", final, err)
		}
	}
	crashSwap()
	if err := os.Rename(tmp, final); err != nil {
		return fmt.Errorf("无法写入 %s: %w", final, err)
	}
	return os.RemoveAll(old)
}
