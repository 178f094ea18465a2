#!/bin/sh
# Builds the seed corpora of the fuzz harnesses from the project's own files (the corpora are not committed):
#   fuzz/make_corpus.sh RICOCHET OUT_DIR
# OUT_DIR/loader        every region and scenario YAML under scenarios/, examples/ and tests/data/ (but files over
#                       100 kB, too slow to mutate), a scenario's region renamed src/<its path in the source tree>,
#                       which is where fuzz_loader serves the source tree;
# OUT_DIR/chronogramme  chronogrammes exported by `RICOCHET msel` from the test scenarios, CSV and XLSX, fr and en,
#                       and the CSVs of tests/data/fuzz/, each behind fuzz_chronogramme's form byte; and each XLSX's
#                       sheet and shared strings unpacked (form 2), so that mutations start from real XML.
set -eu
ricochet=$(realpath "$1") out=$2
src=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$out/loader" "$out/chronogramme" && mkdir -p "$out/loader" "$out/chronogramme"
out=$(realpath "$out")

python3 - "$src" "$out/loader" <<'PY'
import os, re, sys
src, out = sys.argv[1], sys.argv[2]
region_line = re.compile(r'^region:[ \t]*(\S+)[ \t]*$', re.M)
count = 0
for top in ("scenarios", "examples", "tests/data"):
    for dirpath, _, files in os.walk(os.path.join(src, top)):
        for name in sorted(files):
            if not name.endswith(".yaml"):
                continue
            path = os.path.join(dirpath, name)
            if os.path.getsize(path) > 100_000:
                continue
            text = open(path, encoding="utf-8", errors="surrogateescape").read()
            def serve(m):
                region = os.path.normpath(os.path.join(os.path.dirname(path), m.group(1).strip('"\'')))
                return "region: src/" + os.path.relpath(region, src)
            text = region_line.sub(serve, text, count=1)
            seed = os.path.relpath(path, src).replace("/", "_")
            open(os.path.join(out, seed), "w", encoding="utf-8", errors="surrogateescape").write(text)
            count += 1
print(f"{count} loader seeds")
PY

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/tests/data/sim/." "$work/"
for scenario in injects lab-cascade telephony governance; do
  for lang in fr en; do
    for ext in csv xlsx; do
      "$ricochet" msel "$work/$scenario.yaml" --lang $lang --out "$work/$scenario-$lang.$ext" > /dev/null 2>&1
    done
  done
done
python3 - "$work" "$src/tests/data/fuzz" "$out/chronogramme" <<'PY'
import glob, os, sys, zipfile
work, regressions, out = sys.argv[1:4]
def seed(name, form_byte, data):
    open(os.path.join(out, name), "wb").write(bytes([form_byte]) + data)
n = 0
for path in sorted(glob.glob(os.path.join(work, "*.csv")) + glob.glob(os.path.join(regressions, "*.csv"))):
    en = 4 if path.endswith("-en.csv") else 0
    seed("csv-" + os.path.basename(path), 0 | en, open(path, "rb").read()); n += 1
for path in sorted(glob.glob(os.path.join(work, "*.xlsx")) + glob.glob(os.path.join(regressions, "*.xlsx"))):
    en = 4 if path.endswith("-en.xlsx") else 0
    seed("xlsx-" + os.path.basename(path), 1 | en, open(path, "rb").read()); n += 1
    with zipfile.ZipFile(path) as z:
        parts = z.read("xl/worksheets/sheet1.xml")
        if "xl/sharedStrings.xml" in z.namelist():
            parts += b"\0" + z.read("xl/sharedStrings.xml")
    seed("xml-" + os.path.basename(path), 2 | en, parts); n += 1
print(f"{n} chronogramme seeds")
PY
