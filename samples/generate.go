package samples

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"lianfang/importer"
	"lianfang/reports"
)

// Generate writes the sample county of opt into dir: roster.csv (the
// 名册), inbox/ with every returned file, and MANIFEST.md describing which
// unit carries which mistake (the same data as Manifest). The same options
// always give byte-identical files with the same modification times.
// Files of the same names are replaced; other files in dir are left alone.
func Generate(dir string, opt Options) error {
	c := plan(opt)
	if err := os.MkdirAll(filepath.Join(dir, inbox), 0o755); err != nil {
		return fmt.Errorf("generate samples: %w", err)
	}
	var roster, manifest bytes.Buffer
	if err := c.writeRoster(&roster); err != nil {
		return fmt.Errorf("generate samples: roster: %w", err)
	}
	if err := c.writeManifest(&manifest); err != nil {
		return fmt.Errorf("generate samples: manifest: %w", err)
	}
	for name, data := range map[string][]byte{"roster.csv": roster.Bytes(), "MANIFEST.md": manifest.Bytes()} {
		if err := writeFile(filepath.Join(dir, name), data, cycleStart); err != nil {
			return err
		}
	}
	if err := c.writeBooks(dir); err != nil {
		return err
	}
	for _, t := range c.texts {
		if err := writeFile(filepath.Join(dir, t.name), []byte(t.body), t.received); err != nil {
			return err
		}
	}
	for _, cp := range c.copies {
		data, err := os.ReadFile(filepath.Join(dir, cp.body))
		if err != nil {
			return fmt.Errorf("generate samples: %w", err)
		}
		if err := writeFile(filepath.Join(dir, cp.name), data, cp.received); err != nil {
			return err
		}
	}
	return nil
}

// writeBooks renders and writes every workbook, several at once.
func (c *county) writeBooks(dir string) error {
	workers := c.opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan *book)
	errs := make([]error, len(c.books))
	index := make(map[*book]int, len(c.books))
	for i, bk := range c.books {
		index[bk] = i
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var buf bytes.Buffer
			for bk := range jobs {
				buf.Reset()
				opt, _ := bk.render()
				err := reports.WriteTemplate(&buf, opt)
				if err == nil {
					err = writeFile(filepath.Join(dir, bk.file), buf.Bytes(), bk.received)
				}
				errs[index[bk]] = err
			}
		})
	}
	for _, bk := range c.books {
		jobs <- bk
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return fmt.Errorf("generate samples: %w", err)
		}
	}
	return nil
}

// writeRoster writes the roster as CSV, UTF-8 with a byte-order mark so
// that Excel opens it right; aliases are joined with 、.
func (c *county) writeRoster(buf *bytes.Buffer) error {
	buf.WriteString("\ufeff")
	w := csv.NewWriter(buf)
	w.UseCRLF = true
	if err := w.Write(importer.RosterHeaders); err != nil {
		return err
	}
	for _, u := range c.roster {
		if err := w.Write([]string{u.Code, u.Name, u.Type, strings.Join(u.Aliases, "、"), u.Contact, u.Phone, u.Email}); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}

// writeFile writes data to path and sets its modification time.
func writeFile(path string, data []byte, mtime time.Time) error {
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("generate samples: %w", err)
	}
	if err := os.Chtimes(path, mtime, mtime); err != nil {
		return fmt.Errorf("generate samples: %w", err)
	}
	return nil
}
