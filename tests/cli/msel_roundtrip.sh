#!/bin/sh
# Chronogramme round trip: export -> import into the scenario -> export gives the same file (CSV and XLSX);
# a chronogramme with bad rows (times, channels, empty texts, duplicate or invalid ids) is refused with FILE:ROW:COL
# errors and leaves the scenario untouched.
#   msel_roundtrip.sh RICOCHET SIM_DATA_DIR WORKDIR
set -eu
ricochet=$1 data=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cp -r "$data"/. "$work"/ && cd "$work"
for lang in fr en; do
  "$ricochet" msel injects.yaml --lang $lang --out a-$lang.csv
  cp injects.yaml csv-$lang.yaml
  "$ricochet" msel csv-$lang.yaml --import a-$lang.csv --lang $lang
  "$ricochet" msel csv-$lang.yaml --lang $lang --out b-$lang.csv
  cmp a-$lang.csv b-$lang.csv
  "$ricochet" msel injects.yaml --lang $lang --out a-$lang.xlsx
  cp injects.yaml xlsx-$lang.yaml
  "$ricochet" msel xlsx-$lang.yaml --import a-$lang.xlsx --lang $lang
  "$ricochet" msel xlsx-$lang.yaml --lang $lang --out b-$lang.xlsx
  "$ricochet" msel xlsx-$lang.yaml --lang $lang --out b-$lang-from-xlsx.csv
  cmp a-$lang.csv b-$lang-from-xlsx.csv
done
# A scenario that does not generate stimuli keeps not generating them after an import.
sed 's/^injects:$/injects:\n  generated: false/' injects.yaml > quiet.yaml
grep -q '^  generated: false$' quiet.yaml
"$ricochet" msel quiet.yaml --lang fr --out quiet.csv
"$ricochet" msel quiet.yaml --import quiet.csv --lang fr
grep -q '^  generated: false$' quiet.yaml || { echo "the import turned 'generated: false' into true" >&2; exit 1; }
printf '\357\273\277id;T+;canal;destinataire;stimulus\r\nok;T+10min;mail;ES-direction;Bonjour\r\nbad-time;demain;mail;ES-direction;x\r\nbad-channel;T+1h;pigeon;ES-direction;x\r\nno-text;T+2h;mail;ES-direction;\r\nok;T+3h;mail;ES-direction;Encore\r\nbad id;T+4h;mail;ES-direction;x\r\n' > bad.csv
cp injects.yaml untouched.yaml
if "$ricochet" msel untouched.yaml --import bad.csv 2> errors.txt; then
  echo "bad rows were accepted" >&2; exit 1
fi
cat errors.txt
grep -qF "bad.csv:3:2: error: 'demain' is not a time since the start" errors.txt
grep -qF "bad.csv:4:3: error: unknown channel 'pigeon'" errors.txt
grep -qF "bad.csv:5:5: error: empty stimulus" errors.txt
grep -qF "bad.csv:6:1: error: duplicate inject id 'ok' (first at row 2)" errors.txt
grep -qF "bad.csv:7:1: error: 'bad id' is not an inject id" errors.txt
cmp injects.yaml untouched.yaml
echo "round trips identical in fr and en, CSV and XLSX; bad rows reported with row and column"
