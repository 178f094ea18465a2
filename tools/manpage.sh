#!/bin/sh
# The man page of a ricochet program, made by help2man from the program's own --help and --version, with one
# section per subcommand (its --help as printed), then gzipped.
#   sh tools/manpage.sh PROGRAM OUT.1 "ONE-LINE DESCRIPTION"
set -eu
program=$1 out=$2 name=$3
name_of=$(basename "$program")
mkdir -p "$(dirname "$out")"
include=$(mktemp)
trap 'rm -f "$include"' EXIT

# Subcommands are the lines indented under "Subcommands:" in the top-level help.
subcommands=$("$program" --help | awk '/^Subcommands:/ {on = 1; next} on && /^  [a-z]/ {print $1} on && /^[^ ]/ {on = 0}')
if [ -n "$subcommands" ]; then
  echo "[COMMANDS]" >> "$include"
  for sub in $subcommands; do
    printf '.SS %s\n.nf\n' "$sub" >> "$include"
    # roff: a backslash is written \e, a leading dot or quote would be a request
    "$program" "$sub" --help | sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/" >> "$include"
    printf '.fi\n' >> "$include"
  done
fi
cat >> "$include" <<'TEXT'
[FILES]
.TP
.I /usr/share/ricochet/scenarios
The scenario library: the reference region, the 2026 regional exercise, what-if scenarios.
.TP
.I /usr/share/ricochet/examples
Small examples, one idea each, with their expected outputs.
.TP
.I /usr/share/doc/ricochet
The guides: scenario format, run outputs, trainer's guide, quick starts in French and English.
[SEE ALSO]
.BR ricochet (1),
.BR ricochet-view (1)
TEXT

help2man --no-info --no-discard-stderr --name="$name" --include="$include" --output="$out" "$program"
gzip -9nf "$out"
