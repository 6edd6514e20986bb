#!/usr/bin/env bash
# Builds the Linux native app; run through Maven: mvn -Pnative package (README, "Install / build a native app").
# Maven has already built the app jar, copied the runtime dependencies to $EXPANSE_NATIVE_DIR/libs and the filtered
# jpackage argument files to $EXPANSE_NATIVE_DIR/cfg. This script then makes, under $EXPANSE_NATIVE_DIR:
#   runtime/          jlinked JDK + JavaFX with only the modules Expanse uses, the JavaFX natives in runtime/lib
#   dist/Expanse/     the app-image, with an AppCDS class list (lib/app/expanse.classlist) from one --sandbox --smoke
#                     run, and the archive dumped from it (lib/app/expanse.jsa, not shipped: see below)
#   dist/expanse_<version>-1_amd64.deb
# Needs JDK 17 (jlink, jpackage), fakeroot and dpkg-deb for the deb, and a display or xvfb-run for the CDS training run.
# EXPANSE_PACKAGE_TYPES=none builds only the app-image (default: deb).
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT=$(mkdir -p "${EXPANSE_NATIVE_DIR:-target/package}" && cd "${EXPANSE_NATIVE_DIR:-target/package}" && pwd)
JAR=${EXPANSE_JAR:?run through mvn -Pnative package}
TYPES=${EXPANSE_PACKAGE_TYPES:-deb}
JDK_BIN=${JAVA_HOME:+$JAVA_HOME/bin/}
# What the app needs from the JDK (found with jdeps over the app and its jars): sandbox HTTP server, logback (xml),
# Jackson and sqlite-jdbc (sql), ECDHE TLS for the cloud APIs, English and Chinese locale data.
MODULES=javafx.controls,javafx.fxml,java.logging,java.naming,java.sql,java.xml,jdk.httpserver,jdk.crypto.ec,jdk.localedata,jdk.unsupported

step() { printf '\n== [%3ss] %s\n' "$SECONDS" "$*"; }

step "Sorting jars"
rm -rf "$OUT/jfx" "$OUT/input" "$OUT/runtime" "$OUT/dist"
mkdir -p "$OUT/jfx" "$OUT/input" "$OUT/dist"
for jar in "$OUT"/libs/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-linux.jar|javafx-*-linux-aarch64.jar) cp "$jar" "$OUT/jfx/" ;;   # JavaFX with natives: linked into the runtime
    javafx-*.jar) ;;                                 # empty no-classifier JavaFX jars: never used
    *) cp "$jar" "$OUT/input/" ;;                    # everything else stays on the class path
  esac
done
cp "$JAR" "$OUT/input/"
# sqlite-jdbc (the activity history) carries a native library for every OS and architecture: keep this one's only.
case "$(uname -m)" in aarch64|arm64) SQLITE_ARCH=aarch64 ;; *) SQLITE_ARCH=x86_64 ;; esac
for jar in "$OUT"/input/sqlite-jdbc-*.jar; do
  [ -f "$jar" ] && bash packaging/slim-sqlite-jar.sh "$jar" Linux "$SQLITE_ARCH"
done

step "jlink: runtime with $MODULES"
"${JDK_BIN}jlink" --module-path "$OUT/jfx" --add-modules "$MODULES" --include-locales=en,zh \
  --compress=2 --strip-debug --no-header-files --no-man-pages --output "$OUT/runtime"
