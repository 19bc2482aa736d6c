package xls

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/richardlehane/mscfb"
)

// oleMagic starts every OLE compound file.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Kind sniffs an OLE compound file: "xls" (has a Workbook or Book stream),
// "encrypted-ooxml" (has EncryptionInfo/EncryptedPackage streams: a
// password-protected .xlsx), "ole-other" (e.g. a .doc, or a compound file too
// damaged to list), or "" (not OLE).
func Kind(data []byte) (kind string) {
	if !bytes.HasPrefix(data, oleMagic) {
		return ""
	}
	defer func() {
		if recover() != nil {
			kind = "ole-other"
		}
	}()
	files, err := oleFiles(data)
	if err != nil {
		return "ole-other"
	}
	return kindOf(files)
}

// kindOf classifies the root streams of a compound file.
func kindOf(files []*mscfb.File) string {
	var info, pkg bool
	for _, f := range files {
		switch {
		case isStream(f, "Workbook"), isStream(f, "Book"):
			return "xls"
		case isStream(f, "EncryptionInfo"):
			info = true
		case isStream(f, "EncryptedPackage"):
			pkg = true
		}
	}
	if info || pkg {
		return "encrypted-ooxml"
	}
	return "ole-other"
}

// isStream reports whether f is a stream named name (case-insensitively)
// directly under the root storage.
func isStream(f *mscfb.File, name string) bool {
	return len(f.Path) == 0 && f.Size > 0 && strings.EqualFold(f.Name, name)
}

// oleFiles checks the compound-file header and lists its directory entries.
func oleFiles(data []byte) ([]*mscfb.File, error) {
	if err := checkOLEHeader(data); err != nil {
		return nil, err
	}
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: compound file: %v", ErrCorrupt, err)
	}
	var files []*mscfb.File
	for f, err := r.Next(); err == nil; f, err = r.Next() {
		files = append(files, f)
	}
	return files, nil
}

// checkOLEHeader rejects headers whose sector counts cannot fit in data,
// before mscfb sizes anything from them.
func checkOLEHeader(data []byte) error {
	if len(data) < 512 || !bytes.HasPrefix(data, oleMagic) {
		return fmt.Errorf("%w: compound file header is truncated", ErrCorrupt)
	}
	shift := binary.LittleEndian.Uint16(data[30:])
	if shift != 9 && shift != 12 {
		return fmt.Errorf("%w: compound file sector shift %d", ErrCorrupt, shift)
	}
	size := uint64(1) << shift
	counts := []struct {
		what string
		off  int
	}{{"directory", 40}, {"FAT", 44}, {"mini FAT", 64}, {"DIFAT", 72}}
	for _, c := range counts {
		n := uint64(binary.LittleEndian.Uint32(data[c.off:]))
		if n*size > uint64(len(data)) {
			return fmt.Errorf("%w: compound file claims %d %s sectors in %d bytes", ErrCorrupt, n, c.what, len(data))
		}
	}
	return nil
}

// workbookStream returns the bytes of the Workbook (BIFF8) or Book (BIFF5)
// stream of an OLE file, and the stream's name.
func workbookStream(data []byte, bud *budget) ([]byte, string, error) {
	if !bytes.HasPrefix(data, oleMagic) {
		if isRawBIFF(data) {
			return nil, "", fmt.Errorf("%w: BIFF2-BIFF4 worksheet without an OLE container", ErrOldFormat)
		}
		return nil, "", fmt.Errorf("%w: no OLE compound file signature", ErrNotXLS)
	}
	files, err := oleFiles(data)
	if err != nil {
		return nil, "", err
	}
	var book *mscfb.File
	for _, f := range files {
		if isStream(f, "Workbook") {
			book = f
			break
		}
		if isStream(f, "Book") && book == nil {
			book = f
		}
	}
	if book == nil {
		if kindOf(files) == "encrypted-ooxml" {
			return nil, "", fmt.Errorf("%w: password-protected xlsx", ErrEncrypted)
		}
		return nil, "", fmt.Errorf("%w: compound file has no Workbook stream", ErrNotXLS)
	}
	stream, err := readStream(book, len(data), bud)
	if err != nil {
		return nil, "", err
	}
	return stream, book.Name, nil
}

// readStream reads a whole stream, refusing sizes larger than the file
// that holds it, in chunks so the deadline is checked along the way.
func readStream(f *mscfb.File, fileSize int, bud *budget) ([]byte, error) {
	if f.Size > int64(fileSize) {
		return nil, fmt.Errorf("%w: %s stream size %d exceeds file size %d", ErrCorrupt, f.Name, f.Size, fileSize)
	}
	const chunk = 64 << 10
	buf := make([]byte, int(f.Size))
	for off := 0; off < len(buf); {
		if err := bud.check(); err != nil {
			return nil, err
		}
		end := min(off+chunk, len(buf))
		n, err := f.Read(buf[off:end])
		off += n
		if err != nil && !(errors.Is(err, io.EOF) && off == len(buf)) {
			return nil, fmt.Errorf("%w: %s stream: %v", ErrCorrupt, f.Name, err)
		}
		if n == 0 && off < len(buf) {
			return nil, fmt.Errorf("%w: %s stream ends at %d of %d bytes", ErrCorrupt, f.Name, off, len(buf))
		}
	}
	return buf, nil
}

// isRawBIFF reports whether data starts with a BIFF2, BIFF3 or BIFF4 BOF
// record (those versions were not wrapped in an OLE file).
func isRawBIFF(data []byte) bool {
	if len(data) < 4 || data[0] != 0x09 {
		return false
	}
	switch data[1] {
	case 0x00, 0x02, 0x04:
		return true
	}
	return false
}
