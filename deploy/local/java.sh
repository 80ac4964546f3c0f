# Finds a JDK 21 or newer: JAVA_HOME when it is new enough, else `java` on the PATH, else the newest
# JDK under /usr/lib/jvm. Sourced by run.sh and .ci/run; prints nothing, sets LEDGER_JAVA.
ledger_java_feature() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

ledger_find_java() {
  local candidate best="" best_feature=0 feature
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java 2>/dev/null || true)" /usr/lib/jvm/*/bin/java; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    feature=$(ledger_java_feature "$candidate")
    [ -n "$feature" ] || continue
    if [ "$feature" -ge 21 ]; then
      if [ -n "${JAVA_HOME:-}" ] && [ "$candidate" = "$JAVA_HOME/bin/java" ]; then
        best=$candidate; break
      fi
      if [ "$feature" -gt "$best_feature" ]; then best=$candidate; best_feature=$feature; fi
    fi
  done
  if [ -z "$best" ]; then
    echo "no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm)" >&2
    return 1
  fi
  LEDGER_JAVA=$best
}

# Prints the path of a module's runnable jar, building the project once if it is missing.
ledger_jar() { # module, e.g. projection-service
  local root jar
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  jar=$root/$1/target/$1-0.1.0-SNAPSHOT.jar
  [ -f "$jar" ] || (cd "$root" && ./mvnw -B -q -DskipTests package >&2)
  echo "$jar"
}
