#!/usr/bin/env bash
# The run command: builds the portal when its sources changed, starts the demo's mail server
# (GreenMail), Keycloak with the demo realm and the portal with its embedded PostgreSQL, and prints
# where to log in and where the patients' mail arrives. Ctrl-C stops all three.
#
#   bash src/main/scripts/run-demo.sh [--no-build]
#
#   PORTAL_PORT               the portal's HTTP port (default 8080)
#   PORTAL_MANAGEMENT_PORT    the portal's metrics port, /q/metrics (default 9000)
#   KEYCLOAK_PORT             Keycloak's HTTP port (default 8180)
#   KEYCLOAK_MANAGEMENT_PORT  Keycloak's health port (default 9180)
#   KEYCLOAK_RUNNING          "true": a Keycloak with the shipped realm and the demo's logins already
#                             answers on KEYCLOAK_PORT (the test build's): use it and start none
#   MAIL_SMTP_PORT, MAIL_IMAP_PORT, MAIL_API_PORT   the mail server's ports (default 3025, 3143, 8025)
#   PORTAL_DATA_DIR           where the portal keeps its embedded PostgreSQL (passed through)
#   PORTAL_JAVA_OPTS          options for the portal's JVM (the journeys' stack: C1 only, for a
#                             portal that lives a few minutes)
#   LEAPHEALTH_CACHE, KEYCLOAK_JAVA_HOME   see keycloak.sh
set -euo pipefail

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
PORTAL_PORT="${PORTAL_PORT:-8080}"
PORTAL_MANAGEMENT_PORT="${PORTAL_MANAGEMENT_PORT:-9000}"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
KEYCLOAK_MANAGEMENT_PORT="${KEYCLOAK_MANAGEMENT_PORT:-9180}"
MAIL_SMTP_PORT="${MAIL_SMTP_PORT:-3025}"
MAIL_IMAP_PORT="${MAIL_IMAP_PORT:-3143}"
MAIL_API_PORT="${MAIL_API_PORT:-8025}"
MAIL_WAIT_SECONDS=120
KEYCLOAK_WAIT_SECONDS=180
PORTAL_WAIT_SECONDS=180
PORTAL_JAR="target/quarkus-app/quarkus-run.jar"

fail() {
  echo "run-demo: $*" >&2
  exit 1
}

build=true
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    -h|--help)
      sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) fail "unknown argument: $arg (try --help)" ;;
  esac
done

cd "$PROJECT_DIR"

