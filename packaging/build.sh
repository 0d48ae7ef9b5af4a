#!/usr/bin/env bash
# Packages VisualCircuit as a self-contained Linux application with its own Java runtime.
#
#   packaging/build.sh               build the project, then make the app-image (and a .deb when possible)
#   packaging/build.sh --skip-build  reuse the jars of the last build
#   packaging/build.sh --no-deb      make only the app-image
#
# Output: packaging/target/VisualCircuit/ (run bin/VisualCircuit) and packaging/target/visualcircuit_*.deb.
# Needs a JDK 17+ with jlink, jpackage and its jmods folder (JAVA_HOME, or the javac on PATH).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
TARGET="$HERE/target"
NAME=VisualCircuit
PACKAGE=visualcircuit
MAIN_CLASS=io.visualcircuit.app.VcircuitMain

# The JDK modules the editor, the runtime and their libraries use, found with jdeps and by running:
#   java.desktop, java.xml, java.datatransfer, jdk.unsupported(.desktop)  JavaFX's module requirements
#   java.logging, jdk.unsupported                                       jnr-ffi/jffi (the wires)
#   java.sql                                                            Jackson's optional date support
#   java.management                                                     Agrona (the wire benchmark)
# jdk.jfr and java.compiler, which jdeps also names, are optional for JavaFX and Agrona and left out.
MODULES=java.base,java.desktop,java.datatransfer,java.logging,java.management,java.sql,java.xml,jdk.unsupported,jdk.unsupported.desktop

skip_build=
want_deb=1
for arg in "$@"; do
  case "$arg" in
    --skip-build) skip_build=1 ;;
    --no-deb) want_deb= ;;
    -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

fail() { echo "build.sh: $*" >&2; exit 1; }

find_jdk() {
  if [[ -n "${JAVA_HOME:-}" ]]; then echo "$JAVA_HOME"; return; fi
  local javac
  javac="$(command -v javac || true)"
  [[ -n "$javac" ]] && dirname "$(dirname "$(readlink -f "$javac")")"
}
JDK="$(find_jdk)"
[[ -n "$JDK" && -x "$JDK/bin/javac" ]] || fail "no JDK found; install a JDK 17 or newer or set JAVA_HOME"
for tool in java jlink jpackage; do
  [[ -x "$JDK/bin/$tool" ]] || fail "$JDK has no $tool; packaging needs a full JDK 17 or newer"
done
[[ -f "$JDK/jmods/java.base.jmod" ]] \
  || fail "$JDK has no jmods folder, which jlink needs (Debian: openjdk-17-jdk-headless; Ubuntu: openjdk-17-jmods)"
JAVA_MAJOR="$("$JDK/bin/java" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n 1)"
[[ -n "$JAVA_MAJOR" && "$JAVA_MAJOR" -ge 17 ]] || fail "$JDK is Java ${JAVA_MAJOR:-unknown}; packaging needs 17 or newer"

# jpackage wants a plain numeric version; 0.1.0-SNAPSHOT becomes 0.1.0.
POM_VERSION="$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)"
VERSION="${POM_VERSION%%-*}"
[[ "$VERSION" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || fail "cannot turn the project version '$POM_VERSION' into a package version"

if [[ -z "$skip_build" ]]; then
  echo "build.sh: building the project..."
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package) || fail "the Maven build failed"
fi
APP_JAR="$ROOT/app/target/visualcircuit-app-$POM_VERSION.jar"
CLASSPATH_TXT="$ROOT/app/target/classpath.txt"
[[ -f "$APP_JAR" && -f "$CLASSPATH_TXT" ]] || fail "no built application in app/target; run without --skip-build"

rm -rf "$TARGET"
mkdir -p "$TARGET/input"

echo "build.sh: staging the application jars..."
cp "$APP_JAR" "$TARGET/input/"
IFS=':' read -r -a ENTRIES <<<"$(tr -d '\n' <"$CLASSPATH_TXT")"
for entry in "${ENTRIES[@]}"; do
  [[ -z "$entry" ]] && continue
  [[ -f "$entry" ]] || fail "the classpath lists $entry, which is not a jar file; rebuild without --skip-build"
  # Every jar lands in one folder, so two jars with one file name would silently replace each other.
  [[ -e "$TARGET/input/$(basename "$entry")" ]] && fail "two classpath jars are both named $(basename "$entry")"
  cp "$entry" "$TARGET/input/"
done

echo "build.sh: making the Java runtime..."
# Keeps bin/java (no --strip-native-commands): every Java block runs in its own JVM started with it.
# The CDS archive makes those block JVMs start faster and lets them make their own archives.
"$JDK/bin/jlink" --module-path "$JDK/jmods" --add-modules "$MODULES" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
  --output "$TARGET/runtime"
[[ -x "$TARGET/runtime/bin/java" ]] || fail "jlink made a runtime without bin/java"

echo "build.sh: making the app-image..."
"$JDK/bin/jpackage" --type app-image \
  --name "$NAME" --app-version "$VERSION" \
  --vendor "VisualCircuit" --description "Visual block circuit editor and runtime" \
  --icon "$HERE/visualcircuit.png" \
  --input "$TARGET/input" --main-jar "$(basename "$APP_JAR")" --main-class "$MAIN_CLASS" \
  --runtime-image "$TARGET/runtime" \
  --dest "$TARGET"
echo "build.sh: app-image ready: $TARGET/$NAME/bin/$NAME"

if [[ -n "$want_deb" ]]; then
  if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
    echo "build.sh: making the .deb package..."
    # jpackage takes the menu entry from the resource folder when it is named after the application
    # (it installs it with xdg-desktop-menu as $PACKAGE-$NAME.desktop), and the install scripts by
    # their own names. The entry and the scripts expect the application in /opt/$PACKAGE.
    mkdir -p "$TARGET/deb-resources"
    cp "$HERE/visualcircuit.desktop" "$TARGET/deb-resources/$NAME.desktop"
    cp "$HERE/deb/postinst" "$HERE/deb/prerm" "$TARGET/deb-resources/"
    "$JDK/bin/jpackage" --type deb \
      --name "$NAME" --app-version "$VERSION" \
      --vendor "VisualCircuit" --description "Visual block circuit editor and runtime" \
      --app-image "$TARGET/$NAME" \
      --icon "$HERE/visualcircuit.png" \
      --resource-dir "$TARGET/deb-resources" \
      --install-dir /opt --linux-package-name "$PACKAGE" --linux-app-category devel \
      --linux-shortcut --linux-menu-group "Development;Education;" \
      --dest "$TARGET"
    echo "build.sh: package ready: $(ls "$TARGET"/*.deb)"
  else
    echo "build.sh: skipping the .deb (it needs dpkg-deb and fakeroot; Debian/Ubuntu: apt-get install dpkg fakeroot)"
  fi
fi
