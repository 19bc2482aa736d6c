#!/bin/sh
# Regenerate the producer fixtures.
#
#   1. catalogues.py writes openpyxl/<case>.xlsx and expected/<case>.json
#      (the truth, from the Python dicts);
#   2. LibreOffice converts every openpyxl file to libreoffice/<case>.xlsx and .xls;
#   3. gnumeric's ssconvert (with --recalc) converts it to gnumeric/<case>.xls;
#   4. inspect_fixture.py checks every formula cell of a converted file has a
#      cached value, and a converted file whose contents are unchanged (same
#      dump: values, types, formats, merges, hidden rows/cols, panes) keeps its
#      committed bytes, so a re-run does not churn git with new timestamps.
#
# Needs: libreoffice-calc gnumeric python3-openpyxl python3-olefile (Debian).
# Run from anywhere: sh testdata/producers/make.sh
set -eu

here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# 1. openpyxl + expected (deterministic by construction)
"$py" "$here/catalogues.py" "$here"

# a private LibreOffice profile: never touches another user's soffice
profile="file://$work/lo-profile"
mkdir -p "$work/libreoffice" "$work/gnumeric"

for src in "$here"/openpyxl/*.xlsx; do
	case=$(basename "$src" .xlsx)
	# 2. LibreOffice: xlsx -> xlsx, xlsx -> xls (MS Excel 97 = BIFF8)
	soffice -env:UserInstallation="$profile" --headless --norestore \
		--convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work/libreoffice" "$src" >/dev/null 2>&1
	soffice -env:UserInstallation="$profile" --headless --norestore \
		--convert-to xls:"MS Excel 97" --outdir "$work/libreoffice" "$src" >/dev/null 2>&1
	# 3. gnumeric: xlsx -> xls (BIFF8), recalculating formulas
	ssconvert --recalc --export-type=Gnumeric_Excel:excel_biff8 "$src" "$work/gnumeric/$case.xls" >/dev/null 2>&1
done

# 4. check and install
status=0
for prod in libreoffice gnumeric; do
	mkdir -p "$here/$prod"
	for new in "$work/$prod"/*; do
		name=$(basename "$new")
		if "$py" "$here/inspect_fixture.py" "$new" | grep -q '<no cached value>'; then
			echo "make.sh: $prod/$name has a formula without a cached value" >&2
			status=1
		fi
		old="$here/$prod/$name"
		if [ -f "$old" ] && "$py" "$here/inspect_fixture.py" --same "$old" "$new"; then
			continue # same contents: keep the committed bytes
		fi
		cp "$new" "$old"
		echo "updated $prod/$name"
	done
done

# every case has its files
for src in "$here"/openpyxl/*.xlsx; do
	case=$(basename "$src" .xlsx)
	for f in libreoffice/$case.xlsx libreoffice/$case.xls gnumeric/$case.xls expected/$case.json; do
		[ -s "$here/$f" ] || { echo "make.sh: missing $f" >&2; status=1; }
	done
done
exit $status
