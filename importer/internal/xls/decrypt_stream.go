package xls

import (
	"bytes"
	"crypto/rc4"
)

// Records that stay in clear in an encrypted stream ([MS-XLS] 2.2.10).
var clearRecords = map[uint16]bool{
	recBOF: true, recFilePass: true,
	0x0194: true, // USREXCL
	0x0195: true, // FILELOCK
	0x00E1: true, // INTERFACEHDR
	0x0196: true, // RRDINFO
	0x0138: true, // RRDHEAD
}

// decryptStream returns a copy of stream with the payloads of the records
// from offset from on decrypted. The keystream runs over the whole stream,
// record headers included, re-keyed every 1,024 bytes; headers, the clear
// records and the lbPlyPos field of BOUNDSHEET are not encrypted.
func decryptStream(stream []byte, from int, key blockKey, bud *budget) ([]byte, error) {
	out := bytes.Clone(stream)
	ks := keystream{key: key, block: -1}
	for pos := from; len(out)-pos >= 4; {
		if err := bud.tick(); err != nil {
			return nil, err
		}
		typ, n := uint16(u16(out[pos:])), u16(out[pos+2:])
		start, end := pos+4, min(pos+4+n, len(out))
		switch {
		case clearRecords[typ]:
		case typ == recBoundSheet:
			ks.xor(out, min(start+4, end), end)
		default:
			ks.xor(out, start, end)
		}
		pos = end
	}
	return out, nil
}

// keystream is the RC4 keystream of the current 1,024-byte block.
type keystream struct {
	key   blockKey
	block int
	buf   [rc4Block]byte
}

// xor decrypts b[from:to] in place, the keystream being aligned to the
// offsets in b.
func (k *keystream) xor(b []byte, from, to int) {
	for i := from; i < to; i++ {
		if blk := i / rc4Block; blk != k.block {
			k.fill(blk)
		}
		b[i] ^= k.buf[i%rc4Block]
	}
}

// fill computes the keystream of block blk.
func (k *keystream) fill(blk int) {
	k.block = blk
	clear(k.buf[:])
	c, err := rc4.NewCipher(k.key(uint32(blk)))
	if err != nil { // keys are 16 bytes or more: cannot happen
		return
	}
	c.XORKeyStream(k.buf[:], k.buf[:])
}
