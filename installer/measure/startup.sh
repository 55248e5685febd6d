#!/usr/bin/env bash
# Time to the first painted window, warm and on a new data folder, for the jar and the installed
# app, each against a bare JavaFX window on the same runtime; and `propertyaudit batches --json`
# from the installed command. Prints a table of medians. Run under a display of its own, after
# `./mvnw -DskipTests package` and with the .deb installed:
#   xvfb-run -a -s "-screen 0 1366x768x24" installer/measure/startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
jar=target/propertyaudit.jar
installed=/opt/propertyaudit
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

javac -d "$work/bare" -cp "$jar" installer/measure/BareWindow.java
first() { /usr/bin/python3 installer/measure/first_window.py -- "$@"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

declare -A ms
measure() { # name command...: one run, appended to the samples of name
  local name=$1; shift
  ms[$name]+="$(first "$@") "
}
# Warm: the data folder exists and the OS has the files cached; one run of each first.
java -jar "$jar" --home "$work/warm-jar" --version >/dev/null
first java -jar "$jar" --home "$work/warm-jar" >/dev/null
if [[ -x $installed/bin/PropertyAudit ]]; then first "$installed/bin/PropertyAudit" --home "$work/warm-installed" >/dev/null; fi
# The bare window maps the app's class-data archive too (its class path begins with the same jar):
# the same runtime at its best.
bare_installed=("$installed/lib/runtime/bin/java" -XX:+UseSerialGC "-XX:SharedArchiveFile=$installed/lib/app/propertyaudit.jsa"
  -cp "$installed/lib/app/propertyaudit.jar:$work/bare" BareWindow)
for i in $(seq 1 "$runs"); do
  measure "jar: bare JavaFX window" java -cp "$jar:$work/bare" BareWindow
  measure "jar: PropertyAudit, warm" java -jar "$jar" --home "$work/warm-jar"
  measure "jar: PropertyAudit, new data folder" java -jar "$jar" --home "$work/new-jar-$i"
  if [[ -x $installed/bin/PropertyAudit ]]; then
    measure "installed: bare JavaFX window" "${bare_installed[@]}"
    measure "installed: PropertyAudit, warm" "$installed/bin/PropertyAudit" --home "$work/warm-installed"
    measure "installed: PropertyAudit, new data folder" "$installed/bin/PropertyAudit" --home "$work/new-installed-$i"
  fi
done

printf '\n| first painted window (median of %s) | ms | × bare window, same runtime |\n|---|---:|---:|\n' "$runs"
for name in "jar: bare JavaFX window" "jar: PropertyAudit, warm" "jar: PropertyAudit, new data folder" \
    "installed: bare JavaFX window" "installed: PropertyAudit, warm" "installed: PropertyAudit, new data folder"; do
  [[ -n ${ms[$name]:-} ]] || continue
  m=$(tr ' ' '\n' <<<"${ms[$name]}" | grep . | median)
  bare=$(tr ' ' '\n' <<<"${ms[${name%%:*}: bare JavaFX window]}" | grep . | median)
  printf '| %s | %s | %s |\n' "$name" "$m" "$(awk -v a="$m" -v b="$bare" 'BEGIN {printf "%.2f", a / b}')"
done
if [[ -x $installed/bin/PropertyAudit ]]; then
  samples=""
  for i in $(seq 1 "$runs"); do
    s=$(date +%s%N)
    "$installed/bin/PropertyAudit" --home "$work/warm-installed" batches --json >/dev/null
    samples+="$(( ($(date +%s%N) - s) / 1000000 )) "
  done
  printf '| installed: propertyaudit batches --json, wall | %s | |\n' "$(tr ' ' '\n' <<<"$samples" | grep . | median)"
fi
printf '\nload average during the runs: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
