#!/usr/bin/env bash
# The load benchmark (issue 8): the packaged portal on a real PostgreSQL with a large generated data
# set, driven by wrk from a separate process, with real bearer tokens from Keycloak. Writes
# target/bench/report.md and target/bench/report.json. Everything it starts listens on 127.0.0.1 and
# is stopped when it ends, however it ends.
#
#   BENCH_DURATION     seconds per load scenario (default 15)
#   BENCH_REGENERATE   1 to throw the cached data set away and generate it again
#   BENCH_JFR          1 to record each portal with Java Flight Recorder (target/bench/portal-<port>-<time>.jfr)
#   BENCH_PG_PORT      PostgreSQL (55433); the portals use 8190 and 8191, nginx 8199, Keycloak 8183/9183
#   PETCLINIC_JAR      a built Spring PetClinic jar (src/bench/petclinic.sh builds one): after the
#                      single-portal scenarios, PetClinic and the portal side by side (issue 32), PetClinic
#                      on 127.0.0.1:8188 with a database of its own on the same PostgreSQL; without it the
#                      report says the comparison was skipped
#   LEAPHEALTH_CACHE, KEYCLOAK_JAVA_HOME, MVN   as for src/main/scripts/keycloak.sh
set -euo pipefail

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CALLER_DIR="$PWD"
cd "$PROJECT_DIR"
BENCH_DIR="$PROJECT_DIR/src/bench"
OUT="$PROJECT_DIR/target/bench"
export BENCH_DURATION="${BENCH_DURATION:-15}"
export BENCH_PG_PORT="${BENCH_PG_PORT:-55433}"
export BENCH_PORTAL_PORT=8190 BENCH_PORTAL2_PORT=8191 BENCH_NGINX_PORT=8199
export BENCH_KEYCLOAK_PORT=8183 BENCH_KEYCLOAK_MANAGEMENT_PORT=9183 BENCH_PETCLINIC_PORT=8188
export BENCH_OUT="$OUT"
PGDATA="$OUT/pgdata"
DATASET_KEY_FILE="$OUT/dataset.key"
MVN="${MVN:-mvn}"
# Demo values for a database that only listens on 127.0.0.1 for the length of the run.
DB_USER=portal DB_PASSWORD=portal DB_NAME=portal
STARTED_AT=$(date +%s)

