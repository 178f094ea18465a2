#!/bin/sh
# Hostile files given to the commands that read or write files beside scenarios: trainer decisions
# (`run --actions`), `why --at`, chronogramme export and import (`msel --out`, `msel --import`). One case per run:
#   hostile_io.sh RICOCHET DATA_DIR WORKDIR CASE
# DATA_DIR is tests/data (sim/ and hostile-io/ are used). Each case checks exit codes and exact messages; the big or
# binary inputs are generated here.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
ricochet=$1 data=$2 work=$3 case=$4
rm -rf "$work" && mkdir -p "$work" && cp -r "$data"/sim "$data"/hostile-io "$work"/ && cd "$work"/hostile-io
. "$here"/expect.sh # fail, bound, expect_error
expect_ok() { rc=0; "$@" > out.txt 2> err.txt || rc=$?; [ $rc -eq 0 ] || { cat err.txt >&2; fail "exit $rc instead of 0: $*"; }; }
digits() { awk -v n="$1" 'BEGIN { while (n-- > 0) printf "9" }'; }
scenario=../sim/injects.yaml
# fresh NAME: a copy of the scenario to import into, here (its region named from here); pristine.yaml stays as made.
sed 's|^region: regions/|region: ../sim/regions/|' $scenario > pristine.yaml
fresh() { cp pristine.yaml "$1"; }

case $case in
actions-files)
  # A device, a directory or a pipe is refused at once; /dev/zero used to grow without bound, then run with no
  # decisions and exit 0.
  expect_error "/dev/zero: error: this is not a regular file (a device, a pipe or a socket); expected a file of trainer decisions, one per line" \
    "$ricochet" run $scenario --quiet --actions /dev/zero --out out
  mkdir decisions
  expect_error "decisions: error: this is a directory; expected a file of trainer decisions, one per line (e.g. the actions.txt of a saved branch)" \
    "$ricochet" run $scenario --quiet --actions decisions --out out
  mkfifo pipe
  expect_error "pipe: error: this is not a regular file (a device, a pipe or a socket); expected a file of trainer decisions, one per line" \
    "$ricochet" run $scenario --quiet --actions pipe --out out
  awk 'BEGIN { for (i = 0; i < 30000; i++) print "activate_craps at T+1h # a comment to make the line longer" }' > big.txt
  expect_error "big.txt: error: the trainer actions file is larger than 1024 KiB; at most 1024 KiB are read (a session's decisions take a few kilobytes)" \
    "$ricochet" run $scenario --quiet --actions big.txt --out out
  { echo "activate_craps at T+1h"; awk 'BEGIN { printf "# "; for (i = 0; i < 5000; i++) printf "x"; print "" }'; } > long.txt
  expect_error "long.txt:2:4097: error: this line is longer than 4096 bytes; at most 4096 are read" \
    "$ricochet" run $scenario --quiet --actions long.txt --out out
  [ ! -e out ] || fail "a refused actions file created the output directory"
  # A UTF-8 byte order mark (what Windows editors write) and CRLF lines are accepted.
  printf '\357\273\277activate_craps at T+1h\r\nfire inject i01 at T+2h\r\n' > bom.txt
  expect_ok "$ricochet" run $scenario --quiet --actions bom.txt --out out
  grep -q '"kind":"trainer.action","subject":"ars","state":"activate_craps"' out/journal.jsonl ||
    fail "the decision after the byte order mark was not played"
  grep -q '"kind":"trainer.action","subject":"i01","state":"fire"' out/journal.jsonl || fail "the second line was not played"
  ;;
