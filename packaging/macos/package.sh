#!/usr/bin/env bash
# Builds the macOS native app; run through Maven on a Mac: mvn -Pnative package (README, "Install / build a native app").
# The macOS twin of packaging/linux/package.sh (same steps, same outputs). UNTESTED: it was written on Linux, where it
# cannot run; the jpackage and jlink calls are the ones the Linux build runs.
# Maven has already built the app jar, copied the runtime dependencies to $EXPANSE_NATIVE_DIR/libs and the filtered
# jpackage argument files to $EXPANSE_NATIVE_DIR/cfg. This script then makes, under $EXPANSE_NATIVE_DIR:
#   runtime/          jlinked JDK + JavaFX with only the modules Expanse uses, the JavaFX dylibs in runtime/lib
#   dist/Expanse.app  the app-image, with an AppCDS class list (Contents/app/expanse.classlist) from one
#                     --sandbox --smoke run, and the archive dumped from it (Contents/app/expanse.jsa, not shipped)
#   dist/Expanse-<version>.dmg
# Needs JDK 17 (jlink, jpackage) for the Mac's architecture and a logged-in session (the training run opens a window).
# EXPANSE_PACKAGE_TYPES=none builds only the app-image (default: dmg; "pkg" also works).
# A macOS bundle version must start with 1 or more: while the pom says 0.x, set EXPANSE_MAC_VERSION (e.g. 1.0.0).
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT=$(mkdir -p "${EXPANSE_NATIVE_DIR:-target/package}" && cd "${EXPANSE_NATIVE_DIR:-target/package}" && pwd)
JAR=${EXPANSE_JAR:?run through mvn -Pnative package}
TYPES=${EXPANSE_PACKAGE_TYPES:-dmg}
VERSION=${EXPANSE_MAC_VERSION:-${EXPANSE_VERSION:-}}
case "$VERSION" in
  0.*|0) echo "macOS needs an app version of 1 or more (the pom says $VERSION): set EXPANSE_MAC_VERSION" >&2; exit 2 ;;
esac
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
    javafx-*-mac.jar|javafx-*-mac-aarch64.jar) cp "$jar" "$OUT/jfx/" ;;   # JavaFX with natives: linked into the runtime
    javafx-*.jar) ;;                                 # empty no-classifier JavaFX jars: never used
    *) cp "$jar" "$OUT/input/" ;;                    # everything else stays on the class path
  esac
done
cp "$JAR" "$OUT/input/"
# sqlite-jdbc (the activity history) carries a native library for every OS and architecture: keep this Mac's only.
case "$(uname -m)" in arm64|aarch64) SQLITE_ARCH=aarch64 ;; *) SQLITE_ARCH=x86_64 ;; esac
for jar in "$OUT"/input/sqlite-jdbc-*.jar; do
  [ -f "$jar" ] && bash packaging/slim-sqlite-jar.sh "$jar" Mac "$SQLITE_ARCH"
done

step "jlink: runtime with $MODULES"
"${JDK_BIN}jlink" --module-path "$OUT/jfx" --add-modules "$MODULES" --include-locales=en,zh \
  --compress=2 --strip-debug --no-header-files --no-man-pages --output "$OUT/runtime"
# JavaFX unpacks its natives into ~/.openjfx at first start unless they sit in the runtime's lib folder.
for jar in "$OUT"/jfx/*.jar; do
  natives=$("${JDK_BIN}jar" tf "$jar" | grep '\.dylib$' || true)
  if [ -n "$natives" ]; then
    (cd "$OUT/runtime/lib" && "${JDK_BIN}jar" xf "$jar" $natives)
  fi
done

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

JPACKAGE=("${JDK_BIN}jpackage" "@$OUT/cfg/jpackage.cfg" --input "$OUT/input" --runtime-image "$OUT/runtime" --dest "$OUT/dist"
  "@$OUT/cfg/packaging/macos/jpackage-macos.cfg" ${VERSION:+--app-version "$VERSION"})

step "jpackage: app-image"
"${JPACKAGE[@]}" --type app-image
APP="$OUT/dist/Expanse.app"

step "AppCDS: class list from a training run (--sandbox --smoke)"
# JDK 17 checks an AppCDS archive against the exact class-path it was dumped with, so an archive made here would be
# ignored once the app is installed elsewhere. What ships is the class list (lib/app/expanse.classlist); the archive
# (lib/app/expanse.jsa, read through -XX:SharedArchiveFile=$APPDIR/expanse.jsa) is dumped from it where the app
# lives: by the deb's postinst at install time, and below for the app-image in dist/.
cfg="$APP/Contents/app/Expanse.cfg"
cp "$cfg" "$OUT/Expanse.cfg.orig"
sed -i '' -e 's|-XX:SharedArchiveFile=$APPDIR/expanse.jsa|-XX:DumpLoadedClassList=$APPDIR/expanse.classlist|' "$cfg"
train_home=$(mktemp -d)   # keep the training run's journal and logs out of the builder's home
run=("$APP/Contents/MacOS/Expanse" --sandbox --smoke)
# macOS has no XDG variables: the app keeps its files under ~/Library; a fresh HOME keeps the builder's out of it.
if ! env HOME="$train_home" JAVA_TOOL_OPTIONS="-Duser.home=$train_home" "${run[@]}"; then
  echo "WARNING: the training run failed; packaging without AppCDS (the app starts, only slower)" >&2
  rm -f "$APP/Contents/app/expanse.classlist"
fi
cp "$OUT/Expanse.cfg.orig" "$cfg"
rm -rf "$train_home"
if [ -f "$APP/Contents/app/expanse.classlist" ]; then
  cp "$APP/Contents/app/expanse.classlist" "$OUT/input/"   # the dmg carries it to Contents/app/ too
  echo "class list: $(wc -l < "$OUT/input/expanse.classlist") lines"
fi
IMAGE_SIZE=$(du -sh "$APP" | cut -f1)

for type in $TYPES; do
  [ "$type" = none ] && continue
  step "jpackage: $type"
  "${JPACKAGE[@]}" --type "$type"
done

if [ -f "$APP/Contents/app/expanse.classlist" ]; then
  step "AppCDS: archive for the app-image in place"
  app="$APP/Contents/app"
  cp=$(sed -n "s|^app.classpath=\$APPDIR|$app|p" "$app/Expanse.cfg" | paste -sd: -)
  "$APP/Contents/runtime/Contents/Home/bin/java" -Xshare:dump -Xmx512m -XX:SharedClassListFile="$app/expanse.classlist" \
    -XX:SharedArchiveFile="$app/expanse.jsa" -cp "$cp" >/dev/null || echo "WARNING: no CDS archive for $APP" >&2
fi

step "Done"
echo "app-image: $APP ($IMAGE_SIZE as packaged; $(du -sh "$APP" | cut -f1) with its CDS archive)"
for f in "$OUT"/dist/*.dmg "$OUT"/dist/*.pkg; do
  [ -f "$f" ] && echo "installer: $f ($(du -h "$f" | cut -f1))"
done
exit 0
