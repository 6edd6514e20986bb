#!/usr/bin/env bash
# Usage: slim-sqlite-jar.sh <sqlite-jdbc jar> <OS folder: Linux | Mac | Windows> <arch: x86_64 | aarch64>
# sqlite-jdbc carries its native library for every OS and architecture under org/sqlite/native/<OS>/<arch>/ (about
# 12 MB); an app-image needs only the one of the platform it is built for. This rewrites the jar in place with the
# other native folders left out (classes, services and the manifest unchanged), using the JDK's jar tool only.
# Called by packaging/linux/package.sh and packaging/macos/package.sh; packaging/windows/package.ps1 does the same.
set -euo pipefail
jar=$1 os=$2 arch=$3
JAR_TOOL=${JAVA_HOME:+$JAVA_HOME/bin/}jar
keep="org/sqlite/native/$os/$arch"
if ! "$JAR_TOOL" tf "$jar" | grep -q "^$keep/[^/]*sqlitejdbc[^/]*$"; then
  echo "WARNING: $jar has no native library under $keep/; left as it is" >&2
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/x"
(cd "$work/x" && "$JAR_TOOL" xf "$jar")
for dir in "$work"/x/org/sqlite/native/*/*/; do
  case "${dir%/}" in "$work/x/$keep") ;; *) rm -rf "$dir" ;; esac
done
find "$work/x/org/sqlite/native" -mindepth 1 -type d -empty -delete
mv "$work/x/META-INF/MANIFEST.MF" "$work/MANIFEST.MF"
before=$(du -h "$jar" | cut -f1)
"$JAR_TOOL" --create --file "$work/slim.jar" --manifest "$work/MANIFEST.MF" -C "$work/x" .
mv "$work/slim.jar" "$jar"
echo "$(basename "$jar"): native library for $os/$arch only ($before -> $(du -h "$jar" | cut -f1))"
