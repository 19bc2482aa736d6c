package merge

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"slices"
	"sync"

	"golang.org/x/sync/errgroup"
)

// MinHash-LSH parameters. A Dice similarity of 0.8 is a Jaccard similarity
// of 0.8/1.2 ≈ 0.667 on the same bigram sets. With lshBands bands of
// lshRows hashes each, two statements at Jaccard J share at least one band
// with probability 1-(1-J^r)^b: 0.988 at the threshold (J=0.667), 0.9999
// at J=0.8, but only 0.15 at J=0.3, so candidates stay few and every
// candidate is then verified exactly.
const (
	lshBands  = 20
	lshRows   = 4
	lshHashes = lshBands * lshRows
	// lshMaxCompare bounds the exact comparisons one statement makes in one
	// bucket. Statements sharing a stock cause and harm (因受人情干扰……,造成
	// ……损失) crowd a few buckets; the bound keeps those linear, not
	// quadratic. A true pair skipped in a crowded bucket still meets in the
	// small buckets of its other bands: on a generated county of 22,000
	// statements the recall was the same (99.75%) for bounds 2 to 32.
	lshMaxCompare = 8
	// lshMinPerWorker is how many groups make a second worker checking a
	// band's buckets worth starting.
	lshMinPerWorker = 4096
	// lshChunk is how many groups are signed at once; their bigram sets and
	// band keys then go to the spill, so the heap holds one chunk of sets.
	lshChunk = 1 << 12
)

// lshWorkers, when set (by tests), is the number of workers checking a
// band's buckets, whatever the size.
var lshWorkers int

// lshA and lshB are the multiply-shift hash functions of the signature,
// fixed so that results are the same on every run.
var lshA, lshB = func() (a, b [lshHashes]uint64) {
	seed := uint64(0x6c69616e66616e67) // "lianfang"
	for i := range a {
		seed += 0x9e3779b97f4a7c15
		a[i] = mix64(seed) | 1
		seed += 0x9e3779b97f4a7c15
		b[i] = mix64(seed)
	}
	return a, b
}()

// group is one distinct bigram set (statements differing at most in
// punctuation, spacing or width, so identical for Similarity) and which
// statements carry it.
type group struct {
	first  int32 // the first statement, by index
	second int32 // the first statement of a unit other than unit0; -1 none
	unit0  int32 // the unit of the first statement
	nb     int32 // a verified similar group with a unit other than unit0; -1 none
	nbSim  float32
}

// multi reports whether the group's statements belong to more than one unit.
func (g *group) multi() bool { return g.second >= 0 }

// satisfied reports whether every member already has a partner in another
// unit: the form is used by two units, or a similar form by another unit.
func (g *group) satisfied() bool { return g.second >= 0 || g.nb >= 0 }

// helps reports whether other has a unit different from g's only unit.
func (g *group) helps(other *group) bool { return other.multi() || other.unit0 != g.unit0 }

// partner returns the first statement of g whose unit is not unit, or -1.
func (g *group) partner(unit int32) int32 {
	if g.unit0 != unit {
		return g.first
	}
	return g.second
}

// simIndex finds near-identical statements of different units (see
// Similar) with a heap that holds, per statement, its group and unit, and
// per distinct form a small group record and where its set lies: the
// bigram sets, the MinHash band keys and the sets' sketches are written to
// a spill (a temporary file for the county) chunk by chunk and read back
// when needed. While statements are added, a hash table finds the group
// of a set seen before; once they are all in, it gives way to the
// sketches, which rule out most candidates without reading their sets.
//
// Use: add every statement in order, then run, then each.
type simIndex struct {
	sets, bands spill
	memSets     []uint32 // the sets when sets is nil: kept in the heap
	groups      []group
	sketches    []sketch // per group, from run on: the sketch of its set
	stmtGroup   []int32  // per statement: its group
	stmtUnit    []int32  // per statement: its unit
	setOff      []uint32 // group i's set is setOff[i]:setOff[i+1], in uint32s of sets
	keys        []setKey // per group, until run: the key of its set
	table       []int32  // open addressing over keys: group+1, 0 for none

	// the chunk being built: its groups' sets, back to back
	chunk    []uint32
	chunkOff []int // group chunkStart+k's set is chunk[chunkOff[k]:chunkOff[k+1]]
	written  int64 // uint32s written to sets
	form     []rune
	err      error

	raw []byte
}

