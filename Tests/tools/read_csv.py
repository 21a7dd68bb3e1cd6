"""Reads a CSV export as Python's `csv` module does for a spreadsheet's file: `utf-8-sig` drops
the byte order mark, the separator is the header's (`;` or `,`); prints whether there was a byte
order mark, the separator and the rows (a JSON list of lists of text), or fails when the rows
differ in length."""
import csv
import io
import json
import sys

path = sys.argv[1]
raw = open(path, "rb").read()
text = raw.decode("utf-8-sig")
delimiter = ";" if ";" in text.split("\r\n", 1)[0] else ","
rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
if not rows or any(len(row) != len(rows[0]) for row in rows):
    sys.exit(f"{path}: rows of different lengths: {[len(row) for row in rows]}")
print(json.dumps({"bom": raw.startswith(b"\xef\xbb\xbf"), "delimiter": delimiter, "rows": rows},
                 ensure_ascii=False))