# True once something answers HTTP on 127.0.0.1:port for the path; with a status, only that status.
# Plain bash, so the script needs no curl.
http_answers() {
  local port="$1" path="$2" status="${3:-}"
  (
    exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
    printf 'GET %s HTTP/1.1\r\nHost: localhost:%s\r\nConnection: close\r\n\r\n' "$path" "$port" >&3
    IFS= read -r -t 10 line <&3 || exit 1
    [[ "$line" == HTTP/* ]] || exit 1
    [[ -z "$status" || "$line" == "HTTP/"*" $status"* ]]
  ) 2>/dev/null
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

needs_build() {
  [[ ! -f "$PORTAL_JAR" ]] && return 0
  local newer
  newer="$(find src web-assets pom.xml -type f -newer "$PORTAL_JAR" -print -quit 2>/dev/null || true)"
  [[ -n "$newer" ]]
}

if needs_build; then
  if [[ "$build" == false ]]; then
    [[ -f "$PORTAL_JAR" ]] || fail "$PORTAL_JAR is missing: run without --no-build"
    echo "run-demo: sources changed since the last build; starting the existing build anyway (--no-build)" >&2
  else
    echo "Building the portal (mvn -B -q package -DskipTests)..."
    mvn -B -q package -DskipTests
    # an unchanged build may leave the jar's time alone; the next start must not build again
    touch "$PORTAL_JAR"
  fi
fi

KEYCLOAK_RUNNING="${KEYCLOAK_RUNNING:-false}"
ports=("$PORTAL_PORT" "$PORTAL_MANAGEMENT_PORT" "$MAIL_SMTP_PORT" "$MAIL_IMAP_PORT" "$MAIL_API_PORT")
[[ "$KEYCLOAK_RUNNING" == true ]] || ports+=("$KEYCLOAK_PORT" "$KEYCLOAK_MANAGEMENT_PORT")
for port in "${ports[@]}"; do
  if port_in_use "$port"; then
    fail "port $port is already in use (another run?). Stop it, or choose other ports with PORTAL_PORT, PORTAL_MANAGEMENT_PORT, KEYCLOAK_PORT, KEYCLOAK_MANAGEMENT_PORT and MAIL_SMTP_PORT, MAIL_IMAP_PORT, MAIL_API_PORT."
  fi
done

mkdir -p target
keycloak_pid=""
portal_pid=""
mail_pid=""

# Each child runs in its own session, so Ctrl-C reaches only this script, which then stops the
# portal before Keycloak and waits for both.
stop_all() {
  trap - INT TERM EXIT
  local pid
  for pid in $portal_pid $keycloak_pid $mail_pid; do
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
  for _ in $(seq 1 60); do
    local alive=false
    for pid in $portal_pid $keycloak_pid $mail_pid; do
      kill -0 -- "-$pid" 2>/dev/null && alive=true
    done
    [[ "$alive" == false ]] && break
    sleep 0.5
  done
  for pid in $portal_pid $keycloak_pid $mail_pid; do
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap 'echo; echo "Stopping the portal, Keycloak and the mail server..."; stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

echo "Starting the demo's mail server (GreenMail) on 127.0.0.1:$MAIL_SMTP_PORT (log: target/mailserver.log)..."
MAIL_SMTP_PORT="$MAIL_SMTP_PORT" MAIL_IMAP_PORT="$MAIL_IMAP_PORT" MAIL_API_PORT="$MAIL_API_PORT" \
  setsid bash src/main/scripts/mailserver.sh >target/mailserver.log 2>&1 </dev/null &
mail_pid=$!

# both start at once; the portal only once Keycloak answers
if [[ "$KEYCLOAK_RUNNING" == true ]]; then
  echo "Using the Keycloak that answers on http://localhost:$KEYCLOAK_PORT (KEYCLOAK_RUNNING)..."
else
  echo "Starting Keycloak on http://localhost:$KEYCLOAK_PORT (log: target/keycloak.log)..."
  # the realm's password-reset mail goes to the demo's GreenMail, as the portal's does
  KEYCLOAK_PORT="$KEYCLOAK_PORT" KEYCLOAK_MANAGEMENT_PORT="$KEYCLOAK_MANAGEMENT_PORT" \
  LEAPHEALTH_SMTP_PORT="${LEAPHEALTH_SMTP_PORT:-$MAIL_SMTP_PORT}" \
    setsid bash src/main/scripts/keycloak.sh >target/keycloak.log 2>&1 </dev/null &
  keycloak_pid=$!
fi

for ((waited = 0; ; waited++)); do
  http_answers "$MAIL_API_PORT" /api/service/readiness 200 && break
  if ! kill -0 "$mail_pid" 2>/dev/null; then
    tail -n 30 target/mailserver.log >&2 || true
    fail "the mail server stopped while starting; see target/mailserver.log"
  fi
  ((waited < MAIL_WAIT_SECONDS)) || fail "the mail server did not answer within ${MAIL_WAIT_SECONDS}s; see target/mailserver.log"
  sleep 1
done

discovery="/realms/leaphealth/.well-known/openid-configuration"
for ((waited = 0; ; waited++)); do
  http_answers "$KEYCLOAK_PORT" "$discovery" 200 && break
  if [[ -n "$keycloak_pid" ]] && ! kill -0 "$keycloak_pid" 2>/dev/null; then
    tail -n 30 target/keycloak.log >&2 || true
    fail "Keycloak stopped while starting; see target/keycloak.log"
  fi
  ((waited < KEYCLOAK_WAIT_SECONDS)) || fail "Keycloak did not answer within ${KEYCLOAK_WAIT_SECONDS}s; see target/keycloak.log"
  sleep 1
done
echo "Keycloak is ready after ${waited}s."

echo "Starting the portal on http://localhost:$PORTAL_PORT (log: target/portal.log)..."
java_command="java"
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && java_command="$JAVA_HOME/bin/java"
# The demo profile: its throwaway secrets and the sandbox gateway (production refuses to start with them)
QUARKUS_PROFILE="${QUARKUS_PROFILE:-demo}" \
QUARKUS_OIDC_AUTH_SERVER_URL="http://localhost:$KEYCLOAK_PORT/realms/leaphealth" \
QUARKUS_HTTP_PORT="$PORTAL_PORT" \
QUARKUS_MANAGEMENT_PORT="$PORTAL_MANAGEMENT_PORT" \
PORTAL_DEMO_SMTP_PORT="$MAIL_SMTP_PORT" \
  setsid "$java_command" ${PORTAL_JAVA_OPTS:-} -jar "$PORTAL_JAR" >target/portal.log 2>&1 </dev/null &
portal_pid=$!

# Any HTTP answer counts: the home page redirects to the login.
for ((waited = 0; ; waited++)); do
  http_answers "$PORTAL_PORT" / && break
  if ! kill -0 "$portal_pid" 2>/dev/null; then
    tail -n 30 target/portal.log >&2 || true
    fail "the portal stopped while starting; see target/portal.log"
  fi
  ((waited < PORTAL_WAIT_SECONDS)) || fail "the portal did not answer within ${PORTAL_WAIT_SECONDS}s; see target/portal.log"
  sleep 1
done

cat <<EOF

  Leaphealth patient portal:  http://localhost:$PORTAL_PORT
  Keycloak (realm leaphealth): http://localhost:$KEYCLOAK_PORT/realms/leaphealth/account

  user           password  who
  amelia         demo      Amelia Hart, patient of Harbour Health (tenant 1)
  oliver         demo      Oliver Brooks, patient of Harbour Health
  isla           demo      Isla Patel, patient of Harbour Health, due at the Manchester front desk this hour
  noah           demo      Noah Williams, patient of Harbour Health, three visits last week nobody marked
  maya           demo      Maya Johnson, patient of Sunrise Clinics (tenant 2)
  ethan          demo      Ethan Rivera, patient of Sunrise Clinics
  chloe          demo      Chloe Martin, patient of Sunrise Clinics, one paid visit too close to cancel online
  staff.harbour  demo      front desk of Harbour Health (day list, approvals, previews, sandbox refunds)
  staff.sunrise  demo      front desk of Sunrise Clinics (day list, approvals, previews, sandbox refunds)
  desk.harbour   demo      another member of Harbour Health's front desk, acting for patients on the phone
  desk.sunrise   demo      another member of Sunrise Clinics' front desk
  nolead         demo      a patient account with no patient record behind it (shows the 403 page)
  ghost          demo      a patient account whose record does not exist (shows the 403 page)

  The patients' mail (every demo address is @example.com; nothing leaves this machine):
    in a browser  http://localhost:$MAIL_API_PORT/api/user/amelia@example.com/messages/INBOX
    in a mail client  IMAP localhost:$MAIL_IMAP_PORT, no encryption, user amelia@example.com, any password

  Logs: target/portal.log, target/keycloak.log, target/mailserver.log. Ctrl-C stops all three.

EOF

# Runs until Ctrl-C, or until one of the two stops by itself.
status=0
wait -n $keycloak_pid "$portal_pid" "$mail_pid" || status=$?
if ! kill -0 "$portal_pid" 2>/dev/null; then
  echo "run-demo: the portal stopped (exit $status); see target/portal.log" >&2
elif ! kill -0 "$mail_pid" 2>/dev/null; then
  echo "run-demo: the mail server stopped (exit $status); see target/mailserver.log" >&2
else
  echo "run-demo: Keycloak stopped (exit $status); see target/keycloak.log" >&2
fi
exit 1