actions-times)
  # Infinite or huge times used to abort the engine ("timeout is not finite") or be internal errors.
  echo "activate_craps at T+$(digits 308)h" > inf.txt
  expect_error "inf.txt:1:19: error: 'T+9999999999999999999999999999999999999999999999999999999999...' is not a time within the scenario: expected a time from T+0 to T+1d (Wed 21 Oct 08:00)" \
    "$ricochet" run $scenario --quiet --actions inf.txt --out out
  echo "  activate_craps at T+$(digits 400)h" > digits.txt
  expect_error "digits.txt:1:21: error: 'T+9999999999999999999999999999999999999999999999999999999999...' is not a time within the scenario: expected a time from T+0 to T+1d (Wed 21 Oct 08:00)" \
    "$ricochet" run $scenario --quiet --actions digits.txt --out out
  echo "activate_craps at inf" > word.txt
  expect_error "word.txt:1:19: error: expected a local date-time ('2026-10-18 05:00'), 'T+7h' or a duration since the start ('7h'), found 'inf'; it must lie within the scenario, from T+0 to T+1d (Wed 21 Oct 08:00)" \
    "$ricochet" run $scenario --quiet --actions word.txt --out out
  printf 'activate_craps at T+2d\nretime inject i01 to 2026-10-30 08:00 at T+1h\n' > late.txt
  expect_error "late.txt:1:19: error: 'T+2d' is after the end of the scenario: expected a time within the scenario, from T+0 to T+1d (Wed 21 Oct 08:00)" \
    "$ricochet" run $scenario --quiet --actions late.txt --out out
  grep -qxF "late.txt:2:22: error: '2026-10-30 08:00' is after the end of the scenario: expected a time within the scenario, from T+0 to T+1d (Wed 21 Oct 08:00)" err.txt ||
    fail "the re-timing after the end was not reported"
  # The end itself is within the scenario.
  echo "activate_craps at T+1d" > end.txt
  expect_ok "$ricochet" run $scenario --quiet --actions end.txt --out out
  ;;
why-times)
  expect_ok "$ricochet" run $scenario --quiet --out run
  expect_error "error: --at: 'T+9999999999999999999999999999999999999999999999999999999999...' is more than a year from the start; expected a local date-time ('2026-10-18 05:00'), 'T+7h' or a duration since the start ('7h') within a year of the start" \
    "$ricochet" why run lis --at "T+$(digits 400)h"
  expect_error "error: --at: '999999999999999999999999999999999999999999999999999999999999...' is more than a year from the start; expected a local date-time ('2026-10-18 05:00'), 'T+7h' or a duration since the start ('7h') within a year of the start" \
    "$ricochet" why run lis --at "$(digits 308)h"
  expect_error "error: --at: 'T+365d1s' is more than a year from the start; expected a local date-time ('2026-10-18 05:00'), 'T+7h' or a duration since the start ('7h') within a year of the start" \
    "$ricochet" why run lis --at "T+365d1s"
  expect_error "error: --at: expected a local date-time ('2026-10-18 05:00'), 'T+7h' or a duration since the start ('7h'), found 'inf'" \
    "$ricochet" why run lis --at inf
  expect_ok "$ricochet" why run lis --at T+365d
  ;;
csv-injection)
  # Cells that start with '=', '+', '-', '@', TAB or CR are guarded with a quote in the CSV, and only there.
  expect_ok "$ricochet" msel formulas.yaml --out a.csv
  python3 - <<'EOF'
import csv, io
rows = list(csv.reader(io.StringIO(open("a.csv", encoding="utf-8-sig", newline="").read()), delimiter=";"))
bad = [c for r in rows for c in r if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
assert not bad, f"cells a spreadsheet takes for formulas: {bad}"
cells = {r[0]: r for r in rows}
assert cells["eq"][6] == "'=ES-direction" and cells["eq"][7] == "'=HYPERLINK(\"http://x.invalid\",\"clic\")", cells["eq"]
assert cells["eq"][10] == "'-2+3" and cells["plus"][5] == "'@CERT" and cells["tab"][7] == "'\tindenté", rows
assert cells["tab"][8] == "'\rretour", cells["tab"]
# a text that starts with a quote before one of those characters (or before a quote) gets one more quote
assert cells["quoted"][7] == "''=pas une formule" and cells["quoted"][10] == "'''-deux", cells["quoted"]
assert cells["quoted"][5] == "'apostrophe" and cells["quote-alone"][7] == "'" and cells["quote-alone"][3] == "'''"
print("ok: the CSV holds no formula")
EOF
  # export -> import -> export gives the same file, through CSV and through XLSX; the XLSX holds the texts as text,
  # without the quote.
  for form in csv xlsx; do
    expect_ok "$ricochet" msel formulas.yaml --out a.$form
    cp formulas.yaml imported-$form.yaml
    expect_ok "$ricochet" msel imported-$form.yaml --import a.$form
    expect_ok "$ricochet" msel imported-$form.yaml --out b-from-$form.csv
    cmp a.csv b-from-$form.csv || fail "export -> import ($form) -> export changed the chronogramme"
  done
  unzip -p a.xlsx xl/sharedStrings.xml > shared.xml
  grep -qF '<t>=HYPERLINK("http://x.invalid","clic")</t>' shared.xml || fail "the XLSX does not hold the formula text as text"
  grep -qF '<t>@CERT</t>' shared.xml || fail "the XLSX does not hold '@CERT' as it is"
  grep -q '<f>' a.xlsx && fail "the XLSX holds a formula"
  echo "ok: round trips identical; the XLSX holds text cells"
  ;;
xlsx-text)
  python3 - <<'EOF'
