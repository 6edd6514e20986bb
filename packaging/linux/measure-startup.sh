#!/usr/bin/env bash
# Cold start of the packaged app, launcher exec -> its first window visible on the X server, on a private Xvfb.
# Run after mvn -Pnative package:   bash packaging/linux/measure-startup.sh [runs, default 7]
# Measures <runs> rounds and prints the median in ms of each of:
#   appcds  - dist/Expanse/bin/Expanse --sandbox as packaged (AppCDS archive lib/app/expanse.jsa)
#   nocds   - the same launcher with the AppCDS option taken out of lib/app/Expanse.cfg (no CDS at all: the
#             jlinked runtime has no default archive, the app's archive replaces it)
#   bare    - a one-label JavaFX window (src/bench/java/.../BareWindow.java) on the same jlinked runtime
# The page cache is warm (files were just read); the first round is dropped.
# Needs Xvfb and xdotool (Debian: xvfb xdotool).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-7}
OUT=$(cd "${EXPANSE_NATIVE_DIR:-target/package}" && pwd)
APP="$OUT/dist/Expanse"
RUNTIME="$APP/lib/runtime"
CFG="$APP/lib/app/Expanse.cfg"
[ -x "$APP/bin/Expanse" ] || { echo "no app-image at $APP: run mvn -Pnative package first" >&2; exit 2; }

work=$(mktemp -d)
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state"
cp "$CFG" "$work/Expanse.cfg"
xvfb_pid=
cleanup() {
  cp "$work/Expanse.cfg" "$CFG"
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A private X server on a free display (Xvfb picks it and writes its number to fd 3).
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp -noreset 3>"$work/display" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { echo "Xvfb did not start" >&2; exit 1; }
export DISPLAY=:$(cat "$work/display")

"$RUNTIME/bin/java" -version >/dev/null 2>&1
javac -d "$work/bench" --release 17 --module-path "$OUT/jfx" --add-modules javafx.controls \
  src/bench/java/io/expanse/bench/BareWindow.java

# one_run TITLE CMD... : ms from exec to a visible window named TITLE
one_run() {
  local title=$1; shift
  local t0 t1 pid
  t0=$(date +%s%N)
  "$@" >"$work/run.log" 2>&1 &
  pid=$!
  until xdotool search --onlyvisible --name "^$title\$" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "process died before showing '$title':" >&2; tail -20 "$work/run.log" >&2; return 1; }
    sleep 0.005
  done
  t1=$(date +%s%N)
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  echo $(( (t1 - t0) / 1000000 ))
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

sed -e '/SharedArchiveFile=/d' "$work/Expanse.cfg" > "$work/Expanse-nocds.cfg"
appcds() { cp "$work/Expanse.cfg" "$CFG"; one_run Expanse "$APP/bin/Expanse" --sandbox; }
nocds() { cp "$work/Expanse-nocds.cfg" "$CFG"; one_run Expanse "$APP/bin/Expanse" --sandbox; }
bare() { one_run "Bare JavaFX window" "$RUNTIME/bin/java" -Xmx512m -Dfile.encoding=UTF-8 -cp "$work/bench" \
  io.expanse.bench.BareWindow; }

echo "cold start, launcher exec -> first window visible (Xvfb, warm page cache, $RUNS rounds + 1 dropped;"
echo "each round runs the three in turn, so a change in machine load hits all three alike)"
appcds >/dev/null; nocds >/dev/null; bare >/dev/null   # warm-up round, dropped
a=(); n=(); b=()
for _ in $(seq "$RUNS"); do a+=("$(appcds)"); n+=("$(nocds)"); b+=("$(bare)"); done
cp "$work/Expanse.cfg" "$CFG"
printf '%-7s median %5s ms   runs: %s\n' appcds "$(median "${a[@]}")" "${a[*]}" nocds "$(median "${n[@]}")" "${n[*]}" \
  bare "$(median "${b[@]}")" "${b[*]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
