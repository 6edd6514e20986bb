# Builds the Windows native app; run through Maven on Windows: mvn -Pnative package (README, "Install / build a native app").
# The Windows twin of packaging/linux/package.sh (same steps, same outputs). UNTESTED: it was written on Linux, where it
# cannot run; the jpackage and jlink calls are the ones the Linux build runs.
# Maven has already built the app jar, copied the runtime dependencies to $env:EXPANSE_NATIVE_DIR\libs and the filtered
# jpackage argument files to $env:EXPANSE_NATIVE_DIR\cfg. This script then makes, under $env:EXPANSE_NATIVE_DIR:
#   runtime\          jlinked JDK + JavaFX with only the modules Expanse uses, the JavaFX DLLs in runtime\bin
#   dist\Expanse\     the app-image (Expanse.exe), with the AppCDS class list app\expanse.classlist
#   dist\Expanse-<version>.msi
# Needs JDK 17 (jlink, jpackage) and, for the msi, WiX Toolset 3.x (candle.exe, light.exe) on the PATH.
# $env:EXPANSE_PACKAGE_TYPES = "none" builds only the app-image (default: msi; "exe" also works).
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..\..')

$Out = if ($env:EXPANSE_NATIVE_DIR) { $env:EXPANSE_NATIVE_DIR } else { 'target\package' }
$Out = (New-Item -ItemType Directory -Force $Out).FullName
if (-not $env:EXPANSE_JAR) { throw 'run through mvn -Pnative package' }
$Types = if ($env:EXPANSE_PACKAGE_TYPES) { $env:EXPANSE_PACKAGE_TYPES -split ' ' } else { @('msi') }
$Bin = if ($env:JAVA_HOME) { Join-Path $env:JAVA_HOME 'bin' } else { '' }
function Tool($name) { if ($Bin) { Join-Path $Bin "$name.exe" } else { $name } }
# Same module list as packaging/linux/package.sh.
$Modules = 'javafx.controls,javafx.fxml,java.logging,java.naming,java.sql,java.xml,jdk.httpserver,jdk.crypto.ec,jdk.localedata,jdk.unsupported'
function Step($text) { Write-Host "`n== $text" }
function Check($what) { if ($LASTEXITCODE -ne 0) { throw "$what failed ($LASTEXITCODE)" } }

Step 'Sorting jars'
foreach ($d in 'jfx', 'input', 'runtime', 'dist') { Remove-Item -Recurse -Force (Join-Path $Out $d) -ErrorAction SilentlyContinue }
foreach ($d in 'jfx', 'input', 'dist') { New-Item -ItemType Directory -Force (Join-Path $Out $d) | Out-Null }
foreach ($jar in Get-ChildItem (Join-Path $Out 'libs\*.jar')) {
    if ($jar.Name -like 'javafx-*-win.jar') { Copy-Item $jar.FullName (Join-Path $Out 'jfx') }   # linked into the runtime
    elseif ($jar.Name -like 'javafx-*.jar') { }                                                    # empty no-classifier jars
    else { Copy-Item $jar.FullName (Join-Path $Out 'input') }                                      # the class path
}
Copy-Item $env:EXPANSE_JAR (Join-Path $Out 'input')
# sqlite-jdbc (the activity history) carries a native library for every OS and architecture: keep Windows/<arch> only
# (what packaging/slim-sqlite-jar.sh does on Linux and macOS), editing the jar as a zip in place.
$SqliteArch = if ($env:PROCESSOR_ARCHITECTURE -eq 'ARM64') { 'aarch64' } else { 'x86_64' }
Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
foreach ($jar in Get-ChildItem (Join-Path $Out 'input\sqlite-jdbc-*.jar')) {
    $zip = [System.IO.Compression.ZipFile]::Open($jar.FullName, 'Update')
    try {
        $keep = "org/sqlite/native/Windows/$SqliteArch/"
        if (-not ($zip.Entries | Where-Object { $_.FullName -like "$keep*.dll" })) {
            Write-Warning "$($jar.Name) has no native library under $keep; left as it is"
        } else {
            $drop = @($zip.Entries | Where-Object { $_.FullName -like 'org/sqlite/native/*/*' -and -not $_.FullName.StartsWith($keep) })
            foreach ($e in $drop) { $e.Delete() }
            Write-Host "$($jar.Name): native library for Windows/$SqliteArch only ($($drop.Count) entries dropped)"
        }
    } finally { $zip.Dispose() }
}