base = open("../sim/injects.yaml", encoding="utf-8").read().split("injects:")[0].replace("regions/", "../sim/regions/")
def scenario(name, stimulus):
    open(name, "w", encoding="utf-8").write(base + "injects:\n  generated: false\n  scripted:\n"
        f"    - {{id: {name[:-5]}, at: T+10min, to: ES-direction, stimulus: \"{stimulus}\"}}\n")
scenario("long.yaml", "x" * 32768)
scenario("fits.yaml", "é" * 32767)
scenario("nul.yaml", "avant\\0après")
scenario("escapes.yaml", "_x0041" + "\\e" + " _xD83D__xDE00_ _x00e9_")
EOF
  expect_error "long.xlsx: error: cannot write inject 'long' to an XLSX file: its stimulus is 32768 characters long; an XLSX cell holds at most 32767 (Excel's limit): shorten it, or export to .csv, which has no such limit" \
    "$ricochet" msel long.yaml --out long.xlsx
  expect_error "nul.xlsx: error: cannot write inject 'nul' to an XLSX file: its stimulus holds a NUL character, which an XLSX cell cannot hold (XML 1.0 has no way to write it): remove it, or export to .csv" \
    "$ricochet" msel nul.yaml --out nul.xlsx
  expect_error "nul.csv: error: cannot write inject 'nul' to a CSV file: its stimulus holds a NUL character, which spreadsheets cannot read: remove it" \
    "$ricochet" msel nul.yaml --out nul.csv
  [ ! -e long.xlsx ] && [ ! -e nul.xlsx ] && [ ! -e nul.csv ] || fail "a refused export wrote a file"
  [ -z "$(ls -A | grep '^\.')" ] || fail "a refused export left files: $(ls -A | grep '^\.')"
  # 32,767 characters (of two bytes each) fit; CR, ESC and texts that look like OOXML escapes round-trip.
  for name in fits escapes formulas; do
    expect_ok "$ricochet" msel $name.yaml --out $name.csv
    expect_ok "$ricochet" msel $name.yaml --out $name.xlsx
    cp $name.yaml $name-back.yaml
    expect_ok "$ricochet" msel $name-back.yaml --import $name.xlsx
    expect_ok "$ricochet" msel $name-back.yaml --out $name-back.csv
    cmp $name.csv $name-back.csv || fail "$name: text changed through XLSX"
  done
  grep -q "$(printf 'ligne\r')" formulas-back.csv || fail "no CR after the XLSX round trip"
  grep -q "$(printf '\033')\[31mrouge" formulas-back.csv || fail "no ESC after the XLSX round trip"
  # Escapes written by other programs: lower-case hex, a surrogate pair; an escape of NUL is refused.
  python3 - <<'EOF'
import zipfile
def xlsx(name, stimulus):
    with zipfile.ZipFile(name, "w") as z:
        z.writestr("xl/worksheets/sheet1.xml", '<worksheet><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>T+</t></is></c>'
            '<c r="C1" t="inlineStr"><is><t>destinataire</t></is></c><c r="D1" t="inlineStr"><is><t>stimulus</t></is></c></row>'
            '<row r="2"><c r="A2" t="inlineStr"><is><t>r2</t></is></c><c r="B2" t="inlineStr"><is><t>T+1h</t></is></c>'
            '<c r="C2" t="inlineStr"><is><t>ES-direction</t></is></c>'
            f'<c r="D2" t="inlineStr"><is><t>{stimulus}</t></is></c></row></sheetData></worksheet>')
