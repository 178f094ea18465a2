#!/bin/sh
# Resource limits on inputs: a national region of 50,000 assets loads; a region file over 64 MiB, an endless one
# (/dev/zero), chronogrammes with too many rows, too long a cell or too big a file, an XLSX zip bomb and an XLSX row
# number of four billion are each refused with one clear error and exit 2, quickly and in bounded memory.
# The big inputs are generated here, never committed.
#   input_limits.sh RICOCHET SIM_DATA_DIR WORKDIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
ricochet=$1 data=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work"
cp -r "$data"/. . && cp injects.yaml scenario.yaml
. "$here"/expect.sh # fail, bound, expect_error

python3 - <<'EOF'
import zipfile
# A national region: 1,000 hospitals of 50 assets each, linked in a chain.
out = ["name: national", "organisations:"]
for o in range(1000):
    out += [f"  - id: org{o}", "    kind: hospital", "    zones: [servers, users]", "    assets:",
            f"      - {{id: o{o}-ad, kind: directory, zone: servers}}",
            f"      - {{id: o{o}-hv, kind: hypervisor, zone: servers}}"]
    out += [f"      - {{id: o{o}-a{a}, kind: application, zone: servers, runs_on: o{o}-hv, depends_on: [o{o}-ad]}}"
            for a in range(48)]
out.append("links:")
for o in range(1000):
    out.append(f"  - {{id: l{o}, from: org{o}/users, to: org{o}/servers, flows: [https]}}")
    if o:
        out.append(f"  - {{id: w{o}, from: org{o}, to: org{o-1}/servers, flows: [https]}}")
national = "\n".join(out) + "\n"
open("national.yaml", "w").write(national)
# The same region padded with comments past 64 MiB.
with open("huge.yaml", "w") as f:
    f.write(national)
    pad = "# " + "x" * 1021 + "\n"
    f.write(pad * (65 * 1024 - len(national) // 1024 + 16))
header = "id;T+;canal;destinataire;stimulus\n"
open("rows.csv", "w").write(header + "".join(f"r{i};T+{i}min;mail;ES-direction;x\n" for i in range(100001)))
open("cell.csv", "w").write(header + "long;T+1h;mail;ES-direction;" + "x" * 70000 + "\n")
open("big.csv", "w").write(header + "big;T+1h;mail;ES-direction;" + ("y" * 1000 + ";") * 17000 + "\n")
def xlsx(name, sheet, shared=None):
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared)
xlsx("bomb.xlsx", "<worksheet>" + " " * (200 << 20) + "</worksheet>")
xlsx("far-row.xlsx", '<worksheet><sheetData><row r="4000000000"><c r="A4000000000" t="inlineStr"><is><t>x</t></is></c>'
     '</row></sheetData></worksheet>')
xlsx("wide.xlsx", '<worksheet><sheetData><row r="1"><c r="AAAAAAAAAAAAAAAAAAAA1"><v>1</v></c></row></sheetData></worksheet>')
# One shared string of 60 KiB, referenced by 2,000 cells: 120 MB of text from a few kilobytes.
rows = "".join(f'<row r="{r}">' + "".join(f'<c r="{chr(65 + c)}{r}" t="s"><v>0</v></c>' for c in range(20)) + "</row>"
               for r in range(1, 101))
xlsx("shared.xlsx", "<worksheet><sheetData>" + rows + "</sheetData></worksheet>",
     "<sst><si><t>" + "z" * 60000 + "</t></si></sst>")
EOF
echo "generated: national.yaml $(wc -c < national.yaml) bytes, huge.yaml $(wc -c < huge.yaml) bytes"

start=$(date +%s)
"$ricochet" validate national.yaml > out.txt 2> err.txt || { tail -3 err.txt >&2; fail "the national region does not load"; }
grep -qF "national.yaml: ok (region," out.txt err.txt || fail "no ok line for the national region"
echo "ok: 50,000 assets load in $(($(date +%s) - start)) s"

expect_error "huge.yaml: error: cannot read file: it is larger than 64 MiB, the most a region or scenario file may hold" \
  "$ricochet" validate huge.yaml
expect_error "/dev/zero: error: cannot read file: it is larger than 64 MiB, the most a region or scenario file may hold" \
  "$ricochet" validate /dev/zero
expect_error "rows.csv:100001:1: error: the chronogramme has more than 100000 rows; at most 100000 are read" \
  "$ricochet" msel scenario.yaml --import rows.csv
expect_error "cell.csv:2:5: error: this cell holds more than 65536 bytes; at most 65536 are read" \
  "$ricochet" msel scenario.yaml --import cell.csv
expect_error "big.csv: error: the chronogramme is larger than 16 MiB; at most 16 MiB are read" \
  "$ricochet" msel scenario.yaml --import big.csv
expect_error "bomb.xlsx: error: xl/worksheets/sheet1.xml in the workbook unpacks to more than 64 MiB; at most 64 MiB are read" \
  "$ricochet" msel scenario.yaml --import bomb.xlsx
expect_error "far-row.xlsx:4000000000:1: error: the chronogramme has more than 100000 rows; at most 100000 are read" \
  "$ricochet" msel scenario.yaml --import far-row.xlsx
expect_error "wide.xlsx:1:257: error: more than 256 columns in this row; at most 256 are read" \
  "$ricochet" msel scenario.yaml --import wide.xlsx
expect_error "shared.xlsx:56:19: error: the chronogramme holds more than 64 MiB of text; at most 64 MiB are read" \
  "$ricochet" msel scenario.yaml --import shared.xlsx
cmp scenario.yaml "$data"/injects.yaml || fail "a refused import changed the scenario"
echo "input limits hold"