Step "jlink: runtime with $Modules"
& (Tool 'jlink') --module-path (Join-Path $Out 'jfx') --add-modules $Modules --include-locales=en,zh `
    --compress=2 --strip-debug --no-header-files --no-man-pages --output (Join-Path $Out 'runtime'); Check 'jlink'
# JavaFX unpacks its DLLs into %USERPROFILE%\.openjfx at first start unless they sit in the runtime's bin folder.
Push-Location (Join-Path $Out 'runtime\bin')
foreach ($jar in Get-ChildItem (Join-Path $Out 'jfx\*.jar')) {
    $dlls = & (Tool 'jar') tf $jar.FullName | Where-Object { $_ -like '*.dll' }
    if ($dlls) { & (Tool 'jar') xf $jar.FullName @dlls; Check 'jar xf' }
}
Pop-Location

# The module list above is fixed; warn when a dependency added to the pom needs a JDK module the runtime lacks.
$Scan = Join-Path ([IO.Path]::GetTempPath()) ("expanse-jdeps-" + [guid]::NewGuid())
New-Item -ItemType Directory $Scan | Out-Null
Push-Location $Scan
foreach ($jar in Get-ChildItem (Join-Path $Out 'input\*.jar')) { & (Tool 'jar') xf $jar.FullName }
Pop-Location
Get-ChildItem -Recurse -Filter module-info.class $Scan | Remove-Item -Force
$Needed = (& (Tool 'jdeps') --print-module-deps --ignore-missing-deps --multi-release 17 --module-path (Join-Path $Out 'jfx') $Scan) -split ','
Remove-Item -Recurse -Force $Scan
$Have = & (Join-Path $Out 'runtime\bin\java.exe') --list-modules | ForEach-Object { ($_ -split '@')[0] }
foreach ($m in $Needed) { if ($m -and $Have -notcontains $m.Trim()) { Write-Warning "jdeps finds a use of $m, which is not in the runtime" } }

$JPackage = @("@$Out\cfg\jpackage.cfg", '--input', "$Out\input", '--runtime-image', "$Out\runtime", '--dest', "$Out\dist",
    '--icon', 'assets\expanse.ico')

Step 'jpackage: app-image'
& (Tool 'jpackage') @JPackage --type app-image; Check 'jpackage app-image'
$App = Join-Path $Out 'dist\Expanse'

Step 'AppCDS: class list from a training run (--sandbox --smoke)'
# As on Linux: JDK 17 takes an archive only for the class path it was dumped with, so what ships is the class list.
$Cfg = Join-Path $App 'app\Expanse.cfg'
$Orig = Get-Content -Raw $Cfg
$Orig.Replace('-XX:SharedArchiveFile=$APPDIR/expanse.jsa', '-XX:DumpLoadedClassList=$APPDIR/expanse.classlist') |
    Set-Content -NoNewline $Cfg
$TrainHome = Join-Path ([IO.Path]::GetTempPath()) ("expanse-train-" + [guid]::NewGuid())
$SavedLocal = $env:LOCALAPPDATA; $SavedRoaming = $env:APPDATA
$env:LOCALAPPDATA = "$TrainHome\local"; $env:APPDATA = "$TrainHome\roaming"   # keep the run out of the builder's profile
$p = Start-Process -FilePath (Join-Path $App 'Expanse.exe') -ArgumentList '--sandbox', '--smoke' -PassThru -Wait -NoNewWindow
$env:LOCALAPPDATA = $SavedLocal; $env:APPDATA = $SavedRoaming
Set-Content -NoNewline $Cfg $Orig
Remove-Item -Recurse -Force $TrainHome -ErrorAction SilentlyContinue
$ClassList = Join-Path $App 'app\expanse.classlist'
if ($p.ExitCode -eq 0 -and (Test-Path $ClassList)) {
    Copy-Item $ClassList (Join-Path $Out 'input')   # the installer carries it to app\ too
} else {
    Write-Warning 'the training run failed; packaging without AppCDS (the app starts, only slower)'
    Remove-Item -Force $ClassList -ErrorAction SilentlyContinue
}
$ImageSize = '{0:N0} MB' -f ((Get-ChildItem -Recurse $App | Measure-Object Length -Sum).Sum / 1MB)

foreach ($type in $Types) {
    if ($type -eq 'none') { continue }
    Step "jpackage: $type"
    & (Tool 'jpackage') @JPackage "@$Out\cfg\packaging\windows\jpackage-windows.cfg" --type $type; Check "jpackage $type"
}

if (Test-Path $ClassList) {
    Step 'AppCDS: archive for the app-image in place'
    $cp = (Get-Content $Cfg | Where-Object { $_ -like 'app.classpath=*' } |
        ForEach-Object { $_ -replace '^app.classpath=\$APPDIR', "$App\app" }) -join ';'
    & (Join-Path $App 'runtime\bin\java.exe') -Xshare:dump -Xmx512m "-XX:SharedClassListFile=$ClassList" `
        "-XX:SharedArchiveFile=$App\app\expanse.jsa" -cp $cp | Out-Null
    if ($LASTEXITCODE -ne 0) { Write-Warning "no CDS archive for $App" }
}

Step 'Done'
Write-Host "app-image: $App ($ImageSize as packaged)"
Get-ChildItem (Join-Path $Out 'dist\*.msi'), (Join-Path $Out 'dist\*.exe') -ErrorAction SilentlyContinue |
    ForEach-Object { Write-Host ("installer: {0} ({1:N0} MB)" -f $_.FullName, ($_.Length / 1MB)) }