xlsx("other.xlsx", "a_x000d_b_xd83d__xde00_c_x005f_x0041_")
xlsx("escaped-nul.xlsx", "a_x0000_b")
EOF
  cp formulas.yaml other.yaml
  expect_ok "$ricochet" msel other.yaml --import other.xlsx
  grep -qF 'fr: "a\rb😀c_x0041_"' other.yaml || { grep -A3 'r2' other.yaml >&2; fail "escapes of other programs not decoded"; }
  expect_error "escaped-nul.xlsx:2:4: error: this cell holds an escape ('_xHHHH_') of NUL or of half a surrogate pair, which is not text" \
    "$ricochet" msel other.yaml --import escaped-nul.xlsx
  ;;
extensions)
  # Extensions are read in any case; another one is refused, naming the two choices, before anything is simulated.
  expect_ok "$ricochet" msel formulas.yaml --out upper.XLSX
  python3 -c 'import sys, zipfile; sys.exit(0 if zipfile.is_zipfile("upper.XLSX") else 1)' || fail "upper.XLSX is not a workbook"
  expect_ok "$ricochet" msel formulas.yaml --out mixed.Csv
  expect_ok "$ricochet" msel formulas.yaml --out plain.csv
  cmp mixed.Csv plain.csv || fail "mixed.Csv is not the CSV"
  expect_error "chronogramme.txt: error: unknown extension '.txt'; expected a chronogramme file named .csv (CSV for Excel) or .xlsx (Excel workbook), in any case" \
    "$ricochet" msel formulas.yaml --out chronogramme.txt
  expect_error "chronogramme: error: no extension; expected a chronogramme file named .csv (CSV for Excel) or .xlsx (Excel workbook), in any case" \
    "$ricochet" msel formulas.yaml --out chronogramme
  [ ! -e chronogramme.txt ] && [ ! -e chronogramme ] || fail "a refused name was written"
  cp formulas.yaml imported.yaml
  expect_ok "$ricochet" msel imported.yaml --import upper.XLSX
  expect_ok "$ricochet" msel imported.yaml --import mixed.Csv
  cp plain.csv plain.txt
  expect_error "plain.txt: error: unknown extension '.txt'; expected a chronogramme file named .csv (CSV for Excel) or .xlsx (Excel workbook), in any case" \
    "$ricochet" msel imported.yaml --import plain.txt
  ;;
import-strict)
  fresh scenario.yaml
  printf 'id;T+;destinataire;stimulus\nr1;T+1h;ES-direction;"ouvert\nr2;T+2h;ES-direction;texte\nr3;T+3h;ES-direction;fin\n' > unclosed.csv
  expect_error "unclosed.csv:2:22: error: unclosed quote opened here: a quoted cell ends with a quote (a quote inside it is written \"\"); without one, the rest of the file would be a single cell" \
    "$ricochet" msel scenario.yaml --import unclosed.csv
  printf 'id;T+;destinataire;stimulus\nr1;T+1d 25:99;ES-direction;x\nr2;T+2h60;ES-direction;x\nr3;T+1d 02:30;ES-direction;x\n' > clock.csv
  expect_error "clock.csv:2:2: error: 'T+1d 25:99' is not a time since the start (in 'T+Nd HH:MM' the hours are 0 to 23 and the minutes 0 to 59)" \
    "$ricochet" msel scenario.yaml --import clock.csv
  grep -qxF "clock.csv:3:2: error: 'T+2h60' is not a time since the start (in 'T+HhMM' the minutes are 0 to 59)" err.txt ||
    fail "'T+2h60' was not refused"
  printf 'id;horaire;destinataire;stimulus\nr1;20/10 25:00;ES-direction;x\n' > time-of-day.csv
  expect_error "time-of-day.csv:2:2: error: '20/10 25:00' is not a time (expected 'HH:MM', hours 0 to 23 and minutes 0 to 59, or 'DD/MM HH:MM')" \
    "$ricochet" msel scenario.yaml --import time-of-day.csv
  # Infinite, huge or late times are reported at their cell, not at a line of the rewritten scenario.
  printf 'id;T+;destinataire;stimulus\nr1;T+%sh;ES-direction;x\nr2;T+%smin;ES-direction;x\nr3;T+1d;ES-direction;x\n' \
    "$(digits 400)" "$(digits 308)" > huge.csv
  expect_error "huge.csv:2:2: error: 'T+9999999999999999999999999999999999999999999999999999999999...' is not a time within the scenario: expected a time from T+0 to before its end, T+1d (Wed 21 Oct 08:00)" \
    "$ricochet" msel scenario.yaml --import huge.csv
  grep -qxF "huge.csv:3:2: error: 'T+9999999999999999999999999999999999999999999999999999999999...' is not a time within the scenario: expected a time from T+0 to before its end, T+1d (Wed 21 Oct 08:00)" err.txt ||
    fail "a T+ of 308 digits was not refused at its cell"
  grep -qxF "huge.csv:4:2: error: 'T+1d' is not a time within the scenario: expected a time from T+0 to before its end, T+1d (Wed 21 Oct 08:00)" err.txt ||
    fail "a T+ at the end was not refused at its cell"
  grep -q 'scenario.yaml' err.txt && fail "an error was reported in the rewritten scenario"
  python3 - "$(digits 400)" <<'EOF'