// verifier is one worker's scratch for checking buckets: its cache of sets
// read from the spill and its buffers.
type verifier struct {
	x     *simIndex
	cache setCache
	bufA  []uint32
	raw   []byte
}

// setCache keeps the sets read last, in a ring: a bucket compares each
// member with its next few, so the same sets are asked for again and
// again. A set it returns is valid until the next one is read.
type setCache struct {
	slot  map[int32]int // group → slot
	group []int32       // slot → group
	sets  [][]uint32    // slot → set
	next  int           // the slot to reuse next
}

// setCacheSize is how many sets the cache keeps.
const setCacheSize = 256

// newSimIndex returns an index that keeps its sets in the spill sets, or
// in the heap when sets is nil, and its band keys in the spill bands.
func newSimIndex(sets, bands spill) *simIndex {
	return &simIndex{sets: sets, bands: bands, table: make([]int32, 1024), chunkOff: []int{0}}
}

// add adds the next statement, of unit unit, and returns its index, or -1
// when it is too short to compare (it then takes no index).
func (x *simIndex) add(unit int32, text string) int32 {
	if x.form = appendComparable(x.form[:0], text); len(x.form) < MinStatementRunes {
		return -1
	}
	i := int32(len(x.stmtGroup))
	start := len(x.chunk)
	x.chunk = bigramSet(x.chunk, x.form)
	set := x.chunk[start:]
	key := setKey{setHash(set), setHash2(set)}
	slot := x.lookup(key)
	if g := x.table[slot] - 1; g >= 0 {
		x.chunk = x.chunk[:start]
		gr := &x.groups[g]
		if gr.second < 0 && unit != gr.unit0 {
			gr.second = i
		}
		x.stmtGroup = append(x.stmtGroup, g)
		x.stmtUnit = append(x.stmtUnit, unit)
		return i
	}
	gi := int32(len(x.groups))
	x.table[slot] = gi + 1
	x.groups = append(x.groups, group{first: i, second: -1, unit0: unit, nb: -1})
	x.keys = append(x.keys, key)
	if 2*len(x.groups) > len(x.table) {
		x.grow()
	}
	x.chunkOff = append(x.chunkOff, len(x.chunk))
	x.stmtGroup = append(x.stmtGroup, gi)
	x.stmtUnit = append(x.stmtUnit, unit)
	if len(x.chunkOff)-1 == lshChunk {
		x.flush()
	}
	return i
}

// setKey identifies a bigram set while grouping: two independent 64-bit
// hashes, so two different sets share a group only if both collide.
type setKey struct{ h, h2 uint64 }

// lookup returns the slot of the table holding the group whose set has
// key k, or else the empty slot where it goes.
func (x *simIndex) lookup(k setKey) int {
	mask := len(x.table) - 1
	for i := int(k.h) & mask; ; i = (i + 1) & mask {
		g := x.table[i] - 1
		if g < 0 || x.keys[g] == k {
			return i
		}
	}
}

// grow doubles the table.
func (x *simIndex) grow() {
	x.table = make([]int32, 2*len(x.table))
	for g, k := range x.keys {
		x.table[x.lookup(k)] = int32(g) + 1
	}
}

// bandStride is how many uint32s of the bands spill a group takes: its
// band keys and its sketch.
const bandStride = lshBands + sketchWords

