#!/usr/bin/env bash
# Installs a PropertyAudit .deb, uses it as an analyst would, and removes it (CI, as root):
# the propertyaudit command and the menu entry exist; with no JDK on the PATH the command answers
# --version, runs a Simulated batch and lists it; the class-data archive maps; the window appears
# under Xvfb. Usage: installer/check-installed.sh target/installer/propertyaudit_VERSION_amd64.deb
set -euo pipefail
deb=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

apt-get install -y -qq --no-install-recommends "$(realpath "$deb")" >/dev/null
test -x /usr/bin/propertyaudit
desktop=$(ls /usr/share/applications/*propertyaudit*.desktop)
grep -q '^Categories=Office' "$desktop"
echo "Installed: /usr/bin/propertyaudit -> $(readlink /usr/bin/propertyaudit); menu entry $desktop"
du -sh /opt/propertyaudit

# Nothing of the build machine: a PATH with only the installed command, no JAVA_HOME.
mkdir -p "$work/bin" "$work/home"
ln -s /usr/bin/propertyaudit "$work/bin/propertyaudit"
run() { env -i HOME="$work/home" PATH="$work/bin" "$@"; }
if run sh -c 'command -v java' 2>/dev/null; then echo "java is on the test PATH" >&2; exit 1; fi
run propertyaudit --version
# -Xshare:on fails the start if the class-data archive cannot be mapped where the app was installed.
if ! run JAVA_TOOL_OPTIONS=-Xshare:on propertyaudit --version >"$work/cds.txt" 2>&1 || grep -q 'cds' "$work/cds.txt"; then
  cat "$work/cds.txt" >&2
  echo "The installed app's class-data archive is not used." >&2
  exit 1
fi
echo "The class-data archive maps."
run propertyaudit --home "$work/data" run --property "$(pwd)/src/test/resources/examples/score/property.json" \
  --surface simulated:demo --json >"$work/run.json"
grep -q '"status":"complete"' "$work/run.json"
start=$(date +%s%N)
run propertyaudit --home "$work/data" batches --json | grep -q '"status":"complete"'
echo "propertyaudit batches --json: $(( ($(date +%s%N) - start) / 1000000 )) ms"

# The window: the installed command with no arguments, under a virtual display of its own.
xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
  env -i HOME="$1" PATH="$2" DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" propertyaudit --home "$3" &
  app=$!
  for _ in $(seq 1 120); do
    if xwininfo -root -tree | grep -q "\"PropertyAudit\""; then
      xwininfo -root -tree | grep "\"PropertyAudit\""
      kill "$app"; wait "$app" || true
      exit 0
    fi
    sleep 0.5
  done
  kill "$app" || true
  echo "The installed app showed no window within 60 s." >&2
  exit 1' _ "$work/home" "$work/bin" "$work/data"
echo "The installed app opened its window."

dpkg -r propertyaudit >/dev/null
test ! -e /usr/bin/propertyaudit
test ! -e /opt/propertyaudit/bin/PropertyAudit
echo "Removed."
# Each step above stops the script when it fails: reaching here, all of them passed.
echo "installer checks: 9 passed, 0 failed"
