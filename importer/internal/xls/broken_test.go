package xls

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"testing"
	"time"
)

// renameStream returns a copy of an OLE file with the directory entry
// named from renamed to to (at most 31 characters).
func renameStream(tb testing.TB, data []byte, from, to string) []byte {
	tb.Helper()
	out := bytes.Clone(data)
	old := utf16le(from + "\x00")
	for i := 0; ; i++ {
		j := bytes.Index(out[i:], old)
		if j < 0 {
			tb.Fatalf("no directory entry %q", from)
		}
		i += j
		if i%128 == 0 && int(binary.LittleEndian.Uint16(out[i+64:])) == len(old) {
			name := make([]byte, 64)
			copy(name, utf16le(to+"\x00"))
			copy(out[i:], name)
			binary.LittleEndian.PutUint16(out[i+64:], uint16(2*(len([]rune(to))+1)))
			return out
		}
	}
}

// sentinels are the errors Read may return, one of which every error wraps.
var sentinels = []error{ErrNotXLS, ErrEncrypted, ErrCorrupt, ErrTooLarge, ErrOldFormat}

func isSentinel(err error) bool {
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

// mustNotPanic runs the unguarded reader, failing the test on a panic, an
// error that wraps no sentinel, or a read slower than limit.
func mustNotPanic(t *testing.T, what string, data []byte, lim Limits, limit time.Duration) (err error) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s: panic: %v", what, r)
			err = ErrCorrupt
		}
	}()
	start := time.Now()
	_, err = read(data, lim)
	if d := time.Since(start); d > limit {
		t.Errorf("%s: read took %v", what, d)
	}
	if err != nil && !isSentinel(err) {
		t.Errorf("%s: error %v wraps no sentinel", what, err)
	}
	return err
}

func TestReadBrokenInputs(t *testing.T) {
	good := readFixture(t, "libreoffice.xls")
	random := make([]byte, 64<<10)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	randomOLE := append(bytes.Clone(good[:512]), random...)
	tests := []struct {
		name    string
		data    []byte
		wantErr error
	}{
		{"empty", nil, ErrNotXLS},
		{"random bytes", random, ErrNotXLS},
		{"ole header then random bytes", randomOLE, ErrCorrupt},
		{"text file", []byte("序号,职权名称\n1,招生\n"), ErrNotXLS},
		{"biff4 worksheet", rec(0x0409, le16(0), le16(0x10)), ErrOldFormat},
		{"truncated to header", good[:512], ErrCorrupt},
		{"truncated to 4 KiB", good[:4096], ErrCorrupt},
		{"truncated to half", good[:len(good)/2], ErrCorrupt},
		{"truncated by one sector", good[:len(good)-512], ErrCorrupt},
		{"rc4 with a user password", readFixture(t, "encrypted-password.xls"), ErrEncrypted},
		{"ole without workbook stream", renameStream(t, good, "Workbook", "WordDocument"), ErrNotXLS},
		{"password-protected xlsx", renameStream(t, renameStream(t, good, "Workbook", "EncryptedPackage"), "\x05SummaryInformation", "EncryptionInfo"), ErrEncrypted},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := mustNotPanic(t, tc.name, tc.data, Limits{}, 5*time.Second)
			if !errors.Is(err, tc.wantErr) {
				t.Errorf("error %v, want %v", err, tc.wantErr)
			}
			if wb, err := Read(tc.data, Limits{}); wb != nil || err == nil {
				t.Errorf("Read returned a workbook for a broken file")
			}
		})
	}
}

// TestReadMutations flips bytes at many offsets and truncates at many
// lengths of every fixture: each read ends, without a panic, in time.
func TestReadMutations(t *testing.T) {
	for _, file := range fixtureFiles {
		t.Run(file, func(t *testing.T) {
			good := readFixture(t, file)
			lim := Limits{Timeout: 5 * time.Second}
			step := 97
			if testing.Short() {
				step = 997
			}
			for off := 0; off < len(good); off += step {
				bad := bytes.Clone(good)
				bad[off] ^= 0xFF
				mustNotPanic(t, "flip", bad, lim, 6*time.Second)
				bad[off] ^= 0x5A
				mustNotPanic(t, "xor", bad, lim, 6*time.Second)
				if err := mustNotPanic(t, "truncate", good[:off], lim, 6*time.Second); err == nil && off < len(good)/2 {
					t.Errorf("truncated to %d bytes: no error", off)
				}
			}
		})
	}
}

func TestReadTimeout(t *testing.T) {
	_, err := Read(readFixture(t, "libreoffice.xls"), Limits{Timeout: time.Nanosecond})
	if !errors.Is(err, ErrTooLarge) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error %v, want ErrTooLarge and context.DeadlineExceeded", err)
	}
}

func TestReadMaxCells(t *testing.T) {
	// The fixture holds 6*9 + 300 + 2 + 13 + 12*1-ish cells: far more than 100.
	_, err := Read(readFixture(t, "gnumeric.xls"), Limits{MaxCells: 100})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("error %v, want ErrTooLarge", err)
	}
}

func TestKind(t *testing.T) {
	good := readFixture(t, "libreoffice.xls")
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"biff8 workbook", good, "xls"},
		{"biff7 workbook", readFixture(t, "gnumeric95.xls"), "xls"},
		{"encrypted xls", readFixture(t, "encrypted-password.xls"), "xls"},
		{"word document", renameStream(t, good, "Workbook", "WordDocument"), "ole-other"},
		{"password-protected xlsx", renameStream(t, renameStream(t, good, "Workbook", "EncryptedPackage"), "\x05SummaryInformation", "EncryptionInfo"), "encrypted-ooxml"},
		{"damaged compound file", good[:1024], "ole-other"},
		{"zip", []byte("PK\x03\x04rest"), ""},
		{"empty", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Kind(tc.data); got != tc.want {
				t.Errorf("Kind = %q, want %q", got, tc.want)
			}
		})
	}
}