// flush signs and sketches the chunk's groups and writes their sets, band
// keys and sketches to the spills. Chunk c's region of the bands spill
// starts at c·lshChunk·bandStride uint32s and holds, for its n groups,
// band by band their keys (band b is b·n to (b+1)·n), then their sketches
// (group k's at lshBands·n + k·sketchWords).
func (x *simIndex) flush() {
	n := len(x.chunkOff) - 1
	if n == 0 || x.err != nil {
		return
	}
	first := len(x.groups) - n
	keys := make([]uint32, n*bandStride)
	workers := min(runtime.GOMAXPROCS(0), (n+255)/256)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var sig [lshHashes]uint32
			for k := w; k < n; k += workers {
				minhash(&sig, x.chunk[x.chunkOff[k]:x.chunkOff[k+1]])
				for b := 0; b < lshBands; b++ {
					h := uint64(b)
					for r := 0; r < lshRows; r++ {
						h = mix64(h ^ uint64(sig[b*lshRows+r]))
					}
					keys[b*n+k] = uint32(h >> 32)
				}
				sk := sketchOf(x.chunk[x.chunkOff[k]:x.chunkOff[k+1]])
				sk.put(keys[lshBands*n+k*sketchWords:])
			}
		}(w)
	}
	wg.Wait()
	base := int64(first) * bandStride * 4
	if x.err = writeUint32s(x.bands, keys, base, &x.raw); x.err != nil {
		return
	}
	if x.sets == nil {
		x.memSets = append(x.memSets, x.chunk...)
	} else if x.err = writeUint32s(x.sets, x.chunk, x.written*4, &x.raw); x.err != nil {
		return
	}
	if x.written+int64(len(x.chunk)) > math.MaxUint32 {
		x.err = errors.New("x04: more than 4G bigrams to compare")
		return
	}
	for k := 0; k < n; k++ {
		x.setOff = append(x.setOff, uint32(x.written)+uint32(x.chunkOff[k]))
	}
	x.written += int64(len(x.chunk))
	x.chunk, x.chunkOff = x.chunk[:0], x.chunkOff[:1]
}

// run matches the groups through their band keys, one band at a time.
func (x *simIndex) run() error {
	x.flush()
	x.setOff = append(x.setOff, uint32(x.written))
	x.table, x.keys, x.chunk, x.chunkOff = nil, nil, nil, nil
	if x.err != nil {
		return x.err
	}
	// The sketches come back now, when the grouping's table is gone.
	x.sketches = make([]sketch, len(x.groups))
	var words []uint32
	for first := 0; first < len(x.groups); first += lshChunk {
		n := min(lshChunk, len(x.groups)-first)
		off := (int64(first)*bandStride + int64(lshBands)*int64(n)) * 4
		var err error
		if words, err = readUint32s(x.bands, words[:0], n*sketchWords, off, &x.raw); err != nil {
			return err
		}
		for k := 0; k < n; k++ {
			x.sketches[first+k].get(words[k*sketchWords:])
		}
	}
	// Each entry is the band key in the high half and the group in the low
	// half, so sorting gathers the buckets in order.
	entries := make([]uint64, len(x.groups))
	keys := make([]uint32, 0, lshChunk)
	workers := max(1, min(runtime.GOMAXPROCS(0), len(x.groups)/lshMinPerWorker))
	if lshWorkers > 0 {
		workers = lshWorkers
	}
	vs := make([]*verifier, workers)
	for i := range vs {
		vs[i] = &verifier{x: x}
	}
	for b := 0; b < lshBands; b++ {
		for first := 0; first < len(x.groups); first += lshChunk {
			n := min(lshChunk, len(x.groups)-first)
			off := (int64(first)*bandStride + int64(b)*int64(n)) * 4
			var err error
			if keys, err = readUint32s(x.bands, keys[:0], n, off, &x.raw); err != nil {
				return err
			}
			for k, key := range keys {
				entries[first+k] = uint64(key)<<32 | uint64(first+k)
			}
		}
		slices.Sort(entries)
		if err := x.band(entries, vs); err != nil {
			return err
		}
	}
	return nil
}

