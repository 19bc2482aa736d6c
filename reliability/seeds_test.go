//go:build linux

package reliability

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"lianfang/importer"
)

var writeSeeds = flag.Bool("seeds", false, "write the hostile inputs as seed corpora of the fuzz targets")

// seedMax is the largest input kept as a seed: the fuzzer mutates seeds,
// and a megabyte seed makes every execution slow.
const seedMax = 64 << 10

// TestWriteFuzzSeeds writes, with -seeds, the hostile inputs small enough
// to mutate into the seed corpora of the fuzz targets, in Go's corpus
// format (<package>/testdata/fuzz/<target>/<name>): FuzzParse gets every
// hostile workbook, FuzzRead the .xls ones, FuzzReadRoster the roster of
// unsafe unit names, FuzzNormalize and FuzzSplitItems the control-character
// and emoji texts. `go test` runs every seed as a regression case.
func TestWriteFuzzSeeds(t *testing.T) {
	if !*writeSeeds {
		t.Skip("run with -seeds to write the seed corpora")
	}
	for _, h := range hostileCases() {
		data := h.data(t)
		if len(data) > seedMax {
			continue
		}
		writeSeed(t, "importer", "FuzzParse", data)
		if filepath.Ext(h.file) == ".xls" {
			writeSeed(t, "importer/internal/xls", "FuzzRead", data)
		}
	}
	var roster bytes.Buffer
	w := csv.NewWriter(&roster)
	w.Write(importer.RosterHeaders)
	for _, u := range unsafeUnits {
		w.Write([]string{u.code, u.name, "小学", u.name, "", "", ""})
	}
	w.Flush()
	writeSeed(t, "importer", "FuzzReadRoster", roster.Bytes())
	for _, s := range []string{controlText, oddName, "在学籍变动\x01审核中\x1b[31m违规\x07", "1.\u202e甲;2.🎓乙\n3、👨‍👩‍👧丙"} {
		writeSeed(t, "importer", "FuzzNormalize", s)
		writeSeed(t, "importer", "FuzzSplitItems", s)
	}
}

// writeSeed writes one value as a corpus file named by its digest.
func writeSeed(t *testing.T, pkg, target string, v any) {
	t.Helper()
	var body string
	switch v := v.(type) {
	case []byte:
		body = "[]byte(" + strconv.Quote(string(v)) + ")"
	case string:
		body = "string(" + strconv.Quote(v) + ")"
	}
	text := "go test fuzz v1\n" + body + "\n"
	sum := sha256.Sum256([]byte(text))
	dir := filepath.Join("..", filepath.FromSlash(pkg), "testdata", "fuzz", target)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, fmt.Sprintf("hostile-%x", sum[:8]))
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
