#!/usr/bin/env bash
# make.sh rebuilds the .xls fixtures of package xls. It needs Debian's
# python3-openpyxl, libreoffice-calc and gnumeric; the tests do not.
#
#   bash importer/internal/xls/testdata/make.sh
#
# It writes source workbooks with openpyxl, then converts them to BIFF8 with
# LibreOffice (libreoffice.xls) and Gnumeric (gnumeric.xls), and to BIFF7
# (Excel 95) with Gnumeric (gnumeric95.xls; LibreOffice no longer writes
# Excel 95). small-*.xls are small workbooks (compact fuzz seeds).
# encrypted-default.xls is RC4-encrypted with Excel's default password
# VelvetSweatshop (it opens without a prompt), encrypted-password.xls with
# the password "secret"; both are written through LibreOffice's UNO API
# (python3-uno). The expected values in the tests are the ones written here.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 - "$work/source.xlsx" <<'PY'
import datetime, sys
import openpyxl

wb = openpyxl.Workbook()

# Sheet 1: a small catalogue with a Chinese name, merges and formulas.
ws = wb.active
ws.title = "职权目录"
ws["A1"] = "职权目录表"
ws.merge_cells("A1:F1")
ws["A2"] = "填报单位"
ws["B2"] = "城关小学"
ws["C2"] = "填报日期"
ws["D2"] = datetime.date(2024, 3, 15)
ws["D2"].number_format = "yyyy-mm-dd"
ws["E2"] = "已审核"
ws["F2"] = True
for col, text in zip("ABCDEF", ["序号", "职权名称", "风险点", "风险等级", "分值", "说明"]):
    ws[col + "3"] = text
rows = [
    ("招生管理", "第一行\n第二行", "高", 1),
    (None, "招生计划未公开", "中", 3.5),
    (None, "擅自扩大招生范围", "中", 100),
    ("财务报销", "虚报冒领", "高", 0.25),
    (None, "白条入账", "低", 98.6),
    ("物资采购", "未按规定招标", "高", -12),
]
for i, (name, point, grade, score) in enumerate(rows):
    r = 4 + i
    ws[f"A{r}"] = "=ROW()-3"
    if name is not None:
        ws[f"B{r}"] = name
    ws[f"C{r}"] = point
    ws[f"D{r}"] = grade
    ws[f"E{r}"] = score
    ws[f"F{r}"] = f'="第"&A{r}&"项"'
ws.merge_cells("B4:B6")  # vertical merges: a power over its risk rows
ws.merge_cells("B7:B8")
ws.merge_cells("D5:D6")

# Sheet 2: 300 distinct 40-character Chinese strings, so the shared
# string table needs CONTINUE records.
base = "廉政风险防控工作领导小组办公室负责对职权目录进行初审并提出修改意见"
ws2 = wb.create_sheet("长文本")
for i in range(1, 301):
    ws2[f"A{i}"] = f"第{i:03d}条" + (base * 3)[i % len(base):][:35]

# Sheet 3: hidden.
ws3 = wb.create_sheet("隐藏")
ws3["A1"] = "模板版本"
ws3["B1"] = "v2"
ws3.sheet_state = "hidden"

# Sheet 4: an ASCII name; numbers, errors, booleans and long strings.
ws4 = wb.create_sheet("Notes")
ws4["A1"] = 1234567890
ws4["A2"] = 0.1
ws4["A3"] = 3.14159
ws4["A4"] = "=1/0"
ws4["A5"] = "=NA()"
ws4["A6"] = "=1>0"
ws4["A7"] = False
ws4["A8"] = "plain ascii"
ws4["A9"] = "abcdefghij" * 1000
ws4["A10"] = "廉政风险防控" * 1000
ws4["C12"] = "last"

wb.save(sys.argv[1])

# A small workbook, the compact seed of the fuzz targets.
small = openpyxl.Workbook()
ws = small.active
ws.title = "目录"
ws["A1"], ws["B1"], ws["C1"] = "序号", "名称", "备注"
ws["A2"], ws["B2"], ws["C2"] = "=ROW()-1", "招生管理", '="第"&A2&"项"'
ws["A3"], ws["C3"], ws["D3"] = "=ROW()-1", True, 2.5
ws.merge_cells("B2:B3")
hidden = small.create_sheet("v")
hidden["A1"] = 1
hidden.sheet_state = "hidden"
small.save(sys.argv[1].replace("source", "small"))
PY

cd "$work"
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to xls --outdir "$work/lo" source.xlsx >/dev/null
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to xls --outdir "$work/lo" small.xlsx >/dev/null
cp "$work/lo/source.xls" "$here/libreoffice.xls"
cp "$work/lo/small.xls" "$here/small-libreoffice.xls"
ssconvert --recalc -T Gnumeric_Excel:excel_biff8 source.xlsx "$here/gnumeric.xls" 2>/dev/null
ssconvert --recalc -T Gnumeric_Excel:excel_biff8 small.xlsx "$here/small-gnumeric.xls" 2>/dev/null
# Gnumeric writes Excel 95 strings in the code page of the locale: use a
# Chinese one (GBK, CODEPAGE 936), as a Chinese Windows would.
localedef -i zh_CN -f GBK "$work/zh_CN.GBK"
LOCPATH="$work" LC_ALL=zh_CN.GBK ssconvert --recalc -T Gnumeric_Excel:excel_biff7 source.xlsx "$here/gnumeric95.xls" 2>/dev/null
# Encrypted copies of small.xlsx, saved through UNO with a password.
cat > "$work/encrypt.py" <<'PY'
import sys, time, uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p

src, pipe = sys.argv[1], sys.argv[2]
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(120):
    try:
        ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        break
    except Exception:
        time.sleep(0.5)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
doc.calculateAll()
for dst, password in zip(sys.argv[3::2], sys.argv[4::2]):
    doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", "MS Excel 97"), prop("Password", password)))
doc.close(True)
try:
    desktop.terminate()
except Exception:
    pass
PY
pipe="lianfang-xls-$$"
soffice -env:UserInstallation="file://$work/profile" --headless --invisible --norestore --accept="pipe,name=$pipe;urp;" >/dev/null 2>&1 &
/usr/bin/python3 "$work/encrypt.py" "$work/small.xlsx" "$pipe" \
    "$here/encrypted-default.xls" VelvetSweatshop "$here/encrypted-password.xls" secret
wait
ls -l "$here"/*.xls
