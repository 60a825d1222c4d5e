#!/usr/bin/env bash
# Runs Keycloak in the foreground with the realm shipped in src/main/keycloak and the demo's logins
# (src/main/keycloak/demo); TERM or Ctrl-C stops it. Every start imports the realm fresh into an in-memory store, so several instances
# (the run command, the tests, the journeys) can run side by side on different ports.
#
#   KEYCLOAK_PORT             HTTP port (default 8180); the issuer is http://localhost:$KEYCLOAK_PORT/realms/leaphealth
#   KEYCLOAK_MANAGEMENT_PORT  health and metrics port (default 9180)
#   LEAPHEALTH_CACHE          where Keycloak is unpacked once per machine (default ~/.cache/leaphealth)
#   KEYCLOAK_JAVA_HOME        a JDK 21+ for Keycloak (otherwise JAVA_HOME, /usr/lib/jvm/*, java on PATH)
#   MVN                       the Maven command that fetches Keycloak (default mvn)
set -euo pipefail

KEYCLOAK_VERSION=26.7.3
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
KEYCLOAK_MANAGEMENT_PORT="${KEYCLOAK_MANAGEMENT_PORT:-9180}"
CACHE="${LEAPHEALTH_CACHE:-$HOME/.cache/leaphealth}"
KEYCLOAK_HOME="$CACHE/keycloak-$KEYCLOAK_VERSION"
PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
REALM_FILE="$PROJECT_DIR/src/main/keycloak/leaphealth-realm.json"
DEMO_USERS_FILE="$PROJECT_DIR/src/main/keycloak/demo/leaphealth-users-0.json"
MVN="${MVN:-mvn}"

fail() {
  echo "keycloak.sh: $*" >&2
  exit 1
}

# Fetches the distribution through Maven's own resolver (and so through whatever repository
# Maven is configured with), once per machine; a lock keeps two first starts from racing.
ensure_unpacked() {
  [[ -x "$KEYCLOAK_HOME/bin/kc.sh" ]] && return 0
  mkdir -p "$CACHE"
  exec 9>"$CACHE/keycloak-$KEYCLOAK_VERSION.lock"
  flock 9
  if [[ ! -x "$KEYCLOAK_HOME/bin/kc.sh" ]]; then
    command -v "$MVN" >/dev/null 2>&1 || fail "Keycloak is not unpacked yet and Maven ($MVN) is not on PATH"
    local staging
    staging="$(mktemp -d "$CACHE/.keycloak-unpack.XXXXXX")"
    echo "Fetching Keycloak $KEYCLOAK_VERSION through Maven (once per machine, about 180 MB)..." >&2
    if ! (cd "$staging" && "$MVN" -B -q dependency:copy \
          "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" \
          "-DoutputDirectory=$staging"); then
      rm -rf "$staging"
      fail "could not fetch org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz with Maven"
    fi
    # Not dependency:unpack: its unarchiver ignores the tarball's PAX headers and truncates long
    # jar names, which breaks Keycloak's class path. GNU tar reads them.
    tar -xzf "$staging/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz" -C "$staging"
    mv "$staging/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME"
    rm -rf "$staging"
  fi
  flock -u 9
  exec 9>&-
}

java_major_version() {
  local version
  version="$("$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = *//p' | head -n 1)" || true
  case "$version" in
    1.*|"") echo 0 ;;
    *) echo "${version%%.*}" ;;
  esac
}

