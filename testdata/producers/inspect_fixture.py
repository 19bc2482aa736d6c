#!/usr/bin/python3
"""Dump what a workbook file actually holds, independently of any
spreadsheet library's interpretation: sheets (and their visibility), frozen
panes, merged ranges, hidden rows and columns, and every non-empty cell with
its stored type, cached value, formula flag, quote prefix and number format.

    /usr/bin/python3 inspect_fixture.py FILE...            print the dumps
    /usr/bin/python3 inspect_fixture.py --same OLD NEW     exit 0 if the dumps are equal

.xlsx is read from the zip/XML directly; .xls (BIFF8) from the compound file
with olefile (Debian python3-olefile) and a small record parser.  Used by
make.sh to verify what each producer preserved and to keep a committed file
when a re-run only changed timestamps.
"""

import re
import struct
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "pr": "http://schemas.openxmlformats.org/package/2006/relationships"}
BUILTIN_FMT = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
               11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm",
               17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
               22: "m/d/yy h:mm", 49: "@"}


def col_letter(c):  # 0-based
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def is_date_format(fmt):
    f = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", fmt or "")
    return bool(re.search(r"[ymd]", f, re.I)) and fmt not in ("General", "@")


def fmt_num(v):
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return repr(v)


class Dump:
    def __init__(self):
        self.lines = []

    def sheet(self, name, state):
        self.lines.append("sheet %r%s" % (name, "" if state in ("visible", 0, None) else " [%s]" % state))

    def add(self, s):
        self.lines.append("  " + s)


# ---------------------------------------------------------------- xlsx

def dump_xlsx(path):
    z = zipfile.ZipFile(path)
    names = set(z.namelist())
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels.findall("pr:Relationship", NS)}
    sst = []
    if "xl/sharedStrings.xml" in names:
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            sst.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])
                               if not _in_rph(si, t)))
    numfmts, xfs = dict(BUILTIN_FMT), []
    if "xl/styles.xml" in names:
        st = ET.fromstring(z.read("xl/styles.xml"))
        for nf in st.findall("m:numFmts/m:numFmt", NS):
            numfmts[int(nf.get("numFmtId"))] = nf.get("formatCode")
        for xf in st.findall("m:cellXfs/m:xf", NS):
            xfs.append((numfmts.get(int(xf.get("numFmtId", "0")), "?%s" % xf.get("numFmtId")),
                        xf.get("quotePrefix") in ("1", "true")))
    d = Dump()
    for sh in wb.findall("m:sheets/m:sheet", NS):
        d.sheet(sh.get("name"), sh.get("state", "visible"))
        t = target[sh.get("{%s}id" % NS["r"])]
        t = t.lstrip("/") if t.startswith("/") else "xl/" + t
        ws = ET.fromstring(z.read(t))
        pane = ws.find("m:sheetViews/m:sheetView/m:pane", NS)
        if pane is not None and pane.get("state") in ("frozen", "frozenSplit"):
            d.add("frozen rows=%s cols=%s" % (pane.get("ySplit", "0").split(".")[0],
                                               pane.get("xSplit", "0").split(".")[0]))
        merges = [m.get("ref") for m in ws.findall("m:mergeCells/m:mergeCell", NS)]
        d.add("merged " + " ".join(sorted(merges, key=_ref_key)))
        hcols = []
        for c in ws.findall("m:cols/m:col", NS):
            if c.get("hidden") in ("1", "true"):
                hcols += [col_letter(i - 1) for i in range(int(c.get("min")), int(c.get("max")) + 1)]
        d.add("hidden cols " + " ".join(hcols))
        hrows, cells = [], []
        for row in ws.findall("m:sheetData/m:row", NS):
            if row.get("hidden") in ("1", "true"):
                hrows.append(row.get("r"))
            for c in row.findall("m:c", NS):
                ref, typ = c.get("r"), c.get("t", "n")
                s = int(c.get("s", "0"))
                fmt, qp = xfs[s] if s < len(xfs) else ("General", False)
                f = c.find("m:f", NS)
                v = c.find("m:v", NS)
                vtext = v.text if v is not None else None
                if typ == "s":
                    val = ("s", sst[int(vtext)])
                elif typ == "inlineStr":
                    val = ("s", "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"])))
                elif typ == "str":
                    val = ("s", vtext or "")
                elif typ == "b":
                    val = ("b", vtext)
                elif typ == "e":
                    val = ("e", vtext)
                else:
                    val = ("n", None if vtext in (None, "") else fmt_num(float(vtext)))
                if f is None and val[1] in (None, ""):
                    continue
                cells.append(_cell_line(ref, val, f is not None, qp, fmt))
        d.add("hidden rows " + " ".join(hrows))
        for line in cells:
            d.add(line)
    return d.lines


def _in_rph(si, t):
    for rph in si.iter("{%s}rPh" % NS["m"]):
        if t in list(rph.iter()):
            return True
    return False