import sys, zipfile
cells = ["id", "T+", "destinataire", "stimulus"], ["r1", f"T+{sys.argv[1]}h", "ES-direction", "x"]
rows = "".join(f'<row r="{r + 1}">' + "".join(f'<c r="{"ABCD"[c]}{r + 1}" t="inlineStr"><is><t>{v}</t></is></c>'
               for c, v in enumerate(row)) + "</row>" for r, row in enumerate(cells))
with zipfile.ZipFile("huge.xlsx", "w") as z:
    z.writestr("xl/worksheets/sheet1.xml", f"<worksheet><sheetData>{rows}</sheetData></worksheet>")
EOF
  expect_error "huge.xlsx:2:2: error: 'T+9999999999999999999999999999999999999999999999999999999999...' is not a time within the scenario: expected a time from T+0 to before its end, T+1d (Wed 21 Oct 08:00)" \
    "$ricochet" msel scenario.yaml --import huge.xlsx
  cmp scenario.yaml pristine.yaml || fail "a refused import changed the scenario"
  ;;
own-hostile)
  fresh scenario.yaml
  printf '\357\273\277id;T+;destinataire;stimulus\r\n' > header.csv
  expect_error "header.csv: error: the chronogramme has a header but no inject rows (expected one row per inject after the header; to remove every scripted inject, edit the scenario's 'injects' block)" \
    "$ricochet" msel scenario.yaml --import header.csv
  awk 'BEGIN { printf "id;T+;destinataire;stimulus"; for (i = 0; i < 1000000; i++) printf ";"; print "" }' > wide.csv
  expect_error "wide.csv:1:257: error: more than 256 columns in this row; at most 256 are read" \
    "$ricochet" msel scenario.yaml --import wide.csv
  printf '\377\376i\000d\000;\000' > utf16.csv
  expect_error "utf16.csv: error: this file is UTF-16 text (Excel's \"Unicode text\"); expected a CSV in UTF-8 or Windows-1252: save it from Excel as \"CSV UTF-8\"" \
    "$ricochet" msel scenario.yaml --import utf16.csv
  printf 'id;T+;destinataire;stimulus\nr1;T+1h;ES-direction;a\000b\n' > nul.csv
  expect_error "nul.csv:2:4: error: this cell holds a NUL byte; expected text (is this really a CSV file?)" \
    "$ricochet" msel scenario.yaml --import nul.csv
  printf 'id;T+;destinataire;stimulus\nr1;T+1h;ES-direction;caf\351\000\n' > nul-1252.csv
  expect_error "nul-1252.csv:2:4: error: this cell holds a NUL byte; expected text (is this really a CSV file?)" \
    "$ricochet" msel scenario.yaml --import nul-1252.csv
  mkdir dir.csv
  expect_error "dir.csv: error: this is a directory; expected a chronogramme file (.csv or .xlsx)" \
    "$ricochet" msel scenario.yaml --import dir.csv
  python3 - <<'EOF'
