//go:build linux

package reliability

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"testing"
)

// part is one member of a zip archive built in a test.
type part struct {
	name string
	body []byte
	raw  *rawPart // a pre-compressed body, for bombs
}

// rawPart is a deflated member written as is, with the CRC-32 and size of
// what it inflates to (which may be a lie).
type rawPart struct {
	deflated []byte
	crc      uint32
	size     uint64
}

// buildZip writes parts, in order, as a zip archive compressed at the
// highest level.
func buildZip(t testing.TB, parts []part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	for _, p := range parts {
		if p.raw != nil {
			w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: p.raw.crc,
				CompressedSize64: uint64(len(p.raw.deflated)), UncompressedSize64: p.raw.size})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := w.Write(p.raw.deflated); err != nil {
				t.Fatal(err)
			}
			continue
		}
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(p.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// repeatDeflate deflates head, then chunk n times, then tail, compressing
// the chunk only once: each piece is an independent run of deflate blocks
// ending on a byte boundary (a sync flush), so the chunk's compressed bytes
// can be repeated. A gigabyte part is built in a fraction of a second and
// takes about a thousandth of its size.
func repeatDeflate(t testing.TB, head, chunk, tail []byte, n int) *rawPart {
	t.Helper()
	piece := func(b []byte, final bool) []byte {
		var buf bytes.Buffer
		fw, err := flate.NewWriter(&buf, flate.BestCompression)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(b)
		if final {
			err = fw.Close()
		} else {
			err = fw.Flush()
		}
		if err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	h, c, tl := piece(head, false), piece(chunk, false), piece(tail, true)
	out := make([]byte, 0, len(h)+n*len(c)+len(tl))
	out = append(out, h...)
	crc := crc32.Update(0, crc32.IEEETable, head)
	for range n {
		out = append(out, c...)
		crc = crc32.Update(crc, crc32.IEEETable, chunk)
	}
	out = append(out, tl...)
	crc = crc32.Update(crc, crc32.IEEETable, tail)
	return &rawPart{deflated: out, crc: crc, size: uint64(len(head)) + uint64(n)*uint64(len(chunk)) + uint64(len(tail))}
}