// band checks the buckets of one band, sorted entries, on len(vs) workers.
// Within a band every group is in exactly one bucket, and checking a
// bucket reads and changes only its own groups, so the buckets can be
// checked in any order and at the same time with the result of checking
// them one by one.
func (x *simIndex) band(entries []uint64, vs []*verifier) error {
	var buckets [][2]int
	work := 0
	for lo := 0; lo < len(entries); {
		hi := lo + 1
		for hi < len(entries) && entries[hi]>>32 == entries[lo]>>32 {
			hi++
		}
		if hi-lo > 1 {
			buckets = append(buckets, [2]int{lo, hi})
			work += hi - lo
		}
		lo = hi
	}
	// Contiguous shares of about equal work.
	var g errgroup.Group
	start, done := 0, 0
	for w, v := range vs {
		end := start
		target := work * (w + 1) / len(vs)
		for end < len(buckets) && (done < target || w == len(vs)-1) {
			done += buckets[end][1] - buckets[end][0]
			end++
		}
		share := buckets[start:end]
		start = end
		if len(share) == 0 {
			continue
		}
		g.Go(func() error {
			for _, b := range share {
				if err := v.bucket(entries[b[0]:b[1]]); err != nil {
					return err
				}
			}
			return nil
		})
	}
	return g.Wait()
}

// set returns group g's bigram set, valid until the next call.
func (v *verifier) set(g int32) ([]uint32, error) {
	x := v.x
	if x.sets == nil {
		return x.memSets[x.setOff[g]:x.setOff[g+1]], nil
	}
	c := &v.cache
	if i, ok := c.slot[g]; ok {
		return c.sets[i], nil
	}
	if c.slot == nil {
		c.slot = make(map[int32]int, setCacheSize)
		c.group = make([]int32, setCacheSize)
		c.sets = make([][]uint32, setCacheSize)
	} else if len(c.slot) == setCacheSize {
		delete(c.slot, c.group[c.next])
	}
	i := c.next
	c.next = (c.next + 1) % setCacheSize
	lo, hi := x.setOff[g], x.setOff[g+1]
	set, err := readUint32s(x.sets, c.sets[i][:0], int(hi-lo), int64(lo)*4, &v.raw)
	if err != nil {
		return nil, err
	}
	c.sets[i], c.group[i], c.slot[g] = set, g, i
	return set, nil
}

// bucket verifies candidate pairs among groups sharing a band key, for
// groups that still lack a partner in another unit.
func (v *verifier) bucket(es []uint64) error {
	x := v.x
	for i, e := range es {
		ai := int32(uint32(e))
		a := &x.groups[ai]
		if a.satisfied() {
			continue
		}
		compared := 0
		var aset []uint32
		for k := 1; k < len(es) && compared < lshMaxCompare; k++ {
			bi := int32(uint32(es[(i+k)%len(es)]))
			b := &x.groups[bi]
			if !a.helps(b) {
				continue
			}
			compared++
			if ruledOut(&x.sketches[ai], &x.sketches[bi], x.setLen(ai), x.setLen(bi)) {
				continue // diceAtLeast would say no: spare the reads
			}
			var bset []uint32
			var err error
			if aset == nil {
				if aset, err = v.set(ai); err != nil {
					return err
				}
				if x.sets != nil {
					// a's set is kept apart: reading b's may reuse its slot.
					v.bufA = append(v.bufA[:0], aset...)
					aset = v.bufA
				}
			}
			if bset, err = v.set(bi); err != nil {
				return err
			}
			sim, ok := diceAtLeast(aset, bset)
			if !ok {
				continue
			}
			a.nb, a.nbSim = bi, float32(sim)
			if !b.satisfied() && b.helps(a) {
				b.nb, b.nbSim = ai, float32(sim)
			}
			break
		}
	}
	return nil
}

// setLen returns the size of group g's set (after run).
func (x *simIndex) setLen(g int32) int { return int(x.setOff[g+1] - x.setOff[g]) }

// each calls fn, in statement order, for every statement that has a
// partner in another unit: an identical form of another unit first, else
// the verified similar form.
func (x *simIndex) each(fn func(i, other int32, sim float64)) {
	for i, gi := range x.stmtGroup {
		g, unit := &x.groups[gi], x.stmtUnit[i]
		if o := g.partner(unit); o >= 0 {
			fn(int32(i), o, 1)
		} else if g.nb >= 0 {
			if o := x.groups[g.nb].partner(unit); o >= 0 {
				fn(int32(i), o, float64(g.nbSim))
			}
		}
	}
}

