#!/usr/bin/env bash
# Runs the demo's mail server in the foreground: GreenMail standalone, a real SMTP and IMAP server
# that keeps every message it is sent in memory and delivers none onward. TERM or Ctrl-C stops it.
#
#   MAIL_SMTP_PORT   SMTP, where the portal sends (default 3025)
#   MAIL_IMAP_PORT   IMAP, for a mail client: any user name is an address, any password works (default 3143)
#   MAIL_API_PORT    GreenMail's HTTP API: /api/user/<address>/messages/INBOX lists what arrived (default 8025)
#   LEAPHEALTH_CACHE where the server's jar is kept once per machine (default ~/.cache/leaphealth)
#   MVN              the Maven command that fetches it (default mvn)
set -euo pipefail

GREENMAIL_VERSION=2.1.5
MAIL_SMTP_PORT="${MAIL_SMTP_PORT:-3025}"
MAIL_IMAP_PORT="${MAIL_IMAP_PORT:-3143}"
MAIL_API_PORT="${MAIL_API_PORT:-8025}"
CACHE="${LEAPHEALTH_CACHE:-$HOME/.cache/leaphealth}"
JAR="$CACHE/greenmail-standalone-$GREENMAIL_VERSION.jar"
MVN="${MVN:-mvn}"

fail() {
  echo "mailserver.sh: $*" >&2
  exit 1
}

# Fetched through Maven's own resolver (whatever repository Maven is configured with), once per machine.
if [[ ! -f "$JAR" ]]; then
  mkdir -p "$CACHE"
  exec 9>"$JAR.lock"
  flock 9
  if [[ ! -f "$JAR" ]]; then
    command -v "$MVN" >/dev/null 2>&1 || fail "GreenMail is not fetched yet and Maven ($MVN) is not on PATH"
    staging="$(mktemp -d "$CACHE/.greenmail.XXXXXX")"
    echo "Fetching GreenMail $GREENMAIL_VERSION through Maven (once per machine, about 10 MB)..." >&2
    if ! (cd "$staging" && "$MVN" -B -q dependency:copy \
          "-Dartifact=com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" "-DoutputDirectory=$staging"); then
      rm -rf "$staging"
      fail "could not fetch com.icegreen:greenmail-standalone:$GREENMAIL_VERSION with Maven"
    fi
    mv "$staging/greenmail-standalone-$GREENMAIL_VERSION.jar" "$JAR"
    rm -rf "$staging"
  fi
  flock -u 9
  exec 9>&-
fi

java_command="java"
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && java_command="$JAVA_HOME/bin/java"
echo "GreenMail $GREENMAIL_VERSION: SMTP 127.0.0.1:$MAIL_SMTP_PORT, IMAP 127.0.0.1:$MAIL_IMAP_PORT, API http://localhost:$MAIL_API_PORT" >&2
exec "$java_command" -Xmx128m \
  -Dgreenmail.smtp.hostname=127.0.0.1 "-Dgreenmail.smtp.port=$MAIL_SMTP_PORT" \
  -Dgreenmail.imap.hostname=127.0.0.1 "-Dgreenmail.imap.port=$MAIL_IMAP_PORT" \
  -Dgreenmail.api.hostname=127.0.0.1 "-Dgreenmail.api.port=$MAIL_API_PORT" \
  -Dgreenmail.auth.disabled \
  -jar "$JAR"