def _ref_key(ref):
    m = re.match(r"([A-Z]+)(\d+)", ref)
    return (int(m.group(2)), col_index(m.group(1))) if m else (0, 0)


def _cell_line(ref, val, formula, qp, fmt):
    kind, v = val
    tag = kind + ("=" if formula else "") + ("'" if qp else "")
    if kind == "n":
        extra = ""
        if fmt not in ("General",) and v is not None:
            extra = " fmt=%r%s" % (fmt, " date" if is_date_format(fmt) else "")
        return "%s %s %s%s" % (ref, tag, "<no cached value>" if v is None else v, extra)
    return "%s %s %r" % (ref, tag, v)


# ---------------------------------------------------------------- xls (BIFF8)

def dump_xls(path):
    import olefile
    ole = olefile.OleFileIO(path)
    stream = "Workbook" if ole.exists("Workbook") else "Book"
    data = ole.openstream(stream).read()
    recs = []
    pos = 0
    while pos + 4 <= len(data):
        rt, ln = struct.unpack_from("<HH", data, pos)
        recs.append((rt, data[pos + 4:pos + 4 + ln], pos))
        pos += 4 + ln
    # globals
    sheets, sst, formats, xfs = [], [], dict(BUILTIN_FMT), []
    i = 0
    while i < len(recs):
        rt, b, off = recs[i]
        if rt == 0x0085:  # BOUNDSHEET8
            lbpos, state, dt = struct.unpack_from("<IBB", b)
            name = _short_xlstr(b, 6)
            sheets.append((lbpos, name, {0: "visible", 1: "hidden", 2: "veryHidden"}[state & 3], dt))
        elif rt == 0x041E:  # FORMAT
            ifmt = struct.unpack_from("<H", b)[0]
            formats[ifmt] = _xlstr(b, 2)[0]
        elif rt == 0x00E0:  # XF
            ifnt, ifmt, flags = struct.unpack_from("<HHH", b)
            xfs.append((ifmt, bool(flags & 0x0008)))
        elif rt == 0x00FC:  # SST with CONTINUEs
            segs = [b]
            j = i + 1
            while j < len(recs) and recs[j][0] == 0x003C:
                segs.append(recs[j][1])
                j += 1
            sst = _read_sst(segs)
        elif rt == 0x000A:  # EOF of globals
            break
        i += 1
    by_off = {off: k for k, (_, _, off) in enumerate(recs)}
    d = Dump()
    for lbpos, name, state, dt in sheets:
        d.sheet(name, state)
        k = by_off[lbpos]
        merges, hcols, hrows, cells, frozen = [], [], [], [], None
        k += 1
        pending_formula = None
        while k < len(recs):
            rt, b, _ = recs[k]
            k += 1
            if rt == 0x000A:
                break
            if rt == 0x00E5:
                n = struct.unpack_from("<H", b)[0]
                for m in range(n):
                    r1, r2, c1, c2 = struct.unpack_from("<HHHH", b, 2 + 8 * m)
                    merges.append("%s%d:%s%d" % (col_letter(c1), r1 + 1, col_letter(c2), r2 + 1))
            elif rt == 0x007D:
                c1, c2, dx, ixfe, flags = struct.unpack_from("<HHHHH", b)
                if flags & 1:
                    hcols += [col_letter(c) for c in range(c1, min(c2, 255) + 1)]
            elif rt == 0x0208:
                rw = struct.unpack_from("<H", b)[0]
                flags = struct.unpack_from("<H", b, 12)[0]
                if flags & 0x20:
                    hrows.append(str(rw + 1))
            elif rt == 0x0041:  # PANE
                x, y = struct.unpack_from("<HH", b)
                frozen = (y, x)
            elif rt in (0x00FD, 0x0203, 0x027E, 0x0204, 0x0006, 0x0205):
                rw, col, ixfe = struct.unpack_from("<HHH", b)
                ref = "%s%d" % (col_letter(col), rw + 1)
                ifmt, qp = xfs[ixfe] if ixfe < len(xfs) else (0, False)
                fmt = formats.get(ifmt, "?%d" % ifmt)
                if rt == 0x00FD:
                    val, formula = ("s", sst[struct.unpack_from("<I", b, 6)[0]]), False
                elif rt == 0x0204:
                    val, formula = ("s", _xlstr(b, 6)[0]), False
                elif rt == 0x0203:
                    val, formula = ("n", fmt_num(struct.unpack_from("<d", b, 6)[0])), False
                elif rt == 0x027E:
                    val, formula = ("n", fmt_num(_rk(struct.unpack_from("<I", b, 6)[0]))), False
                elif rt == 0x0205:
                    v, iserr = struct.unpack_from("<BB", b, 6)
                    val, formula = (("e" if iserr else "b"), str(v)), False
                else:  # FORMULA
                    res = b[6:14]
                    formula = True
                    if res[6:8] == b"\xff\xff":
                        kind = res[0]
                        if kind == 0:  # string result follows in a STRING record
                            if k < len(recs) and recs[k][0] == 0x0207:
                                val = ("s", _xlstr(recs[k][1], 0)[0])
                                k += 1
                            else:
                                val = ("s", "<missing STRING>")
                        elif kind == 1:
                            val = ("b", str(res[2]))
                        elif kind == 2:
                            val = ("e", str(res[2]))
                        else:
                            val = ("s", "")
                    else:
                        val = ("n", fmt_num(struct.unpack("<d", res)[0]))
                if not formula and val[1] in (None, ""):
                    continue
                cells.append((rw, col, _cell_line(ref, val, formula, qp, fmt)))
            elif rt == 0x00BD:  # MULRK
                rw, c1 = struct.unpack_from("<HH", b)
                n = (len(b) - 6) // 6
                for m in range(n):
                    ixfe, rk = struct.unpack_from("<HI", b, 4 + 6 * m)
                    ifmt, qp = xfs[ixfe] if ixfe < len(xfs) else (0, False)
                    fmt = formats.get(ifmt, "?%d" % ifmt)
                    ref = "%s%d" % (col_letter(c1 + m), rw + 1)
                    cells.append((rw, c1 + m, _cell_line(ref, ("n", fmt_num(_rk(rk))), False, qp, fmt)))
        if frozen and (frozen[0] or frozen[1]):
            d.add("frozen rows=%d cols=%d" % frozen)
        d.add("merged " + " ".join(sorted(merges, key=lambda r: _ref_key(r.split(":")[0]))))
        d.add("hidden cols " + " ".join(hcols))
        d.add("hidden rows " + " ".join(hrows))
        for _, _, line in sorted(cells):
            d.add(line)
    return d.lines