import zipfile
def xlsx(name, sheet, shared=None):
    with zipfile.ZipFile(name, "w") as z:
        z.writestr("xl/worksheets/sheet1.xml", f"<worksheet><sheetData>{sheet}</sheetData></worksheet>")
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared)
header = '<row r="1">' + "".join(f'<c r="{c}1" t="s"><v>{i}</v></c>' for i, c in enumerate("ABCD")) + "</row>"
sst = "<sst>" + "".join(f"<si><t>{t}</t></si>" for t in ("id", "T+", "destinataire", "stimulus", "r2", "T+1h", "ES-direction")) + \
      "<si><r><t>rich </t></r><r><t>text</t></r><rPh><t>phonetic</t></rPh></si><si><t> </t></si><si><t>r3</t></si></sst>"
row = lambda d: '<row r="2">' + "".join(f'<c r="{c}2" t="s"><v>{v}</v></c>' for c, v in zip("ABC", (4, 5, 6))) + \
      f'<c r="D2" t="s"><v>{d}</v></c></row>'
xlsx("out-of-range.xlsx", header + row(99), sst)
xlsx("not-a-number.xlsx", header + row("x"), sst)
xlsx("broken-shared.xlsx", header + row(7), "<sst><si><t>id</t>")
# Sheets reordered in Excel: the first listed is sheet2.xml; sheet1.xml (now second) holds no chronogramme.
with zipfile.ZipFile("reordered.xlsx", "w") as z:
    z.writestr("xl/workbook.xml", '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
               '<sheets><sheet name="chronogramme" sheetId="2" r:id="rId2"/><sheet name="old" sheetId="1" r:id="rId1"/>'
               '</sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
               '<Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>')
    z.writestr("xl/worksheets/sheet1.xml", "<worksheet><sheetData/></worksheet>")
    z.writestr("xl/worksheets/sheet2.xml", f"<worksheet><sheetData>{header + row(7)}</sheetData></worksheet>")
    z.writestr("xl/sharedStrings.xml", sst)
xlsx("rich.xlsx", header + row(7) + '<row r="3"><c r="A3" t="s"><v>9</v></c><c r="B3" t="s"><v>5</v></c>'
     '<c r="C3" t="s"><v>6</v></c><c r="D3" t="s"><v>8</v></c></row>', sst)
EOF
  expect_error "out-of-range.xlsx:2:4: error: this cell refers to shared string 99, but the workbook has 10 (numbered from 0)" \
    "$ricochet" msel scenario.yaml --import out-of-range.xlsx
  expect_error "not-a-number.xlsx:2:4: error: this cell refers to shared string 'x'; expected its number" \
    "$ricochet" msel scenario.yaml --import not-a-number.xlsx
  expect_error "broken-shared.xlsx: error: the shared strings of the workbook (xl/sharedStrings.xml) are not readable XML" \
    "$ricochet" msel scenario.yaml --import broken-shared.xlsx
  cmp scenario.yaml pristine.yaml || fail "a refused import changed the scenario"
  # Rich text keeps its runs but not the phonetic reading; a cell of one space is a cell of one space.
  printf 'id;T+;destinataire;stimulus\nr2;T+1h;ES-direction;rich text\nr3;T+1h;ES-direction;" "\n' > rich.csv
  for form in xlsx csv; do
    fresh rich-$form.yaml
    expect_ok "$ricochet" msel rich-$form.yaml --import rich.$form
  done
  cmp rich-xlsx.yaml rich-csv.yaml || fail "the workbook's rich text or space did not import as the CSV's"
  fresh reordered.yaml
  expect_ok "$ricochet" msel reordered.yaml --import reordered.xlsx
  grep -qF 'fr: "rich text"' reordered.yaml || fail "the first sheet of a reordered workbook was not the one read"
  grep -qF 'fr: "rich text"' rich-xlsx.yaml && grep -qF 'fr: " "' rich-xlsx.yaml || fail "rich text or space lost"
  # Windows line endings, old Mac ones (CR alone), a ',' separated file whose header has a quoted ';', and a quote
  # inside a cell (text, as Excel reads it) all import alike.
  printf 'id;T+;destinataire;stimulus\r\nr1;T+1h;ES-direction;un écran 12" et plus\r\nr2;T+2h;ES-direction;"a;b"\r\n' > crlf.csv
  printf 'id;T+;destinataire;stimulus\rr1;T+1h;ES-direction;un écran 12" et plus\rr2;T+2h;ES-direction;"a;b"\r' > cr.csv
  printf 'id,T+,destinataire,stimulus,"commentaire; animateur"\nr1,T+1h,ES-direction,"un écran 12"" et plus",x\nr2,T+2h,ES-direction,a;b,y\n' > comma.csv
  for form in crlf cr comma; do
    fresh $form.yaml
    expect_ok "$ricochet" msel $form.yaml --import $form.csv
  done
  grep -qF 'fr: "un écran 12\" et plus"' crlf.yaml || fail "a quote inside a cell was not read as text"
  cmp crlf.yaml cr.yaml || fail "CR line ends import differently"
  grep -c '^    - id:' comma.yaml | grep -qx 2 || fail "the ',' file did not import two injects"
  grep -qF 'fr: "a;b"' comma.yaml || fail "a ';' in a cell of the ',' file was not text"
  # Two columns for one field: the first is read, and the second is named in a warning.
  printf 'id;T+;destinataire;stimulus;message\nr1;T+1h;ES-direction;premier;second\n' > twice.csv
  fresh twice.yaml
  expect_ok "$ricochet" msel twice.yaml --import twice.csv
  grep -qxF "twice.csv:1:5: warning: column 'message' is not read: column 4 ('stimulus') is read for the same field" err.txt ||
    { cat err.txt >&2; fail "no warning for a second stimulus column"; }
  grep -qF 'fr: "premier"' twice.yaml || fail "the first stimulus column was not the one read"
  ;;