// setHash hashes a bigram set.
func setHash(set []uint32) uint64 {
	h := uint64(len(set))
	for _, v := range set {
		h = mix64(h ^ uint64(v))
	}
	return h
}

// setHash2 is a second hash of a bigram set, independent of setHash.
func setHash2(set []uint32) uint64 {
	h := uint64(len(set)) ^ 0x9e3779b97f4a7c15
	for _, v := range set {
		h = mix64(h+uint64(v)) * 0xff51afd7ed558ccd
	}
	return h
}

// minhash sets sig to the MinHash signature of a bigram set: for every
// hash function j, the least (lshA[j]·v + lshB[j]) >> 32 over the values
// v of the set. Two functions are taken per pass over the set, their
// minima kept in registers.
func minhash(sig *[lshHashes]uint32, set []uint32) {
	for j := 0; j < lshHashes; j += 2 {
		a0, a1 := lshA[j], lshA[j+1]
		b0, b1 := lshB[j], lshB[j+1]
		m0, m1 := ^uint32(0), ^uint32(0)
		for _, v := range set {
			x := uint64(v)
			m0 = min(m0, uint32((a0*x+b0)>>32))
			m1 = min(m1, uint32((a1*x+b1)>>32))
		}
		sig[j], sig[j+1] = m0, m1
	}
}

// spill is where the index keeps its bigram sets and band keys.
type spill interface {
	io.ReaderAt
	io.WriterAt
	Close() error
}

// memSpill is a spill in memory.
type memSpill struct{ b []byte }

func (m *memSpill) WriteAt(p []byte, off int64) (int, error) {
	if end := int(off) + len(p); end > len(m.b) {
		m.b = append(m.b, make([]byte, end-len(m.b))...)
	}
	return copy(m.b[off:], p), nil
}

func (m *memSpill) ReadAt(p []byte, off int64) (int, error) {
	if off >= int64(len(m.b)) {
		return 0, io.EOF
	}
	n := copy(p, m.b[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

func (m *memSpill) Close() error { m.b = nil; return nil }

// fileSpill is a spill in a temporary file, removed as soon as it is
// created where the system allows it, so that nothing is left behind even
// when the process is killed.
type fileSpill struct {
	*os.File
	removed bool
}

func (f *fileSpill) Close() error {
	err := f.File.Close()
	if !f.removed {
		os.Remove(f.Name())
	}
	return err
}

// newSpill returns a spill in a new temporary file in the first of dirs
// where one can be made, or in memory.
func newSpill(dirs ...string) spill {
	for _, dir := range dirs {
		f, err := os.CreateTemp(dir, ".lianfang-x04-*")
		if err != nil {
			continue
		}
		return &fileSpill{File: f, removed: os.Remove(f.Name()) == nil}
	}
	return &memSpill{}
}

// writeUint32s writes vs little-endian at off.
func writeUint32s(w io.WriterAt, vs []uint32, off int64, raw *[]byte) error {
	b := slices.Grow((*raw)[:0], 4*len(vs))[:4*len(vs)]
	for i, v := range vs {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	*raw = b
	if _, err := w.WriteAt(b, off); err != nil {
		return fmt.Errorf("x04 spill: %w", err)
	}
	return nil
}

// readUint32s appends n little-endian values read at off to dst.
func readUint32s(r io.ReaderAt, dst []uint32, n int, off int64, raw *[]byte) ([]uint32, error) {
	b := slices.Grow((*raw)[:0], 4*n)[:4*n]
	*raw = b
	if _, err := r.ReadAt(b, off); err != nil {
		return dst, fmt.Errorf("x04 spill: %w", err)
	}
	for i := 0; i < n; i++ {
		dst = append(dst, binary.LittleEndian.Uint32(b[4*i:]))
	}
	return dst, nil
}
