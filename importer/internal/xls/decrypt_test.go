package xls

import (
	"bytes"
	"crypto/rc4"
	"crypto/sha1"
	"errors"
	"testing"
)

// cryptoAPIFilePass builds a FILEPASS record for RC4 CryptoAPI with the
// given key size in bits (0 meaning 40) whose verifier matches password.
func cryptoAPIFilePass(t *testing.T, bits uint32, password string) []byte {
	t.Helper()
	salt := []byte("0123456789abcdef")
	csp := utf16le("Microsoft Enhanced Cryptographic Provider v1.0\x00")
	header := cat(le32(0x04), le32(0), le32(0x6801), le32(0x8004), le32(bits), le32(1), le32(0), le32(0), csp)
	verifier := []byte("fedcba9876543210")
	hash := sha1.Sum(verifier)
	enc := cat(verifier, hash[:])
	info := cat(le32(0x04), le32(uint32(len(header))), header, le32(16), salt, make([]byte, 16), le32(20), make([]byte, 20))
	key, _, _, err := cryptoAPIDerive(info, password)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := rc4.NewCipher(key(0))
	c.XORKeyStream(enc, enc)
	v := info[8+len(header):]
	copy(v[20:36], enc[:16])
	copy(v[40:60], enc[16:])
	return rec(recFilePass, le16(1), le16(4), le16(2), info)
}

// encrypt encrypts a plain stream whose globals hold filePass right after
// the BOF: RC4 being symmetric, decrypting the plain text encrypts it.
func encrypt(t *testing.T, plain []byte, filePass []byte) []byte {
	t.Helper()
	key, err := filePassKey(filePass[4:])
	if err != nil {
		t.Fatal(err)
	}
	from := len(bof(true, bofGlobals)) + len(filePass)
	out, err := decryptStream(plain, from, key, newBudget(Limits{}.withDefaults()))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDecryptCryptoAPI(t *testing.T) {
	body := sheetS(label(0, 0, "招生管理"), number(0, 1, 3.5), labelSST(1, 0, 0))
	for _, tc := range []struct {
		name string
		bits uint32
	}{{"40-bit", 0}, {"128-bit", 128}} {
		t.Run(tc.name, func(t *testing.T) {
			fp := cryptoAPIFilePass(t, tc.bits, defaultPassword)
			plain := buildStream(true, cat(fp, sst(1, richStr(string(bytes.Repeat([]byte("x"), 3000)), 0, nil))), body)
			if bytes.Equal(encrypt(t, plain, fp), plain) {
				t.Fatal("encryption changed nothing")
			}
			wb, err := parseWorkbook(encrypt(t, plain, fp), "Workbook", newBudget(Limits{}.withDefaults()))
			if err != nil {
				t.Fatal(err)
			}
			compareSheet(t, wb.Sheets[0], Sheet{Name: "S", Rows: [][]string{{"招生管理", "3.5"}, {string(bytes.Repeat([]byte("x"), 3000))}}})
		})
	}
}

func TestDecryptRefused(t *testing.T) {
	for _, tc := range []struct {
		name     string
		filePass []byte
		want     error
	}{
		{"xor obfuscation", rec(recFilePass, le16(0), le16(0x1234), le16(0x5678)), ErrEncrypted},
		{"cryptoapi with a user password", cryptoAPIFilePass(t, 128, "secret"), ErrEncrypted},
		{"unknown version", rec(recFilePass, le16(1), le16(9), le16(9), make([]byte, 48)), ErrEncrypted},
		{"short rc4 header", rec(recFilePass, le16(1), le16(1), le16(1), make([]byte, 10)), ErrCorrupt},
		{"short cryptoapi header", rec(recFilePass, le16(1), le16(2), le16(2), le32(4), le32(1000)), ErrCorrupt},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseWorkbook(buildStream(true, tc.filePass, sheetS()), "Workbook", newBudget(Limits{}.withDefaults()))
			if !errors.Is(err, tc.want) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
		})
	}
}
