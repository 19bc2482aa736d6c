package xls

import (
	"bytes"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha1"
	"encoding/binary"
	"fmt"
	"unicode/utf16"
)

// defaultPassword is the password Excel encrypts with when the user gave
// none (a workbook saved with a protected structure, for instance): such a
// file opens in Excel without a prompt, so it is decrypted here too.
const defaultPassword = "VelvetSweatshop"

// rc4Block is the size of the blocks whose RC4 key is derived afresh.
const rc4Block = 1024

// blockKey returns the RC4 key of one 1,024-byte block of the stream.
type blockKey func(block uint32) []byte

// filePassKey reads a FILEPASS record and checks the default password
// against it. Any other password, XOR obfuscation or an unknown scheme is
// ErrEncrypted ([MS-XLS] 2.4.117, [MS-OFFCRYPTO] 2.3.6 and 2.3.5).
func filePassKey(data []byte) (blockKey, error) {
	if len(data) < 6 || u16(data) != 1 {
		return nil, fmt.Errorf("%w: workbook is obfuscated or encrypted with an unknown method", ErrEncrypted)
	}
	major, minor := u16(data[2:]), u16(data[4:])
	var key blockKey
	var err error
	switch {
	case major == 1 && minor == 1:
		key, err = rc4Key(data[6:], defaultPassword)
	case major >= 2 && major <= 4 && minor == 2:
		key, err = cryptoAPIKey(data[6:], defaultPassword)
	default:
		err = fmt.Errorf("%w: encryption version %d.%d", ErrEncrypted, major, minor)
	}
	return key, err
}

// rc4Key derives the MD5-based RC4 key ([MS-OFFCRYPTO] 2.3.6.2) and checks
// it against the verifier: salt, encrypted verifier, encrypted MD5 of it.
func rc4Key(info []byte, password string) (blockKey, error) {
	if len(info) < 48 {
		return nil, fmt.Errorf("%w: short RC4 encryption header", ErrCorrupt)
	}
	salt, verifier, hash := info[:16], info[16:32], info[32:48]
	h0 := md5.Sum(utf16Bytes(password))
	buf := make([]byte, 0, 16*21)
	for range 16 {
		buf = append(buf, h0[:5]...)
		buf = append(buf, salt...)
	}
	h1 := md5.Sum(buf)
	key := func(block uint32) []byte {
		k := md5.Sum(binary.LittleEndian.AppendUint32(bytes.Clone(h1[:5]), block))
		return k[:]
	}
	if !verify(key(0), verifier, hash, func(b []byte) []byte { s := md5.Sum(b); return s[:] }) {
		return nil, fmt.Errorf("%w: workbook has a password to open", ErrEncrypted)
	}
	return key, nil
}

// cryptoAPIKey derives the SHA-1-based RC4 CryptoAPI key ([MS-OFFCRYPTO]
// 2.3.5.2) and checks it against the verifier.
func cryptoAPIKey(info []byte, password string) (blockKey, error) {
	key, verifier, hash, err := cryptoAPIDerive(info, password)
	if err != nil {
		return nil, err
	}
	if !verify(key(0), verifier, hash, func(b []byte) []byte { s := sha1.Sum(b); return s[:] }) {
		return nil, fmt.Errorf("%w: workbook has a password to open", ErrEncrypted)
	}
	return key, nil
}

// cryptoAPIDerive reads an EncryptionHeader and EncryptionVerifier and
// derives the key of password; it returns the encrypted verifier and
// verifier hash too.
func cryptoAPIDerive(info []byte, password string) (key blockKey, verifier, hash []byte, err error) {
	if len(info) < 8 {
		return nil, nil, nil, fmt.Errorf("%w: short CryptoAPI encryption header", ErrCorrupt)
	}
	size := int(u32(info[4:]))
	if size < 20 || size > len(info)-8 {
		return nil, nil, nil, fmt.Errorf("%w: CryptoAPI header size %d", ErrCorrupt, size)
	}
	bits := int(u32(info[8+16:]))
	if bits == 0 {
		bits = 40
	}
	v := info[8+size:]
	if bits%8 != 0 || bits < 40 || bits > 128 || len(v) < 4+16+16+4+20 || u32(v) != 16 {
		return nil, nil, nil, fmt.Errorf("%w: unsupported CryptoAPI key of %d bits", ErrEncrypted, bits)
	}
	salt := v[4:20]
	h0 := sha1.Sum(append(bytes.Clone(salt), utf16Bytes(password)...))
	key = func(block uint32) []byte {
		h := sha1.Sum(binary.LittleEndian.AppendUint32(bytes.Clone(h0[:]), block))
		k := make([]byte, 16) // a 40-bit key is padded with zeros to 128 bits
		copy(k, h[:bits/8])
		return k
	}
	return key, v[20:36], v[40:60], nil
}

// verify decrypts the verifier and its hash with one RC4 keystream and
// compares the hash.
func verify(key, verifier, hash []byte, sum func([]byte) []byte) bool {
	c, err := rc4.NewCipher(key)
	if err != nil {
		return false
	}
	v := make([]byte, len(verifier))
	c.XORKeyStream(v, verifier)
	h := make([]byte, len(hash))
	c.XORKeyStream(h, hash)
	return bytes.Equal(sum(v), h)
}

func utf16Bytes(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}
