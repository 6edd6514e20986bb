#!/bin/sh
# Dumps the AppCDS archive of an installed or built Expanse: cds-dump.sh <app dir, e.g. /opt/expanse>
# Reads the class list the build recorded (lib/app/expanse.classlist) and the launcher's class path (lib/app/Expanse.cfg),
# and writes lib/app/expanse.jsa, which the launcher maps with -XX:SharedArchiveFile=$APPDIR/expanse.jsa.
# The deb's postinst runs the same commands as root at install time; the app itself never writes there.
# Without the archive (or with a stale one) the JVM just starts without CDS.
set -e
app=$1/lib/app
[ -f "$app/expanse.classlist" ] || { echo "no class list in $app" >&2; exit 1; }
cp=$(sed -n "s|^app.classpath=\$APPDIR|$app|p" "$app/Expanse.cfg" | paste -sd: -)
"$1/lib/runtime/bin/java" -Xshare:dump -Xmx512m -XX:SharedClassListFile="$app/expanse.classlist" \
  -XX:SharedArchiveFile="$app/expanse.jsa" -cp "$cp" >/dev/null
echo "CDS archive: $app/expanse.jsa ($(du -h "$app/expanse.jsa" | cut -f1))"