# Keycloak needs Java 21+, while the portal itself builds and runs on 17.
find_java_home() {
  local candidate
  if [[ -n "${KEYCLOAK_JAVA_HOME:-}" ]]; then
    [[ -x "$KEYCLOAK_JAVA_HOME/bin/java" ]] || fail "KEYCLOAK_JAVA_HOME=$KEYCLOAK_JAVA_HOME has no bin/java"
    (( $(java_major_version "$KEYCLOAK_JAVA_HOME/bin/java") >= 21 )) \
      || fail "KEYCLOAK_JAVA_HOME=$KEYCLOAK_JAVA_HOME is older than Java 21"
    echo "$KEYCLOAK_JAVA_HOME"
    return 0
  fi
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] \
      && (( $(java_major_version "$JAVA_HOME/bin/java") >= 21 )); then
    echo "$JAVA_HOME"
    return 0
  fi
  local best="" best_version=0 version
  for candidate in /usr/lib/jvm/*; do
    [[ -x "$candidate/bin/java" && ! -L "$candidate" ]] || continue
    version="$(java_major_version "$candidate/bin/java")"
    if (( version >= 21 && version > best_version )); then
      best="$candidate"
      best_version="$version"
    fi
  done
  if [[ -n "$best" ]]; then
    echo "$best"
    return 0
  fi
  if candidate="$(command -v java)" && (( $(java_major_version "$candidate") >= 21 )); then
    candidate="$(readlink -f "$candidate")"
    dirname "$(dirname "$candidate")"
    return 0
  fi
  fail "Keycloak $KEYCLOAK_VERSION needs Java 21 or later and none was found.
Install a JDK 21 or later (for example Eclipse Temurin 21 or 25) or point KEYCLOAK_JAVA_HOME at one."
}

port_answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

[[ -f "$REALM_FILE" ]] || fail "realm file not found: $REALM_FILE"
[[ -f "$DEMO_USERS_FILE" ]] || fail "demo users not found: $DEMO_USERS_FILE"
ensure_unpacked
JAVA_HOME="$(find_java_home)"
export JAVA_HOME

# The realm a clinic imports, and beside it the demo's logins (passwords stored hashed, as an export holds
# them, so the realm's password policy applies to every new password but not to these). Written through a
# temporary name so an instance starting at the same moment never reads half a file.
mkdir -p "$KEYCLOAK_HOME/data/import"
# The unpacked Keycloak is shared by every checkout on the machine: a file another version of this
# script left there (an older layout of the realm, say) would be imported beside these and clash.
for stale in "$KEYCLOAK_HOME"/data/import/leaphealth-*.json; do
  [[ -e "$stale" ]] || continue
  case "$(basename "$stale")" in
    "$(basename "$REALM_FILE")"|"$(basename "$DEMO_USERS_FILE")") ;;
    *) rm -f "$stale" ;;
  esac
done
for file in "$REALM_FILE" "$DEMO_USERS_FILE"; do
  copy="$(mktemp "$KEYCLOAK_HOME/data/import/.leaphealth-import.XXXXXX")"
  cp "$file" "$copy"
  chmod 644 "$copy"
  mv -f "$copy" "$KEYCLOAK_HOME/data/import/$(basename "$file")"
done

# A local administrator for the in-memory store, so tests and load runs can create patients;
# a throwaway value on a server that only listens on 127.0.0.1.
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"

keycloak_command=(
  "$KEYCLOAK_HOME/bin/kc.sh" start-dev
  --http-host 127.0.0.1
  --http-port "$KEYCLOAK_PORT"
  --http-management-port "$KEYCLOAK_MANAGEMENT_PORT"
  "--hostname=http://localhost:$KEYCLOAK_PORT"
  --import-realm
  --db=dev-mem
  # with brute-force protection on, Keycloak 26 refuses a login while another of the same user is in
  # progress ("Invalid username or password" on a second device, or on a double click): allowed here,
  # as a clinic's Keycloak should (src/docs/deploying.md); five wrong passwords still lock the account
  --spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests=true
)
echo "Keycloak $KEYCLOAK_VERSION on http://localhost:$KEYCLOAK_PORT (management $KEYCLOAK_MANAGEMENT_PORT), Java from $JAVA_HOME" >&2

# Keycloak rebuilds itself for development mode on its first start (about 20 s) and later starts
# reuse that build; it cannot be built for development mode ahead of time. The first start on a
# machine therefore holds the lock until its HTTP port opens, so that a second instance started at
# the same moment does not rewrite the same files.
dev_build_marker="$KEYCLOAK_HOME/.leaphealth-dev-build"
if [[ -f "$dev_build_marker" ]]; then
  exec "${keycloak_command[@]}"
fi
exec 9>"$CACHE/keycloak-$KEYCLOAK_VERSION.lock"
flock 9
if [[ -f "$dev_build_marker" ]]; then
  exec 9>&-
  exec "${keycloak_command[@]}"
fi
"${keycloak_command[@]}" 9>&- &
keycloak_pid=$!
trap 'kill -TERM "$keycloak_pid" 2>/dev/null || true; wait "$keycloak_pid" || true; exit 143' TERM INT
for _ in $(seq 1 300); do
  if port_answers "$KEYCLOAK_PORT"; then
    touch "$dev_build_marker"
    break
  fi
  kill -0 "$keycloak_pid" 2>/dev/null || break
  sleep 1
done
exec 9>&-
status=0
wait "$keycloak_pid" || status=$?
exit "$status"