xlsx-kill)
  # libxlsxwriter's scratch files and the workbook before it is renamed into place live in a hidden directory
  # beside the output: an export killed at any point leaves nothing in $TMPDIR, and beside the output nothing
  # but hidden temporary files of it. A file size limit stops the export deterministically while libxlsxwriter
  # writes (SIGXFSZ); then SIGKILLs at points spread over the export, from a fixed seed.
  mkdir tmp && export TMPDIR="$PWD/tmp"
  mkdir out
  expect_ok "$ricochet" msel formulas.yaml --out out/chronogramme.xlsx
  cp out/chronogramme.xlsx good.xlsx
  set +e
  ( ulimit -f 4; exec "$ricochet" msel $scenario --out out/chronogramme.xlsx ) > out.txt 2> err.txt
  rc=$?
  set -e
  [ $rc -ne 0 ] || fail "the export under a 2 KiB file size limit succeeded: the test no longer stops it"
  [ -z "$(ls -A tmp)" ] || fail "a stopped export left files in \$TMPDIR: $(ls -A tmp)"
  cmp out/chronogramme.xlsx good.xlsx || fail "a stopped export changed the output"
  for f in $(ls -A out); do
    case "$f" in chronogramme.xlsx | .chronogramme.xlsx.tmp-??????) ;; *) fail "out/$f left by a stopped export" ;; esac
  done
  rm -rf out/.chronogramme.xlsx.tmp-*
  start=$(date +%s%3N)
  expect_ok "$ricochet" msel $scenario --out out/timed.xlsx
  ms=$(($(date +%s%3N) - start + 1))
  rm out/timed.xlsx
  for delay in $(awk -v n=20 -v ms=$ms 'BEGIN { srand(20261204); for (i = 0; i < n; i++) printf "%.3f\n", 1.2 * ms * rand() / 1000 }'); do
    "$ricochet" msel $scenario --out out/chronogramme.xlsx > /dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    kill -9 $pid 2>/dev/null || true
    wait $pid 2>/dev/null || true
    [ -z "$(ls -A tmp)" ] || fail "an export killed after ${delay}s left files in \$TMPDIR: $(ls -A tmp)"
    for f in $(ls -A out); do
      case "$f" in chronogramme.xlsx | .chronogramme.xlsx.tmp-??????) ;; *) fail "out/$f left by a kill" ;; esac
    done
  done
  echo "ok: nothing left in \$TMPDIR by stopped or killed exports"
  expect_ok "$ricochet" msel $scenario --out out/chronogramme.xlsx
  rm -rf out/.chronogramme.xlsx.tmp-*
  expect_ok "$ricochet" msel $scenario --out out/chronogramme.xlsx
  [ "$(ls -A out)" = chronogramme.xlsx ] || fail "a complete export left: $(ls -A out)"
  ;;
*)
  fail "unknown case $case"
  ;;
esac
echo "$case: ok"
