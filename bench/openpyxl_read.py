#!/usr/bin/env python3
# The openpyxl baseline of make bench: a read-only pass over every cell of
# every sheet of every .xlsx under a folder (Debian's python3-openpyxl).
import os
import sys

import openpyxl

cells = 0
for root, _, files in os.walk(sys.argv[1]):
    for name in sorted(files):
        if not name.endswith(".xlsx"):
            continue
        try:
            wb = openpyxl.load_workbook(os.path.join(root, name), read_only=True, data_only=True)
        except Exception:
            continue  # the corpus holds deliberately broken files
        for ws in wb.worksheets:
            # Read-only mode trusts the sheet's <dimension>; workbooks
            # written by streaming writers often say A1 there, which would
            # make openpyxl skip every other cell.
            ws.reset_dimensions()
            for row in ws.iter_rows(values_only=True):
                cells += sum(1 for v in row if v is not None)
        wb.close()
print(cells)