log() { echo "[bench +$(( $(date +%s) - STARTED_AT ))s] $*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

# Told to compare with PetClinic but given no jar: said now rather than after the portal's scenarios.
if [[ -n "${PETCLINIC_JAR:-}" ]]; then
  [[ "$PETCLINIC_JAR" == /* ]] || PETCLINIC_JAR="$CALLER_DIR/$PETCLINIC_JAR"
  [[ -f "$PETCLINIC_JAR" ]] || fail "PETCLINIC_JAR=$PETCLINIC_JAR is not a file (src/bench/petclinic.sh builds the jar)"
  export PETCLINIC_JAR
fi

mkdir -p "$OUT"
# Logs and results of the previous run; the cached data set (pgdata, dataset.key) stays.
rm -rf "$OUT"/*.log "$OUT"/*.json "$OUT"/report.md "$OUT"/work "$OUT"/nginx
mkdir -p "$OUT/work"
echo "$STARTED_AT" > "$OUT/work/started_at"

if [[ $(id -u) -eq 0 ]]; then SUDO=(); else SUDO=(sudo); fi

# ---------------------------------------------------------------------------------------------
# Processes this run started, stopped in reverse order by their own ids.
# ---------------------------------------------------------------------------------------------
KEYCLOAK_PID="" PORTAL_PID="" PORTAL2_PID="" PETCLINIC_PID="" NGINX_STARTED="" PG_STARTED=""
PG_CTL="" AS_PG=()

stop_pid() { # pid name
  local pid="$1"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [[ -n "$NGINX_STARTED" ]] && nginx -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf" -s stop 2>/dev/null || true
  stop_pid "$PETCLINIC_PID"
  stop_pid "$PORTAL2_PID"
  stop_pid "$PORTAL_PID"
  # keycloak.sh runs in its own process group: the script, kc.sh and its JVM
  if [[ -n "$KEYCLOAK_PID" ]] && kill -0 "$KEYCLOAK_PID" 2>/dev/null; then
    kill -TERM -- "-$KEYCLOAK_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$KEYCLOAK_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$KEYCLOAK_PID" 2>/dev/null || true
  fi
  [[ -n "$PG_STARTED" ]] && "${AS_PG[@]}" "$PG_CTL" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
  log "stopped everything it started (exit $status); total $(( $(date +%s) - STARTED_AT )) s"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
# 1. What the machine lacks, from Debian's packages.
# ---------------------------------------------------------------------------------------------
pg_bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

install_missing() {
  local packages=()
  command -v wrk >/dev/null || packages+=(wrk)
  [[ -x /usr/sbin/nginx ]] || command -v nginx >/dev/null || packages+=(nginx-light)
  local bin; bin="$(pg_bin_dir)"
  if [[ -z "$bin" || ! -x "$bin/postgres" || ! -x "$bin/pgbench" ]]; then packages+=(postgresql postgresql-contrib); fi
  command -v python3 >/dev/null || packages+=(python3)
  command -v curl >/dev/null || packages+=(curl)
  ((${#packages[@]})) || return 0
  log "installing ${packages[*]} with apt-get"
  # Debian's postgresql package would create and start a cluster of its own on 5432: not wanted here.
  if [[ ! -f /etc/postgresql-common/createcluster.conf ]]; then
    "${SUDO[@]}" mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" | "${SUDO[@]}" tee /etc/postgresql-common/createcluster.conf >/dev/null
  fi
  if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}" >"$OUT/apt.log" 2>&1; then
    "${SUDO[@]}" apt-get update -q >>"$OUT/apt.log" 2>&1
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}" >>"$OUT/apt.log" 2>&1 \
      || fail "apt-get install ${packages[*]} (see $OUT/apt.log)"
  fi
}

install_missing
PG_BIN="$(pg_bin_dir)"
PG_CTL="$PG_BIN/pg_ctl"
export PATH="$PG_BIN:$PATH"

# ---------------------------------------------------------------------------------------------
# Keycloak starts first, in the background: its first start takes the longest.
# ---------------------------------------------------------------------------------------------
log "starting Keycloak on $BENCH_KEYCLOAK_PORT (log: target/bench/keycloak.log)"
KEYCLOAK_PORT=$BENCH_KEYCLOAK_PORT KEYCLOAK_MANAGEMENT_PORT=$BENCH_KEYCLOAK_MANAGEMENT_PORT MVN="$MVN" \
  setsid bash src/main/scripts/keycloak.sh >"$OUT/keycloak.log" 2>&1 &
KEYCLOAK_PID=$!

# ---------------------------------------------------------------------------------------------
# 2. The packaged portal, rebuilt when the sources are newer than the build.
# ---------------------------------------------------------------------------------------------
# With a class-data sharing archive (Quarkus's AppCDS), which the JVM maps instead of loading and
# verifying the same classes again at every start.
JAR=target/quarkus-app/quarkus-run.jar
CDS=target/quarkus-app/app-cds.jsa
if [[ ! -f "$JAR" || ! -f "$CDS" ]] || [[ -n "$(find pom.xml src/main web-assets -newer "$JAR" -type f -print -quit)" ]]; then
  log "building the portal (mvn -B -DskipTests package -Dquarkus.package.jar.appcds.enabled=true; log: target/bench/build.log)"
  "$MVN" -B -q -DskipTests package -Dquarkus.package.jar.appcds.enabled=true >"$OUT/build.log" 2>&1 \
    || { tail -n 40 "$OUT/build.log" >&2; fail "the build failed"; }
fi

# ---------------------------------------------------------------------------------------------
# PostgreSQL: Debian's server, its own cluster in target/bench/pgdata, tuned for 2 cores.
# ---------------------------------------------------------------------------------------------
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || fail "running as root needs the postgres system user (package postgresql-common)"
  AS_PG=(runuser -u postgres --)
fi
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres "$@"; }

dataset_key() {
  cat src/main/resources/db/migration/* "$BENCH_DIR/generate.sql" "$BENCH_DIR/postgresql.conf" | sha256sum | cut -c1-16
}
KEY="$(dataset_key)"
cached_ok() {
  [[ -f "$DATASET_KEY_FILE" && -f "$PGDATA/PG_VERSION" && "${BENCH_REGENERATE:-0}" != 1 ]] || return 1
  local key day
  read -r key day <"$DATASET_KEY_FILE"
  # the data set is laid out around the day it was made; a week later the days ahead run short
  [[ "$key" == "$KEY" ]] && (( $(date +%s) - day < 6 * 86400 ))
}

start_postgres() {
  : >"$OUT/postgres.log"
  [[ ${#AS_PG[@]} -gt 0 ]] && chown postgres: "$OUT/postgres.log"
  "${AS_PG[@]}" "$PG_CTL" -D "$PGDATA" -l "$OUT/postgres.log" -o "-p $BENCH_PG_PORT" -w -t 120 start >/dev/null \
    || { tail -n 20 "$OUT/postgres.log" >&2; fail "PostgreSQL did not start"; }
  PG_STARTED=1
}

GENERATE=1
if cached_ok; then
  GENERATE=0
  log "reusing the generated data set (key $KEY)"
else
  log "new PostgreSQL cluster in target/bench/pgdata"
  rm -rf "$PGDATA" "$DATASET_KEY_FILE"
  mkdir -p "$PGDATA"
  [[ ${#AS_PG[@]} -gt 0 ]] && chown postgres: "$PGDATA"
  chmod 700 "$PGDATA"
  "${AS_PG[@]}" "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --no-sync >"$OUT/initdb.log" 2>&1 \
    || { cat "$OUT/initdb.log" >&2; fail "initdb"; }
fi
# the settings are part of the cache key and are copied in on every run
cp "$BENCH_DIR/postgresql.conf" "$OUT/work/postgresql.bench.conf"
[[ ${#AS_PG[@]} -gt 0 ]] && chown postgres: "$OUT/work/postgresql.bench.conf"
"${AS_PG[@]}" cp "$OUT/work/postgresql.bench.conf" "$PGDATA/postgresql.bench.conf"
grep -q "include 'postgresql.bench.conf'" "$PGDATA/postgresql.conf" \
  || echo "include 'postgresql.bench.conf'" | "${AS_PG[@]}" tee -a "$PGDATA/postgresql.conf" >/dev/null
log "starting PostgreSQL on 127.0.0.1:$BENCH_PG_PORT"
start_postgres

if [[ $GENERATE == 1 ]]; then
  psql_admin -c "create role $DB_USER login password '$DB_PASSWORD'" \
             -c "create database $DB_NAME owner $DB_USER" \
             -c "create database pgbench"
  psql_admin -d "$DB_NAME" -c "create extension pg_stat_statements"
fi
psql_admin -d postgres -c "create extension if not exists pg_stat_statements"

# ---------------------------------------------------------------------------------------------
# The portal: started by the benchmark, always against this database and Keycloak.
# ---------------------------------------------------------------------------------------------
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
portal_env() {
  export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$BENCH_PG_PORT/$DB_NAME"
  export QUARKUS_DATASOURCE_USERNAME=$DB_USER QUARKUS_DATASOURCE_PASSWORD=$DB_PASSWORD
  export QUARKUS_OIDC_AUTH_SERVER_URL="http://localhost:$BENCH_KEYCLOAK_PORT/realms/leaphealth"
  export PORTAL_DEMO_DATA=false
  # the demo profile's throwaway secrets and sandbox gateway (production refuses them)
  export QUARKUS_PROFILE=demo
  # the per-patient limits would throttle a load test; the limiter still runs and its SQL is counted
  export PORTAL_RATE_LIMIT_REQUESTS_PER_MINUTE=100000000 PORTAL_RATE_LIMIT_WRITES_PER_MINUTE=100000000
  export QUARKUS_LOG_CONSOLE_FORMAT='%d{HH:mm:ss,SSS} %-5p [%c{2.}] %s%e%n'
}
read -r -a PORTAL_JVM_OPTS <<<"$(grep -v '^#' "$BENCH_DIR/portal.jvm" | tr '\n' ' ')"
[[ -f "$CDS" ]] && PORTAL_JVM_OPTS+=("-XX:SharedArchiveFile=$CDS")

# start_portal port log [VAR=value...] -> sets STARTED_PID
start_portal() {
  local port="$1" log="$2"
  shift 2
  local jfr=()
  # BENCH_JFR=1 records each portal with Java Flight Recorder's profiling settings, for finding where time goes
  if [[ "${BENCH_JFR:-0}" == 1 ]]; then
    jfr=("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=$OUT/portal-$port-$(date +%s).jfr")
  fi
  # two malloc arenas: glibc would otherwise give each busy thread its own, which shows up as RSS
  (portal_env; export QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$((port + 1000))" "$@"; export MALLOC_ARENA_MAX=2; exec "$JAVA" "${PORTAL_JVM_OPTS[@]}" "${jfr[@]}" -jar "$JAR" >"$log" 2>&1) &
  STARTED_PID=$!
}

# wait_http url seconds: until the URL answers 200
wait_http() {
  local deadline=$(( $(date +%s) + $2 ))
  until curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; do
    (( $(date +%s) < deadline )) || return 1
    sleep 0.05
  done
}

# An anonymous route: the health check where the portal has one, otherwise its stylesheet.
probe_path() {
  if grep -q "quarkus-smallrye-health" pom.xml; then echo /q/health/live; else echo /assets/css/portal.css; fi
}
PROBE="$(probe_path)"
echo "$PROBE" >"$OUT/work/probe_path"

if [[ $GENERATE == 1 ]]; then
  # Flyway migrates at the portal's start; the generator fills the migrated schema.
  log "migrating the schema through the portal's Flyway"
  start_portal "$BENCH_PORTAL_PORT" "$OUT/portal-migrate.log" QUARKUS_OIDC_TENANT_ENABLED=false
  PORTAL_PID=$STARTED_PID
  # Flyway needs no Keycloak, which may still be starting
  wait_http "http://127.0.0.1:$BENCH_PORTAL_PORT$PROBE" 180 || { tail -n 30 "$OUT/portal-migrate.log" >&2; fail "the portal did not start"; }
  stop_pid "$PORTAL_PID"; PORTAL_PID=""
  log "generating the data set (set-based SQL; log: target/bench/generate.log)"
  gen_start=$(date +%s)
  psql_admin -d "$DB_NAME" -f "$BENCH_DIR/generate.sql" >"$OUT/generate.log" 2>&1 \
    || { tail -n 20 "$OUT/generate.log" >&2; fail "data generation"; }
  psql_admin -d "$DB_NAME" -c "create table if not exists bench_generated as
      select (select max(id) from appointment) as appointment_id, (select max(id) from appointment_event) as event_id,
             (select max(id) from payment) as payment_id, (select max(id) from refund) as refund_id" >/dev/null
  echo "$(( $(date +%s) - gen_start ))" >"$OUT/work/generate_seconds"
  log "pgbench's own database (pgbench -i -s 20)"
  pgbench -i -q -s 20 -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres pgbench >"$OUT/pgbench-init.log" 2>&1 \
    || { tail -n 20 "$OUT/pgbench-init.log" >&2; fail "pgbench -i"; }
  psql_admin -c "checkpoint"
  echo "$KEY $(date +%s)" >"$DATASET_KEY_FILE"
  log "data set generated in $(cat "$OUT/work/generate_seconds") s"
else
  # Back to the data set as generated: what earlier runs booked goes, so every run starts alike.
  log "removing what earlier runs booked"
  psql_admin -d "$DB_NAME" -f "$BENCH_DIR/reset.sql" >"$OUT/reset.log" 2>&1 || { tail "$OUT/reset.log" >&2; fail "reset"; }
  echo 0 >"$OUT/work/generate_seconds"
fi
psql_admin -d "$DB_NAME" -At -c "select count(*) from slot" >"$OUT/work/slots"

# ---------------------------------------------------------------------------------------------
# The measured start: the JVM on the generated database, Keycloak already answering.
# ---------------------------------------------------------------------------------------------
log "waiting for Keycloak"
wait_http "http://localhost:$BENCH_KEYCLOAK_PORT/realms/leaphealth/.well-known/openid-configuration" 300 \
  || { tail -n 30 "$OUT/keycloak.log" >&2; fail "Keycloak did not start"; }
log "starting the portal on $BENCH_PORTAL_PORT"
t0=$(date +%s%N)
start_portal "$BENCH_PORTAL_PORT" "$OUT/portal-1.log"
PORTAL_PID=$STARTED_PID
wait_http "http://127.0.0.1:$BENCH_PORTAL_PORT$PROBE" 120 || { tail -n 30 "$OUT/portal-1.log" >&2; fail "the portal did not start"; }
t1=$(date +%s%N)
echo "$(( (t1 - t0) / 1000000 ))" >"$OUT/work/start_ms"
echo "$PORTAL_PID" >"$OUT/work/portal_pid"
log "portal answered after $(( (t1 - t0) / 1000000 )) ms"

# ---------------------------------------------------------------------------------------------
# 3-7. Logins, then scenarios 1-7 against one portal.
# ---------------------------------------------------------------------------------------------
python3 "$BENCH_DIR/bench.py" single

# ---------------------------------------------------------------------------------------------
# PetClinic beside the portal (PETCLINIC_JAR): its own database on the same PostgreSQL, the portal's
# JVM options and malloc arenas, 127.0.0.1 only, no management endpoints; stopped before step 8.
# ---------------------------------------------------------------------------------------------
petclinic_skipped() { echo "$1" >"$OUT/work/petclinic_skipped"; log "PetClinic comparison skipped: $1"; }
if [[ -z "${PETCLINIC_JAR:-}" ]]; then
  petclinic_skipped "PETCLINIC_JAR is not set (build the jar with src/bench/petclinic.sh, see src/docs/benchmark.md)"
else
  # A new database each run: PetClinic's schema script adds its indexes again at every start.
  psql_admin -d postgres -c "set client_min_messages = warning" -c "drop database if exists petclinic" \
    -c "do \$\$ begin if not exists (select from pg_roles where rolname = 'petclinic') then
          create role petclinic login password 'petclinic'; end if; end \$\$" \
    -c "create database petclinic owner petclinic"
  log "starting PetClinic ($(basename "$PETCLINIC_JAR")) on $BENCH_PETCLINIC_PORT (log: target/bench/petclinic.log)"
  read -r -a PETCLINIC_JVM_OPTS <<<"$(grep -v '^#' "$BENCH_DIR/portal.jvm" | tr '\n' ' ')"
  (export POSTGRES_URL="jdbc:postgresql://127.0.0.1:$BENCH_PG_PORT/petclinic" POSTGRES_USER=petclinic POSTGRES_PASS=petclinic
   export MALLOC_ARENA_MAX=2
   exec "$JAVA" "${PETCLINIC_JVM_OPTS[@]}" -jar "$PETCLINIC_JAR" --spring.profiles.active=postgres \
     --server.address=127.0.0.1 --server.port="$BENCH_PETCLINIC_PORT" --management.server.port=-1 \
     >"$OUT/petclinic.log" 2>&1) &
  PETCLINIC_PID=$!
  t0=$(date +%s%N)
  if wait_http "http://127.0.0.1:$BENCH_PETCLINIC_PORT/" 180; then
    echo "$(( ($(date +%s%N) - t0) / 1000000 ))" >"$OUT/work/petclinic_start_ms"
    echo "$PETCLINIC_PID" >"$OUT/work/petclinic_pid"
    log "PetClinic answered after $(cat "$OUT/work/petclinic_start_ms") ms"
    python3 "$BENCH_DIR/bench.py" petclinic
  else
    tail -n 30 "$OUT/petclinic.log" >&2
    petclinic_skipped "PetClinic did not answer on 127.0.0.1:$BENCH_PETCLINIC_PORT within 180 s (see target/bench/petclinic.log)"
  fi
  stop_pid "$PETCLINIC_PID"; PETCLINIC_PID=""
fi

# ---------------------------------------------------------------------------------------------
# 8. A second portal on the same database, both behind nginx.
# ---------------------------------------------------------------------------------------------
log "starting a second portal on $BENCH_PORTAL2_PORT and nginx on $BENCH_NGINX_PORT"
start_portal "$BENCH_PORTAL2_PORT" "$OUT/portal-2.log"
PORTAL2_PID=$STARTED_PID
wait_http "http://127.0.0.1:$BENCH_PORTAL2_PORT$PROBE" 120 || { tail -n 30 "$OUT/portal-2.log" >&2; fail "the second portal did not start"; }
echo "$PORTAL2_PID" >"$OUT/work/portal2_pid"
mkdir -p "$OUT/nginx/logs"
sed -e "s/@NGINX_PORT@/$BENCH_NGINX_PORT/" -e "s/@PORTAL_PORT@/$BENCH_PORTAL_PORT/" -e "s/@PORTAL2_PORT@/$BENCH_PORTAL2_PORT/" \
  "$BENCH_DIR/nginx.conf" >"$OUT/nginx/nginx.conf"
nginx -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf" || fail "nginx did not start"
NGINX_STARTED=1
wait_http "http://127.0.0.1:$BENCH_NGINX_PORT$PROBE" 20 || fail "nginx does not answer"
python3 "$BENCH_DIR/bench.py" scaled

echo "$(( $(date +%s) - STARTED_AT ))" >"$OUT/work/total_seconds"
python3 "$BENCH_DIR/bench.py" report
log "report: target/bench/report.md and target/bench/report.json"