# JavaFX unpacks its natives into ~/.openjfx at first start unless they sit in the runtime's lib folder.
for jar in "$OUT"/jfx/*.jar; do
  natives=$("${JDK_BIN}jar" tf "$jar" | grep '\.so$' || true)
  if [ -n "$natives" ]; then
    (cd "$OUT/runtime/lib" && "${JDK_BIN}jar" xf "$jar" $natives)
  fi
done
# Debian's JDK ships its native libraries with their symbol tables (about 4 MB in libjvm.so alone); the runtime
# needs only the dynamic symbols. Without binutils the image is just larger.
if command -v strip >/dev/null; then
  find "$OUT/runtime" -name '*.so' -exec strip --strip-unneeded {} +
fi

# The module list above is fixed; warn when a dependency added to the pom needs a JDK module the runtime lacks.
scan=$(mktemp -d)
for jar in "$OUT"/input/*.jar; do (cd "$scan" && "${JDK_BIN}jar" xf "$jar"); done
find "$scan" -name module-info.class -delete
needed=$("${JDK_BIN}jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 --module-path "$OUT/jfx" "$scan" \
  2>/dev/null | tr ',' ' ' || true)
rm -rf "$scan"
have=$("$OUT/runtime/bin/java" --list-modules | sed 's/@.*//')
for m in $needed; do
  grep -qx "$m" <<<"$have" || echo "WARNING: jdeps finds a use of $m, which is not in the runtime (MODULES in $0)" >&2
done

JPACKAGE=("${JDK_BIN}jpackage" "@$OUT/cfg/jpackage.cfg" --input "$OUT/input" --runtime-image "$OUT/runtime" --dest "$OUT/dist")

step "jpackage: app-image"
"${JPACKAGE[@]}" --type app-image
APP="$OUT/dist/Expanse"

step "AppCDS: class list from a training run (--sandbox --smoke)"
# JDK 17 checks an AppCDS archive against the exact class-path it was dumped with, so an archive made here would be
# ignored once the app is installed elsewhere. What ships is the class list (lib/app/expanse.classlist); the archive
# (lib/app/expanse.jsa, read through -XX:SharedArchiveFile=$APPDIR/expanse.jsa) is dumped from it where the app
# lives: by the deb's postinst at install time, and below for the app-image in dist/.
cfg="$APP/lib/app/Expanse.cfg"
cp "$cfg" "$OUT/Expanse.cfg.orig"
sed -i -e 's|-XX:SharedArchiveFile=$APPDIR/expanse.jsa|-XX:DumpLoadedClassList=$APPDIR/expanse.classlist|' "$cfg"
train_home=$(mktemp -d)   # keep the training run's journal and logs out of the builder's home
run=("$APP/bin/Expanse" --sandbox --smoke)
if [ -z "${DISPLAY:-}" ]; then run=(xvfb-run -a -s "-screen 0 1600x1000x24" "${run[@]}"); fi
if ! env XDG_DATA_HOME="$train_home/data" XDG_CONFIG_HOME="$train_home/config" XDG_STATE_HOME="$train_home/state" \
     timeout 180 "${run[@]}"; then
  echo "WARNING: the training run failed; packaging without AppCDS (the app starts, only slower)" >&2
  rm -f "$APP/lib/app/expanse.classlist"
fi
cp "$OUT/Expanse.cfg.orig" "$cfg"
rm -rf "$train_home"
if [ -f "$APP/lib/app/expanse.classlist" ]; then
  cp "$APP/lib/app/expanse.classlist" "$OUT/input/"   # the installers carry it to lib/app/ too
  echo "class list: $(wc -l < "$OUT/input/expanse.classlist") lines"
fi
IMAGE_SIZE=$(du -sh "$APP" | cut -f1)

for type in $TYPES; do
  [ "$type" = none ] && continue
  step "jpackage: $type"
  "${JPACKAGE[@]}" "@$OUT/cfg/packaging/linux/jpackage-linux.cfg" --type "$type"
done

if [ -f "$APP/lib/app/expanse.classlist" ]; then
  step "AppCDS: archive for the app-image in place (as the deb's postinst does under /opt/expanse)"
  bash packaging/linux/cds-dump.sh "$APP" || echo "WARNING: no CDS archive for $APP" >&2
fi

step "Done"
echo "app-image: $APP ($IMAGE_SIZE as packaged; $(du -sh "$APP" | cut -f1) with its CDS archive)"
for f in "$OUT"/dist/*.deb "$OUT"/dist/*.rpm; do
  [ -f "$f" ] && echo "installer: $f ($(du -h "$f" | cut -f1))"
done
exit 0