def _rk(rk):
    if rk & 2:
        v = float(rk >> 2 if not rk & 0x80000000 else (rk >> 2) - (1 << 30))
    else:
        v = struct.unpack("<d", struct.pack("<Q", (rk & 0xFFFFFFFC) << 32))[0]
    return v / 100 if rk & 1 else v


def _short_xlstr(b, off):
    cch, flags = b[off], b[off + 1]
    raw = b[off + 2:]
    return raw[:cch * 2].decode("utf-16-le") if flags & 1 else raw[:cch].decode("latin-1")


def _xlstr(b, off):
    cch = struct.unpack_from("<H", b, off)[0]
    flags = b[off + 2]
    p = off + 3
    if flags & 0x08:
        p += 2
    if flags & 0x04:
        p += 4
    if flags & 1:
        return b[p:p + 2 * cch].decode("utf-16-le"), p + 2 * cch
    return b[p:p + cch].decode("latin-1"), p + cch


def _read_sst(segs):
    """SST strings, following CONTINUE boundaries (a string's characters may
    continue in the next segment, which then starts with a fresh flags byte)."""
    seg, pos = 0, 8
    total_unique = struct.unpack_from("<I", segs[0], 4)[0]
    out = []

    def take(n):
        nonlocal seg, pos
        buf = b""
        while n:
            if pos >= len(segs[seg]):
                seg, pos = seg + 1, 0
            chunk = segs[seg][pos:pos + n]
            buf += chunk
            pos += len(chunk)
            n -= len(chunk)
        return buf

    for _ in range(total_unique):
        if pos >= len(segs[seg]):
            seg, pos = seg + 1, 0
        cch = struct.unpack("<H", take(2))[0]
        flags = take(1)[0]
        runs = struct.unpack("<H", take(2))[0] if flags & 0x08 else 0
        ext = struct.unpack("<I", take(4))[0] if flags & 0x04 else 0
        wide = flags & 1
        chars = []
        left = cch
        while left:
            if pos >= len(segs[seg]):
                seg, pos = seg + 1, 0
                wide = segs[seg][0] & 1
                pos = 1
            avail = (len(segs[seg]) - pos) // (2 if wide else 1)
            n = min(left, avail)
            raw = segs[seg][pos:pos + n * (2 if wide else 1)]
            pos += len(raw)
            chars.append(raw.decode("utf-16-le") if wide else raw.decode("latin-1"))
            left -= n
        take(4 * runs)
        take(ext)
        out.append("".join(chars))
    return out


def dump(path):
    with open(path, "rb") as f:
        head = f.read(8)
    if head.startswith(b"PK"):
        return dump_xlsx(path)
    if head == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return dump_xls(path)
    raise SystemExit("%s: not a workbook" % path)


def main(argv):
    if argv and argv[0] == "--same":
        sys.exit(0 if dump(argv[1]) == dump(argv[2]) else 1)
    for p in argv:
        print("== " + p)
        print("\n".join(dump(p)))


if __name__ == "__main__":
    main(sys.argv[1:])
