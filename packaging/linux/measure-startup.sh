#!/usr/bin/env bash
# Cold start of the packaged app, launcher exec -> its first window visible on the X server, on a private Xvfb.
# Run after mvn -Pnative package:   bash packaging/linux/measure-startup.sh [runs, default 7]
# Measures, each <runs> times, and prints the median in ms:
#   appcds  - dist/Expanse/bin/Expanse --sandbox as packaged (AppCDS archive lib/app/expanse.jsa)
#   nocds   - the same launcher with the AppCDS option taken out of lib/app/Expanse.cfg (JDK's own CDS only)
#   bare    - a one-label JavaFX window (src/bench/java/.../BareWindow.java) on the same jlinked runtime
# The page cache is warm (files were just read); the first run of each series is dropped.
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

display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

"$RUNTIME/bin/java" -version >/dev/null 2>&1
javac -d "$work/bench" --release 17 --module-path "$OUT/jfx" --add-modules javafx.controls \
  src/bench/java/io/expanse/bench/BareWindow.java

# one_run TITLE CMD... : ms from exec to a visible window named TITLE
one_run() {
  local title=$1; shift
  local t0 t1 pid
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 &
  pid=$!
  until xdotool search --onlyvisible --name "^$title\$" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "process died before showing '$title'" >&2; return 1; }
    sleep 0.005
  done
  t1=$(date +%s%N)
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  echo $(( (t1 - t0) / 1000000 ))
}

series() {
  local name=$1; shift
  local times=() median
  one_run "$@" >/dev/null   # warm-up, dropped
  for _ in $(seq "$RUNS"); do times+=("$(one_run "$@")"); done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-7s median %5s ms   runs: %s\n' "$name" "$median" "${times[*]}"
}

echo "cold start, launcher exec -> first window visible (Xvfb, warm page cache, $RUNS runs + 1 dropped)"
series appcds Expanse "$APP/bin/Expanse" --sandbox
sed -i -e '/SharedArchiveFile=/d' "$CFG"
series nocds Expanse "$APP/bin/Expanse" --sandbox
cp "$work/Expanse.cfg" "$CFG"
series bare "Bare JavaFX window" "$RUNTIME/bin/java" -Xmx512m -Dfile.encoding=UTF-8 -cp "$work/bench" io.expanse.bench.BareWindow
