package reports

import (
	"archive/zip"
	"bytes"
	"io"
	"path"
	"strings"
	"sync"

	"github.com/klauspost/compress/flate"

	"lianfang/checks"
)

// The package patcher writes a unit's 退回 workbook by editing the parts of
// its .xlsx package that must change and copying every other zip member
// byte for byte, compressed data included: the flagged worksheets (cell
// style indexes, a <legacyDrawing>, the dimension), styles.xml (the fills
// and the derived cell formats appended), new comments and VML parts, the
// new 校验结果 sheet, the workbook, its relationships and the content types.
// It declines (declineError) anything it does not handle, before writing a
// byte, and AnnotateUnit then takes the excelize path, whose outcome it
// reproduces: the same fills, notes, values and 校验结果 content.

// Limits of the patcher; a larger package goes to the excelize path.
const (
	patchPartLimit  = 64 << 20  // one part, uncompressed
	patchTotalLimit = 256 << 20 // all parts, uncompressed
)

// OPC and SpreadsheetML names.
const (
	nsMain          = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel           = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	relOfficeDoc    = nsRel + "/officeDocument"
	relWorksheet    = nsRel + "/worksheet"
	relChartsheet   = nsRel + "/chartsheet"
	relStyles       = nsRel + "/styles"
	relComments     = nsRel + "/comments"
	relVMLDrawing   = nsRel + "/vmlDrawing"
	ctWorkbook      = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
	ctWorksheet     = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
	ctComments      = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
	ctVML           = "application/vnd.openxmlformats-officedocument.vmlDrawing"
	partContentType = "[Content_Types].xml"
)

// opcPackage is the unit's .xlsx package: every member read and checked,
// and the parts that replace or join them.
type opcPackage struct {
	files  []*zip.File
	data   map[string][]byte // uncompressed content of every member
	out    map[string][]byte // replaced parts
	added  []string          // new parts, in the order they are written
	tagBuf xmlTag
}

// openPackage reads every member of the zip in original, so that a damaged
// member (bad CRC, bad deflate data) is found before anything is written.
func openPackage(original []byte) (*opcPackage, error) {
	zr, err := zip.NewReader(bytes.NewReader(original), int64(len(original)))
	if err != nil {
		return nil, decline("not a zip package: %v", err)
	}
	p := &opcPackage{files: zr.File, data: make(map[string][]byte, len(zr.File)), out: map[string][]byte{}}
	var total uint64
	for _, f := range zr.File {
		if f.Name == "" || strings.Contains(f.Name, `\`) || strings.HasPrefix(f.Name, "/") {
			return nil, decline("member name %q", f.Name)
		}
		if _, dup := p.data[f.Name]; dup {
			return nil, decline("member %q twice", f.Name)
		}
		if f.Flags&1 != 0 || (f.Method != zip.Store && f.Method != zip.Deflate) {
			return nil, decline("member %q encrypted or compressed with method %d", f.Name, f.Method)
		}
		total += f.UncompressedSize64
		if f.UncompressedSize64 > patchPartLimit || total > patchTotalLimit {
			return nil, decline("member %q too large", f.Name)
		}
		b, err := readMember(f)
		if err != nil {
			return nil, decline("member %q: %v", f.Name, err)
		}
		p.data[f.Name] = b
	}
	return p, nil
}

// readMember returns a member's uncompressed bytes, checking its CRC.
func readMember(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b := make([]byte, 0, f.UncompressedSize64)
	buf := bytes.NewBuffer(b)
	if _, err := io.Copy(buf, io.LimitReader(rc, patchPartLimit+1)); err != nil {
		return nil, err
	}
	if buf.Len() > patchPartLimit {
		return nil, decline("too large")
	}
	return buf.Bytes(), nil
}

// part returns the current content of a part: its replacement if any.
func (p *opcPackage) part(name string) ([]byte, bool) {
	if b, ok := p.out[name]; ok {
		return b, true
	}
	b, ok := p.data[name]
	return b, ok
}

// has reports whether the package holds a part of that name (any case).
func (p *opcPackage) has(name string) bool {
	for n := range p.data {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	for n := range p.out {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}

// set replaces a part or adds a new one.
func (p *opcPackage) set(name string, b []byte) {
	if _, ok := p.data[name]; !ok {
		if _, ok := p.out[name]; !ok {
			p.added = append(p.added, name)
		}
	}
	p.out[name] = b
}

// write writes the package: the members in their order, replaced parts
// compressed anew and the rest copied with their compressed data, then the
// new parts.
func (p *opcPackage) write(w io.Writer) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, newFastDeflater)
	for _, f := range p.files {
		b, changed := p.out[f.Name]
		if !changed {
			if err := zw.Copy(f); err != nil {
				return err
			}
			continue
		}
		if err := writeMemberBytes(zw, f.Name, b); err != nil {
			return err
		}
	}
	for _, name := range p.added {
		if err := writeMemberBytes(zw, name, p.out[name]); err != nil {
			return err
		}
	}
	return zw.Close()
}

// writeMemberBytes writes one deflated member with no timestamp, so that
// the same input gives the same bytes.
func writeMemberBytes(zw *zip.Writer, name string, b []byte) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// resolveTarget returns the part a relationship of source points at.
func resolveTarget(source, target string) (string, error) {
	if target == "" || strings.ContainsAny(target, "%\\?#") {
		return "", decline("relationship target %q", target)
	}
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/"), nil
	}
	dir := path.Dir(path.Dir(source)) // source is …/_rels/x.rels
	if dir == "." {
		dir = ""
	}
	name := path.Join(dir, target)
	if strings.HasPrefix(name, "../") || name == ".." {
		return "", decline("relationship target %q leaves the package", target)
	}
	return name, nil
}

// relsPath returns the relationships part of a part.
func relsPath(part string) string {
	dir, base := path.Split(part)
	return dir + "_rels/" + base + ".rels"
}

// patchUnit builds the unit's 退回 workbook by patching original, or
// declines. It writes nothing to w unless it succeeds.
func patchUnit(w io.Writer, original []byte, findings []checks.Finding, opt AnnotateOptions) error {
	p, err := openPackage(original)
	if err != nil {
		return err
	}
	b, err := newPatchBook(p)
	if err != nil {
		return err
	}
	if err := b.annotate(findings, opt); err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.Grow(len(original) + len(original)/2)
	if err := p.write(&buf); err != nil {
		return decline("write: %v", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// fastDeflaters are deflate writers at BestSpeed, reused: the parts the
// patcher rewrites, and the county workbook, are compressed at the fastest
// level (a few per cent larger than the default level, at a fraction of
// its time), by klauspost/compress's deflate, about twice as fast as the
// standard library's at that level and a little smaller.
var fastDeflaters sync.Pool

// pooledDeflater returns its writer to fastDeflaters when closed.
type pooledDeflater struct{ fw *flate.Writer }

func newFastDeflater(w io.Writer) (io.WriteCloser, error) {
	if fw, ok := fastDeflaters.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return &pooledDeflater{fw}, nil
	}
	fw, err := flate.NewWriter(w, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	return &pooledDeflater{fw}, nil
}

func (d *pooledDeflater) Write(b []byte) (int, error) { return d.fw.Write(b) }

func (d *pooledDeflater) Close() error {
	err := d.fw.Close()
	fastDeflaters.Put(d.fw)
	d.fw = nil
	return err
}
