#!/usr/bin/env python3
"""The benchmark's client side, run by bench.sh once its servers are up (standard library only).

    bench.py single   logins, then scenarios 1-7 against one portal
    bench.py petclinic  Spring PetClinic and the portal side by side, A/B/A/B (when bench.sh started one)
    bench.py scaled   scenario 8: scenarios 2 and 5 again through nginx in front of two portals
    bench.py report   target/bench/report.md and report.json from what the two wrote

Load comes from wrk (a separate process) with the Lua scripts beside this file; the burst is fired
from here, 200 threads on 200 open connections released at once. SQL statements per request come
from pg_stat_statements, reset before each scenario.
"""
import http.client
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse
import zipfile
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.environ["BENCH_OUT"]
WORK = os.path.join(OUT, "work")
DURATION = int(os.environ.get("BENCH_DURATION", "15"))
WARMUP = 3
PG_PORT = os.environ["BENCH_PG_PORT"]
PORTAL = int(os.environ["BENCH_PORTAL_PORT"])
NGINX = int(os.environ["BENCH_NGINX_PORT"])
KEYCLOAK = int(os.environ["BENCH_KEYCLOAK_PORT"])
PETCLINIC = int(os.environ.get("BENCH_PETCLINIC_PORT", "8188"))
REALM = "leaphealth"
# Demo values of the throwaway in-memory Keycloak (keycloak.sh) and of the benchmark's own logins.
ADMIN_USER, ADMIN_PASSWORD, PASSWORD = "admin", "admin", "bench-demo"
READ_CONNECTIONS = 32
CYCLE_CONNECTIONS = 16
BURST = 200

# Benchmark logins by lead (generate.sql keeps leads 2-1000 and 25001-26000 free of active bookings).
HISTORY_LEAD = 1
BURST_LEADS = list(range(2, 2 + BURST))
CYCLE_LEADS = list(range(2 + BURST, 2 + BURST + 4 * CYCLE_CONNECTIONS))
# The warm-up stops in the middle of cycles: its holds stay open, so it gets patients of its own.
WARMUP_CYCLE_LEADS = list(range(CYCLE_LEADS[-1] + 1, CYCLE_LEADS[-1] + 1 + CYCLE_CONNECTIONS))
TENANT2_READERS = list(range(25002, 25052))


def log(message):
    started = int(open(os.path.join(WORK, "started_at")).read())
    print(f"[bench +{int(time.time()) - started}s] {message}", file=sys.stderr, flush=True)


def save(name, value):
    with open(os.path.join(WORK, name), "w") as f:
        json.dump(value, f, indent=2)


def load(name, default=None):
    path = os.path.join(WORK, name)
    if not os.path.exists(path):
        return default
    with open(path) as f:
        return json.load(f)


def psql(sql, db="portal"):
    result = subprocess.run(["psql", "-X", "-At", "-F", "\t", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres",
                             "-d", db, "-v", "ON_ERROR_STOP=1", "-c", sql], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"psql failed: {result.stderr}\n{sql}")
    return [line.split("\t") for line in result.stdout.splitlines() if line]


# ----------------------------------------------------------------------------------------------
# HTTP
# ----------------------------------------------------------------------------------------------
class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def header(self, name):
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)

    def text(self):
        return self.body.decode("utf-8", "replace")


def call(port, method, path, headers=None, body=None, host=None, timeout=30):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = dict(headers or {})
        if host:
            headers["Host"] = host
        if isinstance(body, dict):
            body = urllib.parse.urlencode(body)
            headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        connection.request(method, path, body=body, headers=headers)
        r = connection.getresponse()
        return Response(r.status, r.getheaders(), r.read())
    finally:
        connection.close()


def bearer(token):
    return {"Authorization": "Bearer " + token}


# ----------------------------------------------------------------------------------------------
# Keycloak: the benchmark's patients, and their tokens
# ----------------------------------------------------------------------------------------------
def keycloak(method, path, token=None, body=None, form=None):
    headers = {} if token is None else bearer(token)
    data = None
    if body is not None:
        data = json.dumps(body)
        headers["Content-Type"] = "application/json"
    elif form is not None:
        data = form
    r = call(KEYCLOAK, method, path, headers, data, host=f"localhost:{KEYCLOAK}", timeout=120)
    if r.status >= 300:
        raise RuntimeError(f"Keycloak {method} {path} answered {r.status}: {r.text()[:300]}")
    return json.loads(r.body) if r.body else None


def password_token(username, password, realm=REALM, client="portal-test"):
    return keycloak("POST", f"/realms/{realm}/protocol/openid-connect/token",
                    form={"grant_type": "password", "client_id": client, "username": username,
                          "password": password, "scope": "openid"})["access_token"]


def create_logins(leads_by_tenant):
    admin = password_token(ADMIN_USER, ADMIN_PASSWORD, realm="master", client="admin-cli")
    realm = keycloak("GET", f"/admin/realms/{REALM}", admin)
    # Long enough for the whole run; hashing kept cheap, as these logins exist only in memory for this run.
    realm["accessTokenLifespan"] = 3600
    realm["ssoSessionIdleTimeout"] = max(realm.get("ssoSessionIdleTimeout") or 0, 7200)
    realm["ssoSessionMaxLifespan"] = max(realm.get("ssoSessionMaxLifespan") or 0, 36000)
    realm["passwordPolicy"] = "hashIterations(1)"
    keycloak("PUT", f"/admin/realms/{REALM}", admin, body=realm)
    # the shipped realm has no password-grant client: the tests' one is added for the run, as the tests add it
    with open(os.path.join(HERE, "..", "test", "keycloak", "test-clients.json")) as f:
        for client in json.load(f):
            r = call(KEYCLOAK, "POST", f"/admin/realms/{REALM}/clients", {**bearer(admin), "Content-Type": "application/json"},
                     json.dumps(client), host=f"localhost:{KEYCLOAK}", timeout=120)
            if r.status not in (201, 409):
                raise RuntimeError(f"adding the test client {client['clientId']} answered {r.status}: {r.text()[:300]}")
    users = [{
        "username": f"bench-{lead}", "enabled": True, "email": f"bench-{lead}@example.com", "emailVerified": True,
        "firstName": "Bench", "lastName": f"Patient {lead}",
        "attributes": {"tenant_id": [str(tenant)], "lead_id": [str(lead)]},
        "realmRoles": ["patient", f"default-roles-{REALM}"],
        "credentials": [{"type": "password", "value": PASSWORD, "temporary": False}],
    } for tenant, leads in leads_by_tenant.items() for lead in leads]
    keycloak("POST", f"/admin/realms/{REALM}/partialImport", admin,
             body={"ifResourceExists": "OVERWRITE", "users": users})
    log(f"{len(users)} logins imported")
    leads = [lead for leads in leads_by_tenant.values() for lead in leads]
    with ThreadPoolExecutor(8) as pool:
        tokens = list(pool.map(lambda lead: password_token(f"bench-{lead}", PASSWORD), leads))
    return dict(zip(leads, tokens))


# ----------------------------------------------------------------------------------------------
# The portal's CSRF pair, fetched once per patient as a browser gets it with its first page
# ----------------------------------------------------------------------------------------------
META_CSRF = re.compile(r'<meta name="csrf-token" content="([^"]*)"')


def csrf_pair(port, token):
    r = call(port, "GET", "/", bearer(token))
    if r.status != 200:
        raise RuntimeError(f"GET / answered {r.status}: {r.text()[:300]}")
    meta = META_CSRF.search(r.text())
    cookie = ""
    for name, value in r.headers:
        if name.lower() == "set-cookie" and value.startswith("csrf-token="):
            cookie = value.split(";", 1)[0].split("=", 1)[1]
    return (cookie, meta.group(1) if meta else "")


def write_headers(user):
    headers = bearer(user["token"])
    if user["csrf"]:
        headers["X-CSRF-TOKEN"] = user["csrf"]
        headers["Cookie"] = "csrf-token=" + user["cookie"]
    return headers


# ----------------------------------------------------------------------------------------------
# Measurements around a scenario: SQL statements, memory
# ----------------------------------------------------------------------------------------------
TRANSACTION_CONTROL = re.compile(r"^\s*(begin|commit|rollback|set |show |savepoint|release|discard|start transaction)",
                                 re.I)


def reset_statements():
    psql("select pg_stat_statements_reset()")


def statements(db="portal"):
    """What the application's database user (named as its database) ran since the last reset."""
    rows = psql(f"""select s.calls, round(s.total_exec_time::numeric, 1), regexp_replace(s.query, '\\s+', ' ', 'g')
                   from pg_stat_statements s join pg_database d on d.oid = s.dbid
                   where d.datname = '{db}' and s.userid = (select oid from pg_roles where rolname = '{db}')
                   order by s.calls desc""")
    kinds = {"page": 0, "caller": 0, "rate_limit": 0, "transaction": 0}
    top = []
    for calls, total_ms, query in rows:
        calls = int(calls)
        if TRANSACTION_CONTROL.match(query):
            kind = "transaction"
        elif "from tenant t left join lead l" in query:
            kind = "caller"
        elif "rate_limit" in query.lower():
            kind = "rate_limit"
        else:
            kind = "page"
        kinds[kind] += calls
        top.append({"calls": calls, "total_ms": float(total_ms), "kind": kind, "query": query[:300]})
    return {"calls": kinds, "top": top[:12]}


class MemoryWatch:
    """The portal's resident memory (VmRSS), sampled twice a second for the whole phase."""

    def __init__(self, pids):
        self.pids = pids
        self.peak = {pid: 0 for pid in pids}
        self.window = {pid: 0 for pid in pids}
        self.running = True
        threading.Thread(target=self.run, daemon=True).start()

    def rss(self, pid):
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) // 1024
        except OSError:
            return 0
        return 0

    def run(self):
        while self.running:
            for pid in self.pids:
                mb = self.rss(pid)
                self.peak[pid] = max(self.peak[pid], mb)
                self.window[pid] = max(self.window[pid], mb)
            time.sleep(0.5)

    def take_window(self):
        """The peak since the last call, read once more now: a burst can end between two samples."""
        window = {pid: max(mb, self.rss(pid)) for pid, mb in self.window.items()}
        self.window = {pid: 0 for pid in self.pids}
        for pid, mb in window.items():
            self.peak[pid] = max(self.peak[pid], mb)
        return max(window.values())


# ----------------------------------------------------------------------------------------------
# Scenarios
# ----------------------------------------------------------------------------------------------
def wrk(port, script, args, connections, threads, seconds):
    out = os.path.join(WORK, "wrk-result.json")
    if os.path.exists(out):
        os.remove(out)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
               "-s", os.path.join(HERE, script), f"http://127.0.0.1:{port}", "--"] + args
    result = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, BENCH_WRK_OUT=out),
                            timeout=seconds + 60)
    if result.returncode != 0 or not os.path.exists(out):
        raise RuntimeError(f"wrk failed: {result.stdout}\n{result.stderr}")
    with open(out) as f:
        return json.load(f)


def figures(run, statements_before=None):
    seconds = run["duration_us"] / 1e6
    lat = run["latency_us"]
    errors = run["errors"]
    return {
        "requests": run["requests"], "seconds": round(seconds, 2),
        "requests_per_s": round(run["requests"] / seconds, 1),
        "latency_ms": {k: round(lat[k] / 1000, 2) for k in ("p50", "p75", "p90", "p95", "p99", "p999", "max", "mean")},
        "errors": errors["status"] + errors["connect"] + errors["read"] + errors["write"] + errors["timeout"],
        "errors_detail": errors,
    }


def with_statements(result, sql, requests):
    calls = sql["calls"]
    per = lambda n: round(n / requests, 2) if requests else None
    result["sql_per_request"] = {
        "all": per(calls["page"] + calls["caller"] + calls["rate_limit"]),
        "page": per(calls["page"]), "caller_lookup": per(calls["caller"]), "rate_limiter": per(calls["rate_limit"]),
        "transaction_control": per(calls["transaction"]),
    }
    result["top_statements"] = sql["top"]
    return result


def load_scenario(name, title, port, script, args, connections, threads, memory, warmup_args=None):
    wrk(port, script, warmup_args or args, connections, threads, WARMUP)
    memory.take_window()
    reset_statements()
    measured_from = time.time()
    run = wrk(port, script, args, connections, threads, DURATION)
    measured = [int(measured_from) + 1, int(time.time())]
    sql = statements()
    result = figures(run)
    result.update({"name": name, "title": title, "connections": connections, "wrk_threads": threads,
                   "measured": measured})
    for key in ("cycles", "failed_cycles", "refused_holds", "unexpected"):
        if key in run:
            result[key] = run[key]
    if "cycles" in run:
        result["cycles_per_s"] = round(run["cycles"] / result["seconds"], 1)
    result["rss_mb"] = memory.take_window()
    with_statements(result, sql, run["requests"])
    log(f"{name}: {result['requests_per_s']} req/s, p50 {result['latency_ms']['p50']} ms, "
        f"p99 {result['latency_ms']['p99']} ms, errors {result['errors']}, "
        f"SQL/request {result['sql_per_request']['all']}")
    return result


def burst(name, title, port, users, slot, service, memory):
    """Every patient holds the same slot at the same moment, each on a connection opened beforehand.

    Beforehand (untimed), each patient has the slot picker of that day open, as patients waiting
    for a clinic's calendar to open at 9:00 do: the hold is the click that follows.
    """
    doctor, centre, day = psql(f"select s.doctor_id, s.centre_id, (s.starts_at at time zone c.timezone)::date "
                               f"from slot s join centre c on c.id = s.centre_id where s.id = {slot}")[0]
    picker = f"/doctors/{doctor}/slots?centre={centre}&service={service}&date={day}"
    with ThreadPoolExecutor(16) as pool:
        looked = list(pool.map(lambda u: call(port, "GET", picker, {**bearer(u["token"]), "HX-Request": "true"}).status,
                               users))
    if any(status != 200 for status in looked):
        raise RuntimeError(f"{name}: the slot picker answered {sorted(set(looked))} before the burst")
    memory.take_window()
    reset_statements()
    connections = []
    for _ in users:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        c.connect()
        connections.append(c)
    gate = threading.Barrier(len(users))
    answers = [None] * len(users)
    body = urllib.parse.urlencode({"slot": slot, "service": service})

    def hold(i):
        headers = write_headers(users[i])
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["HX-Request"] = "true"  # as the picker's hold buttons send it, under htmx
        gate.wait()
        started = time.perf_counter()
        try:
            connections[i].request("POST", "/appointments", body=body, headers=headers)
            r = connections[i].getresponse()
            text = r.read().decode("utf-8", "replace")
            answers[i] = (r.status, (time.perf_counter() - started) * 1000, text, r.getheader("Location") or "")
        except Exception as e:  # noqa: BLE001 - every failure is a figure of the burst
            answers[i] = (0, (time.perf_counter() - started) * 1000, repr(e), "")

    threads = [threading.Thread(target=hold, args=(i,)) for i in range(len(users))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for c in connections:
        c.close()
    sql = statements()
    held = [a for a in answers if a[0] in (201, 303)]
    taken = [a for a in answers if a[0] == 409 and 'data-error-code="SLOT_TAKEN"' in a[2]]
    other = [a for a in answers if a not in held and a not in taken]
    latencies = sorted(a[1] for a in answers)
    pct = lambda p: round(latencies[min(len(latencies) - 1, int(round(p / 100 * len(latencies) + 0.5)) - 1)], 1)
    drafts = int(psql(f"select count(*) from appointment where slot_id = {slot} and status = 'DRAFT'")[0][0])
    # The winner releases the hold, so the same patients can race again (scenario 8).
    release_drafts(port, {u["lead"]: u for u in users}, f"slot_id = {slot}")
    statuses = {}
    for a in answers:
        statuses[str(a[0])] = statuses.get(str(a[0]), 0) + 1
    result = {
        "name": name, "title": title, "patients": len(users), "slot": slot,
        "held": len(held), "slot_taken": len(taken), "other_answers": len(other),
        "other_samples": [f"{a[0]} {a[2][:160]}" for a in other[:5]],
        "statuses": statuses, "fivexx": sum(1 for a in answers if a[0] >= 500),
        "before": f"each patient first loaded the slot picker of that day ({picker}), untimed; the holds are htmx requests",
        "drafts_in_db": drafts,
        "latency_ms": {"p50": pct(50), "p95": pct(95), "p99": pct(99), "max": round(latencies[-1], 1)},
        "requests": len(users), "errors": len(other),
        "rss_mb": memory.take_window(),
    }
    with_statements(result, sql, len(users))
    log(f"{name}: {len(held)} held, {len(taken)} SLOT_TAKEN, {len(other)} other, {drafts} DRAFT in the database, "
        f"p99 {result['latency_ms']['p99']} ms")
    return result


def pgbench(memory):
    """TPC-B-like, in its own database on the same server, as the database's ceiling for writes."""
    memory.take_window()
    prefix = os.path.join(WORK, "pgbench")
    for f in os.listdir(WORK):
        if f.startswith("pgbench."):
            os.remove(os.path.join(WORK, f))
    clients = CYCLE_CONNECTIONS
    command = ["pgbench", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres", "-c", str(clients), "-j", "2",
               "-T", str(DURATION), "-M", "prepared", "-l", "--log-prefix", prefix, "pgbench"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=DURATION + 120)
    if result.returncode != 0:
        raise RuntimeError(f"pgbench failed: {result.stderr}")
    tps = float(re.search(r"tps = ([\d.]+) \(without initial connection time\)", result.stdout).group(1))
    latencies = []
    for f in os.listdir(WORK):
        if f.startswith("pgbench."):
            with open(os.path.join(WORK, f)) as lines:
                latencies.extend(int(line.split()[2]) / 1000 for line in lines if line.strip())
    latencies.sort()
    pct = lambda p: round(latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))], 2)
    transactions = int(re.search(r"number of transactions actually processed: (\d+)", result.stdout).group(1))
    out = {"name": "7-pgbench", "title": "pgbench TPC-B-like (same PostgreSQL server, database pgbench)",
           "clients": clients, "threads": 2, "scale": 20, "transactions": transactions, "tps": tps,
           "requests_per_s": tps, "errors": 0,
           "latency_ms": {"p50": pct(50), "p95": pct(95), "p99": pct(99), "max": round(latencies[-1], 2)},
           "sql_per_request": {"all": 5, "page": 5, "note": "TPC-B: 3 updates, 1 select, 1 insert per transaction"},
           "stdout": result.stdout.strip().splitlines()[-6:]}
    log(f"7-pgbench: {tps} tps, p99 {out['latency_ms']['p99']} ms")
    return out


# ----------------------------------------------------------------------------------------------
# Set-up of the requests: doctors, days, history cursors, free slots
# ----------------------------------------------------------------------------------------------
def write_lines(name, lines):
    path = os.path.join(WORK, name)
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path


def expect_ok(port, path, token, htmx=False, what=""):
    headers = bearer(token) if token else {}
    if htmx:
        headers["HX-Request"] = "true"
    r = call(port, "GET", path, headers)
    if r.status != 200:
        raise RuntimeError(f"{what} GET {path} answered {r.status}: {r.text()[:300]}")
    return r


LOAD_MORE = re.compile(r'<li class="more">\s*<a href="([^"]+)"')


def history_page_250(port, token):
    """Follows the "load more" links from the first page, as a patient without JavaScript would."""
    path = "/appointments"
    for page in range(1, 250):
        r = expect_ok(port, path, token, htmx=True, what=f"history page {page}")
        match = LOAD_MORE.search(r.text())
        if not match:
            raise RuntimeError(f"history page {page} has no link to the next page")
        path = match.group(1).replace("&amp;", "&")
    return path


def booking_page_weight(port, token, doctor, centre, service):
    """JS and CSS the slot picker page references, as sent compressed (gzip) to a browser."""
    page = expect_ok(port, f"/doctors/{doctor}?centre={centre}&service={service}", token, what="booking page").text()
    assets = re.findall(r'<script[^>]+src="([^"]+)"', page) + \
        re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', page) + \
        re.findall(r'<link[^>]+href="([^"]+)"[^>]+rel="stylesheet"', page)
    files = []
    for asset in dict.fromkeys(assets):
        r = call(port, "GET", asset, {"Accept-Encoding": "gzip"})
        plain = call(port, "GET", asset)
        files.append({"path": asset, "status": r.status, "encoding": r.header("Content-Encoding") or "identity",
                      "bytes_sent": len(r.body), "bytes_plain": len(plain.body)})
    return {"page": f"/doctors/{doctor}?centre={centre}&service={service}", "files": files,
            "total_bytes": sum(f["bytes_sent"] for f in files),
            "total_plain_bytes": sum(f["bytes_plain"] for f in files)}


def setup():
    log("Keycloak: realm settings for the run, benchmark logins, password-grant tokens")
    tenant1 = [HISTORY_LEAD] + BURST_LEADS + CYCLE_LEADS + WARMUP_CYCLE_LEADS
    started = time.time()
    tokens = create_logins({1: tenant1, 2: TENANT2_READERS})
    log(f"{len(tokens)} logins with tokens in {time.time() - started:.1f} s")

    log("CSRF cookie and token for each writing patient (GET / once each)")
    writers = BURST_LEADS + CYCLE_LEADS + WARMUP_CYCLE_LEADS
    with ThreadPoolExecutor(8) as pool:
        pairs = list(pool.map(lambda lead: csrf_pair(PORTAL, tokens[lead]), writers))
    users = {lead: {"lead": lead, "token": tokens[lead], "cookie": c, "csrf": t} for lead, (c, t) in zip(writers, pairs)}
    csrf_present = any(u["csrf"] for u in users.values())
    log(f"CSRF token in the pages: {'yes' if csrf_present else 'no (posts go without it)'}")

    # 1. Doctors page with a centre and a service chosen, for patients of both tenants.
    combos = {1: [], 2: []}
    for tenant, centre, service in psql("""
            select distinct o.tenant_id, o.centre_id, o.service_id from offering o order by 1, 2, 3"""):
        combos[int(tenant)].append(f"/doctors?centre={centre}&service={service}")
    readers = {1: BURST_LEADS[:100], 2: TENANT2_READERS}
    doctors_lines = []
    for i in range(1000):
        tenant = 1 if i % 3 else 2
        lead = readers[tenant][i % len(readers[tenant])]
        doctors_lines.append(combos[tenant][i * 7 % len(combos[tenant])] + "\t" + tokens[lead])

    # 2. The day fragment of the slot picker, on days with slots inside the booking window.
    days = psql("""
            select s.doctor_id, s.centre_id, s.tenant_id * 100 + 1, (s.starts_at at time zone c.timezone)::date
            from slot s join centre c on c.id = s.centre_id
            where s.starts_at between now() + interval '3 days' and now() + interval '27 days'
              and extract(hour from s.starts_at at time zone c.timezone) = 9 and extract(minute from s.starts_at at time zone c.timezone) = 0
              and (s.id * 2654435761) % 4294967291 % 13 = 0
            order by (s.id * 2654435761) % 4294967291 limit 1000""")
    slots_lines = []
    for i, (doctor, centre, service, day) in enumerate(days):
        tenant = 1 if int(doctor) <= 200 else 2
        lead = readers[tenant][i % len(readers[tenant])]
        slots_lines.append(f"/doctors/{doctor}/slots?centre={centre}&service={service}&date={day}\t{tokens[lead]}")

    # 3. History of the patient with 5,000 appointments: page 1, and page 250 reached through the cursors.
    log("following 249 history cursors to page 250")
    page250 = history_page_250(PORTAL, tokens[HISTORY_LEAD])
    history1_lines = ["/appointments\t" + tokens[HISTORY_LEAD]]
    history250_lines = [page250 + "\t" + tokens[HISTORY_LEAD]]

    # 4 and 5: free slots of doctors who need no approval, more than a day ahead (so that a confirmed
    # booking may still be cancelled) and inside the 30-day window; the bursts get slots of their own.
    free = psql("""
            select s.id, s.tenant_id * 100 + 1
            from slot s join doctor d on d.id = s.doctor_id
            where s.tenant_id = 1 and not d.requires_approval
              and s.starts_at between now() + interval '2 days' and now() + interval '28 days'
              and not exists (select 1 from appointment a where a.slot_id = s.id
                              and a.status in ('DRAFT', 'PENDING_APPROVAL', 'CONFIRMED', 'CHECKED_IN'))
            order by (s.id * 2654435761) % 4294967291 limit 20002""")
    burst_slots, cycle_slots = free[:2], free[2:]
    cycle_users = [users[lead] for lead in CYCLE_LEADS]
    cycles_users_file = write_lines("cycle-users.tsv",
                                    [f"{u['token']}\t{u['cookie']}\t{u['csrf']}" for u in cycle_users])
    cycles_slots_file = write_lines("cycle-slots.tsv", [f"{s}\t{svc}" for s, svc in cycle_slots[:15000]])
    warmup_users_file = write_lines("cycle-users-warmup.tsv", [f"{u['token']}\t{u['cookie']}\t{u['csrf']}"
                                                               for u in (users[lead] for lead in WARMUP_CYCLE_LEADS)])
    warmup_slots_file = write_lines("cycle-slots-warmup.tsv", [f"{s}\t{svc}" for s, svc in cycle_slots[15000:]])

    probe = open(os.path.join(WORK, "probe_path")).read().strip()
    files = {
        "doctors": write_lines("doctors.tsv", doctors_lines),
        "slots": write_lines("slots.tsv", slots_lines),
        "history1": write_lines("history-1.tsv", history1_lines),
        "history250": write_lines("history-250.tsv", history250_lines),
        "trivial": write_lines("trivial.tsv", [probe + "\t"]),
        "cycle_users": cycles_users_file, "cycle_slots": cycles_slots_file,
        "cycle_users_warmup": warmup_users_file, "cycle_slots_warmup": warmup_slots_file,
    }
    # Every kind of request answers 200 before any load.
    for name, htmx in (("doctors", False), ("slots", True), ("history1", False), ("history250", False), ("trivial", False)):
        with open(files[name]) as f:
            for line in f.read().splitlines()[:5]:
                path, _, token = line.partition("\t")
                expect_ok(PORTAL, path, token, htmx=htmx, what=name)
    weight = booking_page_weight(PORTAL, tokens[BURST_LEADS[0]], 7, 8, 101)
    state = {"files": files, "burst_slots": burst_slots, "burst_users": [users[l] for l in BURST_LEADS],
             "csrf_present": csrf_present,
             "page_weight": weight, "history_page_250_path": page250,
             "logins": len(tokens)}
    save("setup.json", state)
    return state


def single():
    state = setup()
    portal_pid = int(open(os.path.join(WORK, "portal_pid")).read())
    memory = MemoryWatch([portal_pid])
    f = state["files"]
    results = []
    p = PORTAL
    results.append(load_scenario("6-trivial", f"trivial endpoint ({open(os.path.join(WORK, 'probe_path')).read().strip()}, anonymous)",
                                 p, "reads.lua", [f["trivial"]], READ_CONNECTIONS, 2, memory))
    results.append(load_scenario("1-doctors", "doctors page, centre and service filters, next free slot per card",
                                 p, "reads.lua", [f["doctors"]], READ_CONNECTIONS, 2, memory))
    results.append(load_scenario("2-slots", "slot picker day fragment (HX-Request)",
                                 p, "reads.lua", [f["slots"], "htmx"], READ_CONNECTIONS, 2, memory))
    results.append(load_scenario("3a-history-page-1", "history page 1 of the patient with 5,000 appointments",
                                 p, "reads.lua", [f["history1"]], READ_CONNECTIONS, 2, memory))
    results.append(load_scenario("3b-history-page-250", "history page 250 (reached through 249 cursors)",
                                 p, "reads.lua", [f["history250"]], READ_CONNECTIONS, 2, memory))
    results.append(load_scenario("4-cycles", "hold -> confirm (NONE) -> cancel, distinct slots, one patient per connection at a time",
                                 p, "cycles.lua", [f["cycle_users"], f["cycle_slots"], str(CYCLE_CONNECTIONS)],
                                 CYCLE_CONNECTIONS, CYCLE_CONNECTIONS, memory,
                                 [f["cycle_users_warmup"], f["cycle_slots_warmup"], str(CYCLE_CONNECTIONS)]))
    slot, service = state["burst_slots"][0]
    results.append(burst("5-burst", f"burst: {BURST} patients hold one slot at once", p, state["burst_users"],
                         int(slot), int(service), memory))
    results.append(pgbench(memory))
    memory.running = False
    save("single.json", {"scenarios": results, "rss_peak_mb": max(memory.peak.values())})


# ----------------------------------------------------------------------------------------------
# Spring PetClinic beside the portal (issue 32): three pairs, each run A/B/A/B
# ----------------------------------------------------------------------------------------------
# (pair, PetClinic request, what it is, the portal's scenario whose requests it meets, htmx)
COMPARISON_PAIRS = [
    ("1-owner-vs-doctors", "/owners/1", "owner page (owner, pets, visits)", "doctors", "1-doctors", False),
    ("2-owner-search-vs-history", "/owners?page=1", "find-owners result page (all owners, page 1)",
     "history1", "3a-history-page-1", False),
    ("3-vets-vs-slots", "/vets.html", "vets page (the vets cached in PetClinic)", "slots", "2-slots", True),
]
COMPARISON_ROUNDS = 2


def comparison_run(side, port, requests_file, htmx, db, memory):
    """One side of a pair: a 3 s warm-up, then BENCH_DURATION seconds, wrk -t2 -c32."""
    args = [requests_file] + (["htmx"] if htmx else [])
    wrk(port, "reads.lua", args, READ_CONNECTIONS, 2, WARMUP)
    memory.take_window()
    reset_statements()
    run = wrk(port, "reads.lua", args, READ_CONNECTIONS, 2, DURATION)
    calls = statements(db)["calls"]
    result = figures(run)
    result.update({"side": side, "connections": READ_CONNECTIONS, "wrk_threads": 2,
                   "bytes_per_request": round(run["bytes"] / run["requests"]) if run["requests"] else None,
                   "sql_per_request": round((sum(calls.values()) - calls["transaction"]) / run["requests"], 2)
                   if run["requests"] else None,
                   "rss_mb": memory.take_window()})
    return result


def petclinic_boot_version(jar):
    try:
        with zipfile.ZipFile(jar) as z:
            for name in z.namelist():
                match = re.fullmatch(r"BOOT-INF/lib/spring-boot-(\d[^/]*)\.jar", name)
                if match:
                    return match.group(1)
    except (OSError, zipfile.BadZipFile):
        pass
    return None


def petclinic():
    state = load("setup.json")
    f = state["files"]
    pids = {name: int(open(os.path.join(WORK, name + "_pid")).read()) for name in ("portal", "petclinic")}
    memory = {name: MemoryWatch([pid]) for name, pid in pids.items()}
    # every request answers 200 (a single owner found would redirect) before any load
    for _, path, _, _, _, _ in COMPARISON_PAIRS:
        expect_ok(PETCLINIC, path, None, what="PetClinic")
    pairs = []
    for name, path, what, portal_file, portal_scenario, htmx in COMPARISON_PAIRS:
        petclinic_file = write_lines(f"petclinic-{name}.tsv", [path + "\t"])
        rounds = []
        for round_number in range(1, COMPARISON_ROUNDS + 1):
            pc = comparison_run("petclinic", PETCLINIC, petclinic_file, False, "petclinic", memory["petclinic"])
            portal = comparison_run("portal", PORTAL, f[portal_file], htmx, "portal", memory["portal"])
            ratio = round(portal["requests_per_s"] / pc["requests_per_s"], 2) if pc["requests_per_s"] else None
            p99_ratio = (round(pc["latency_ms"]["p99"] / portal["latency_ms"]["p99"], 2)
                         if portal["latency_ms"]["p99"] else None)
            rounds.append({"round": round_number, "petclinic": pc, "portal": portal,
                           "requests_per_s_ratio": ratio, "p99_ratio": p99_ratio})
            log(f"{name} round {round_number}: PetClinic {path} {pc['requests_per_s']} req/s p99 "
                f"{pc['latency_ms']['p99']} ms, errors {pc['errors']}; portal {portal['requests_per_s']} req/s p99 "
                f"{portal['latency_ms']['p99']} ms, errors {portal['errors']}; {ratio}x req/s, p99 1/{p99_ratio}")
        pairs.append({"name": name, "petclinic_request": path, "petclinic_what": what,
                      "portal_scenario": portal_scenario, "portal_htmx": htmx, "rounds": rounds})
    for watch in memory.values():
        watch.running = False
    jar = os.environ.get("PETCLINIC_JAR", "")
    try:
        log_text = open(os.path.join(OUT, "petclinic.log"), errors="replace").read()
    except OSError:
        log_text = ""
    save("petclinic.json", {
        "jar": os.path.basename(jar), "spring_boot": petclinic_boot_version(jar),
        "port": PETCLINIC, "profile": "postgres", "database": "petclinic",
        "start_ms": int(open(os.path.join(WORK, "petclinic_start_ms")).read()),
        "started_in_s": started_in(os.path.join(OUT, "petclinic.log"), r"Started \S+ in ([\d.]+) seconds"),
        "code_cache_full": "CodeCache is full" in log_text,
        "rss_peak_mb": {name: watch.peak[pids[name]] for name, watch in memory.items()},
        "rounds": COMPARISON_ROUNDS, "warmup_s": WARMUP, "seconds": DURATION, "pairs": pairs,
    })


def release_drafts(port, users_by_lead, where):
    """Cancels, through the portal, the open holds that match the condition, as the patients who hold them."""
    for draft, lead in psql(f"select id, lead_id from appointment where status = 'DRAFT' and {where}"):
        call(port, "POST", f"/appointments/{draft}/cancel", write_headers(users_by_lead[int(lead)]), {})


def users_from(users_file, leads):
    """The patients of a file of lines "token<TAB>cookie<TAB>csrf", in lead order."""
    with open(users_file) as f:
        lines = [line.split("\t") for line in f.read().splitlines()]
    return {lead: {"lead": lead, "token": t, "cookie": c, "csrf": x} for lead, (t, c, x) in zip(leads, lines)}


def scaled():
    state = load("setup.json")
    pids = [int(open(os.path.join(WORK, name)).read()) for name in ("portal_pid", "portal2_pid")]
    memory = MemoryWatch(pids)
    f = state["files"]
    results = [load_scenario("8a-slots-two-instances", "scenario 2 through nginx, two portals on one database",
                             NGINX, "reads.lua", [f["slots"], "htmx"], READ_CONNECTIONS, 2, memory)]
    # The second portal has served only pages so far: like every scenario, the burst on two portals
    # follows a warm-up of what it runs, here 3 s of hold-confirm-cancel cycles through nginx (by the
    # warm-up patients, whose holds left open by scenario 4's warm-up are released first).
    release_drafts(NGINX, users_from(f["cycle_users_warmup"], WARMUP_CYCLE_LEADS),
                   "lead_id in (" + ",".join(str(lead) for lead in WARMUP_CYCLE_LEADS) + ")")
    wrk(NGINX, "cycles.lua", [f["cycle_users_warmup"], f["cycle_slots_warmup"], str(CYCLE_CONNECTIONS)],
        CYCLE_CONNECTIONS, CYCLE_CONNECTIONS, WARMUP)
    slot, service = state["burst_slots"][1]
    results.append(burst("8b-burst-two-instances", f"scenario 5 through nginx: {BURST} patients, one slot, two portals",
                         NGINX, state["burst_users"], int(slot), int(service), memory))
    memory.running = False
    save("scaled.json", {"scenarios": results, "rss_peak_mb": max(memory.peak.values()),
                         "rss_peak_by_instance_mb": list(memory.peak.values())})


# ----------------------------------------------------------------------------------------------
# Report
# ----------------------------------------------------------------------------------------------
def command_output(command):
    try:
        r = subprocess.run(command, capture_output=True, text=True, timeout=30)
        return (r.stdout + r.stderr).strip()
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"


def machine():
    mem_kb = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal:"))
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown")
    java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"
    return {
        "cores": os.cpu_count(), "cpu": cpu, "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "os": command_output(["uname", "-srm"]),
        "jdk": command_output([java, "-version"]).splitlines()[0],
        "postgresql": psql("show server_version")[0][0],
        "wrk": command_output(["wrk", "--version"]).splitlines()[0].split(" Copyright")[0],
        "nginx": command_output(["nginx", "-v"]).replace("nginx version: ", ""),
        "keycloak": "26.7.3",
        "portal_jvm_options": [l.strip() for l in open(os.path.join(HERE, "portal.jvm")) if l.strip() and not l.startswith("#")],
    }


def started_in(log_file, pattern=r"started in ([\d.]+)s"):
    try:
        match = re.search(pattern, open(log_file, errors="replace").read())
        return float(match.group(1)) if match else None
    except OSError:
        return None


def verdict(met, text, measured, target, by=None):
    return {"target": text, "measured": measured, "goal": target, "met": bool(met), "by": by}


# (pair, minimum portal/PetClinic req/s, minimum PetClinic p99 / portal p99 or None, the target's words)
COMPARISON_TARGETS = [
    ("1-owner-vs-doctors", 5, 10, "doctors page >= 5x PetClinic /owners/1 req/s, p99 <= 1/10 of PetClinic's"),
    ("2-owner-search-vs-history", 4, None, "history page 1 >= 4x PetClinic's owner search req/s"),
    ("3-vets-vs-slots", 8, None, "slot fragment >= 8x PetClinic's cached vets page req/s"),
]


def petclinic_targets(comparison):
    """Each target holds in every round, with no errors on either side."""
    pairs = {p["name"]: p for p in comparison["pairs"]}
    targets = []
    for name, min_ratio, min_p99_ratio, text in COMPARISON_TARGETS:
        pair = pairs.get(name)
        if not pair:
            continue
        measured, short, met = [], [], True
        for r in pair["rounds"]:
            pc, portal = r["petclinic"], r["portal"]
            ratio, p99_ratio = r["requests_per_s_ratio"] or 0, r["p99_ratio"] or 0
            # decided on the figures themselves, not on the rounded ratios shown
            enough = pc["requests_per_s"] > 0 and portal["requests_per_s"] >= min_ratio * pc["requests_per_s"]
            fast = not min_p99_ratio or portal["latency_ms"]["p99"] * min_p99_ratio <= pc["latency_ms"]["p99"]
            words = f"round {r['round']}: {ratio}x ({portal['requests_per_s']} vs {pc['requests_per_s']} req/s)"
            if min_p99_ratio:
                words += f", p99 1/{p99_ratio} ({portal['latency_ms']['p99']} vs {pc['latency_ms']['p99']} ms)"
            if pc["errors"] or portal["errors"]:
                words += f", errors {portal['errors']} portal / {pc['errors']} PetClinic"
                short.append(f"round {r['round']}: errors")
                met = False
            measured.append(words)
            if not enough:
                short.append(f"round {r['round']}: {ratio - min_ratio:+.2f}x req/s")
                met = False
            if not fast:
                short.append(f"round {r['round']}: p99 1/{p99_ratio}, not 1/{min_p99_ratio}")
                met = False
        goal = f">= {min_ratio}x" + (f", p99 <= 1/{min_p99_ratio}" if min_p99_ratio else "") + \
            f", in each of {len(pair['rounds'])} rounds"
        targets.append(verdict(met, f"PetClinic comparison: {text}", "; ".join(measured), goal,
                               "; ".join(short) or None))
    return targets


def report():
    single_run = load("single.json", {"scenarios": []})
    scaled_run = load("scaled.json", {"scenarios": []})
    state = load("setup.json", {})
    scenarios = {s["name"]: s for s in single_run["scenarios"] + scaled_run["scenarios"]}
    read = lambda name: open(os.path.join(WORK, name)).read().strip() if os.path.exists(os.path.join(WORK, name)) else None
    start_ms = int(read("start_ms") or 0)
    quarkus_started = started_in(os.path.join(OUT, "portal-1.log"))
    rss = max(single_run.get("rss_peak_mb", 0), scaled_run.get("rss_peak_mb", 0))
    weight = state.get("page_weight", {})
    counts = psql("""select (select count(*) from tenant), (select count(*) from centre), (select count(*) from doctor),
                            (select count(*) from slot), (select count(*) from lead), (select count(*) from appointment),
                            (select count(*) from appointment_event), (select count(*) from appointment where lead_id = 1)""")[0]
    data = dict(zip(["tenants", "centres", "doctors", "slots", "patients", "appointments", "appointment_events",
                     "appointments_of_lead_1"], map(int, counts)))

    def pct(measured, goal, higher_is_better):
        if measured is None or goal == 0:
            return None
        diff = (measured - goal) / goal * 100
        return f"{diff:+.0f} %" if higher_is_better else f"{diff:+.0f} %"

    targets = []
    s2, s1 = scenarios.get("2-slots"), scenarios.get("1-doctors")
    if s2:
        targets.append(verdict(s2["requests_per_s"] >= 1500, "slot fragment >= 1,500 req/s at 32 connections",
                               f"{s2['requests_per_s']} req/s", ">= 1500", pct(s2["requests_per_s"], 1500, True)))
        targets.append(verdict(s2["latency_ms"]["p99"] <= 30, "slot fragment p99 <= 30 ms",
                               f"{s2['latency_ms']['p99']} ms", "<= 30 ms", pct(s2["latency_ms"]["p99"], 30, False)))
    if s1:
        targets.append(verdict(s1["requests_per_s"] >= 1500, "doctors page >= 1,500 req/s",
                               f"{s1['requests_per_s']} req/s", ">= 1500", pct(s1["requests_per_s"], 1500, True)))
        targets.append(verdict(s1["latency_ms"]["p99"] <= 50, "doctors page p99 <= 50 ms",
                               f"{s1['latency_ms']['p99']} ms", "<= 50 ms", pct(s1["latency_ms"]["p99"], 50, False)))
    for name in ("1-doctors", "2-slots", "3a-history-page-1", "3b-history-page-250"):
        s = scenarios.get(name)
        if s:
            sql = s["sql_per_request"]
            targets.append(verdict(sql["all"] <= 3, f"{name}: at most 3 SQL statements per page (everything the request ran, "
                                                    f"transaction control aside)",
                                   f"{sql['all']} (page {sql['page']} + caller lookup {sql['caller_lookup']} "
                                   f"+ rate limiter {sql['rate_limiter']})", "<= 3",
                                   f"{sql['all'] - 3:+.2f} statements" if sql["all"] > 3 else None))
    h1, h250 = scenarios.get("3a-history-page-1"), scenarios.get("3b-history-page-250")
    if h1 and h250:
        ratio = round(h1["requests_per_s"] / h250["requests_per_s"], 2)
        targets.append(verdict(ratio <= 1.5, "history page 250 costs <= 1.5x page 1 (time per request at equal load)",
                               f"{ratio}x (p50 {h250['latency_ms']['p50']} vs {h1['latency_ms']['p50']} ms)", "<= 1.5x",
                               f"{ratio - 1.5:+.2f}x" if ratio > 1.5 else None))
    c, pg = scenarios.get("4-cycles"), scenarios.get("7-pgbench")
    if c and pg:
        share = round(c["cycles_per_s"] / pg["tps"] * 100, 1)
        targets.append(verdict(share >= 30, "hold->confirm->cancel cycles >= 30 % of pgbench TPS (same run)",
                               f"{c['cycles_per_s']} cycles/s = {share} % of {pg['tps']:.0f} tps", ">= 30 %",
                               f"{share - 30:+.1f} points" if share < 30 else None))
    for name, label in (("5-burst", "burst, one portal"), ("8b-burst-two-instances", "burst, two portals behind nginx")):
        b = scenarios.get(name)
        if b:
            exact = b["drafts_in_db"] == 1 and b["held"] == 1 and b["slot_taken"] == b["patients"] - 1 and b["fivexx"] == 0
            targets.append(verdict(exact, f"{label}: exactly one DRAFT, all others SLOT_TAKEN, no 5xx",
                                   f"{b['drafts_in_db']} DRAFT, {b['held']} held, {b['slot_taken']} SLOT_TAKEN, "
                                   f"{b['other_answers']} other, {b['fivexx']} 5xx", "1 / 199 / 0"))
            targets.append(verdict(b["latency_ms"]["p99"] <= 250, f"{label}: p99 <= 250 ms",
                                   f"{b['latency_ms']['p99']} ms", "<= 250 ms", pct(b["latency_ms"]["p99"], 250, False)))
    targets.append(verdict(rss and rss <= 450, "portal RSS under load <= 450 MB", f"{rss} MB (peak, any instance)",
                           "<= 450 MB", pct(rss, 450, False)))
    targets.append(verdict(start_ms and start_ms <= 3000, "JVM start on the external database <= 3 s (launch to first HTTP answer)",
                           f"{start_ms / 1000:.2f} s (Quarkus: started in {quarkus_started} s)", "<= 3 s",
                           pct(start_ms / 1000, 3, False)))
    if weight:
        kb = round(weight["total_bytes"] / 1024, 1)
        targets.append(verdict(kb <= 40, "booking page JS + CSS <= 40 KB compressed", f"{kb} KB", "<= 40 KB",
                               pct(kb, 40, False)))
    comparison = load("petclinic.json")
    if comparison:
        targets += petclinic_targets(comparison)
    else:
        skipped = read("petclinic_skipped") or "the comparison did not run"
        comparison = {"skipped": skipped}
    for t in targets:
        if t["met"]:
            t["by"] = None

    total = read("total_seconds")
    result = {
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": machine(), "data_set": data,
        "data_set_generated_seconds": int(read("generate_seconds") or 0),
        "data_set_from_cache": int(read("generate_seconds") or 0) == 0,
        "run_seconds": int(total) if total else None,
        "scenario_seconds": DURATION, "csrf_token_sent": state.get("csrf_present"),
        "rate_limits": "PORTAL_RATE_LIMIT_REQUESTS_PER_MINUTE=PORTAL_RATE_LIMIT_WRITES_PER_MINUTE=100000000",
        "jvm_start": {"first_answer_ms": start_ms, "quarkus_started_in_s": quarkus_started},
        "rss_peak_mb": rss, "page_weight": weight,
        "scenarios": list(scenarios.values()), "petclinic_comparison": comparison, "targets": targets,
    }
    with open(os.path.join(OUT, "report.json"), "w") as f:
        json.dump(result, f, indent=2)
    with open(os.path.join(OUT, "report.md"), "w") as f:
        f.write(markdown(result))
    met = sum(1 for t in targets if t["met"])
    log(f"targets met: {met} of {len(targets)}")


def markdown(r):
    m = r["machine"]
    lines = [
        "# Leaphealth portal benchmark", "",
        f"Run {r['generated_at']}, {r['scenario_seconds']} s per load scenario (after a {WARMUP} s warm-up), "
        f"whole command {r['run_seconds']} s, data set "
        + ("from the cache" if r["data_set_from_cache"] else f"generated in {r['data_set_generated_seconds']} s") + ".", "",
        "## Machine", "",
        f"- {m['cores']} cores ({m['cpu']}), {m['memory_gb']} GB memory, {m['os']}",
        f"- JDK: {m['jdk']}; portal JVM options: `{' '.join(m['portal_jvm_options'])}`",
        f"- PostgreSQL {m['postgresql']} (Debian), settings in `src/bench/postgresql.conf`",
        f"- wrk {m['wrk']}, nginx {m['nginx']}, Keycloak {m['keycloak']}",
        "- load tool, portal(s), PostgreSQL and Keycloak all on these cores, over loopback", "",
        "## Data set", "",
        ", ".join(f"{k.replace('_', ' ')}: {v:,}" for k, v in r["data_set"].items()), "",
        "## Scenarios", "",
        "| scenario | conns | req/s | p50 ms | p95 ms | p99 ms | errors | SQL/req (page + caller + limiter) | RSS MB |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s in r["scenarios"]:
        lat = s.get("latency_ms", {})
        sql = s.get("sql_per_request", {})
        if "caller_lookup" in sql:
            sql_text = f"{sql['all']} ({sql['page']} + {sql['caller_lookup']} + {sql['rate_limiter']})"
        else:
            sql_text = f"{sql.get('all')} (TPC-B)"
        conns = s.get("connections") or s.get("patients") or s.get("clients")
        rps = s.get("requests_per_s", "")
        if s["name"].startswith("5") or s["name"].startswith("8b"):
            rps = "burst"
        lines.append(f"| {s['name']}: {s['title']} | {conns} | {rps} | {lat.get('p50')} | {lat.get('p95', '')} | "
                     f"{lat.get('p99')} | {s.get('errors')} | {sql_text} | {s.get('rss_mb', '')} |")
    lines.append("")
    for s in r["scenarios"]:
        if "cycles" in s:
            lines.append(f"- {s['name']}: {s['cycles']} complete cycles ({s['cycles_per_s']} cycles/s, 3 requests each), "
                         f"{s['failed_cycles']} failed, {s['refused_holds']} holds refused"
                         + (f" (unexpected answers, first ones: {s['unexpected'][:300]})" if s.get("unexpected") else "") + ".")
        if "held" in s:
            lines.append(f"- {s['name']}: answers {s['statuses']}; {s['drafts_in_db']} DRAFT row(s) for slot {s['slot']} "
                         f"in the database; max {s['latency_ms']['max']} ms; before it, {s.get('before', 'nothing')}."
                         + (f" Other answers: {s['other_samples']}" if s["other_samples"] else ""))
        if s["name"] == "7-pgbench":
            lines.append(f"- 7-pgbench: {s['tps']:.0f} tps, {s['clients']} clients, scale {s['scale']}, prepared statements.")
    lines += [""] + petclinic_markdown(r["petclinic_comparison"], m)
    lines += ["", "## Targets", "", "| target | measured | goal | met | missed by |", "|---|---|---|---|---|"]
    for t in r["targets"]:
        lines.append(f"| {t['target']} | {t['measured']} | {t['goal']} | {'yes' if t['met'] else 'NO'} | {t['by'] or ''} |")
    w = r.get("page_weight") or {}
    lines += ["", "## Other figures", "",
              f"- JVM start with the external database: first HTTP answer {r['jvm_start']['first_answer_ms']} ms after launch; "
              f"Quarkus reports started in {r['jvm_start']['quarkus_started_in_s']} s.",
              f"- Portal RSS peak under load: {r['rss_peak_mb']} MB.",
              f"- Booking page ({w.get('page')}) JS + CSS: {w.get('total_bytes')} bytes compressed "
              f"({w.get('total_plain_bytes')} uncompressed): "
              + ", ".join(f"{f['path']} {f['bytes_sent']} B {f['encoding']}" for f in w.get("files", [])),
              f"- CSRF token sent with every write: {'yes' if r['csrf_token_sent'] else 'no (the portal does not issue one yet)'}; "
              f"rate limits raised for the run ({r['rate_limits']}); the limiter's SQL is counted.",
              "- SQL per request counts every statement the portal's database user ran during the scenario "
              "(pg_stat_statements, reset before it) except BEGIN/COMMIT/SET, divided by the requests wrk made; "
              "the portal's background jobs (hold expiry every 30 s) fall in too.", "",
              "## Most frequent statements per scenario", ""]
    for s in r["scenarios"]:
        top = s.get("top_statements")
        if not top:
            continue
        lines.append(f"### {s['name']}")
        lines.append("")
        for q in top[:6]:
            lines.append(f"- {q['calls']} calls, {q['total_ms']} ms, {q['kind']}: `{q['query'][:160]}`")
        lines.append("")
    return "\n".join(lines) + "\n"


def petclinic_markdown(c, m):
    lines = ["## PetClinic comparison", ""]
    if "skipped" in c:
        return lines + [f"Skipped: {c['skipped']}. Its three targets were not measured."]
    lines += [
        f"Spring PetClinic ({c['jar']}, Spring Boot {c['spring_boot']}, profile {c['profile']}, database "
        f"`{c['database']}` of its own on the same PostgreSQL, 127.0.0.1:{c['port']}, no management endpoints) "
        f"with the portal's JVM options (`{' '.join(m['portal_jvm_options'])}`, no AppCDS archive) and two "
        f"malloc arenas; started after the single-portal scenarios (first answer after {c['start_ms']} ms, "
        f"Spring: started in {c['started_in_s']} s) and stopped before scenario 8. Each pair is run "
        f"PetClinic, portal, PetClinic, portal ({c['rounds']} rounds), each run wrk -t2 -c32 for a "
        f"{c['warmup_s']} s warm-up, then {c['seconds']} s measured.", "",
        "| pair | round | PetClinic request | req/s | p99 ms | errors | portal request | req/s | p99 ms | errors "
        "| portal / PetClinic req/s | PetClinic p99 / portal p99 |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for p in c["pairs"]:
        for r in p["rounds"]:
            pc, portal = r["petclinic"], r["portal"]
            lines.append(f"| {p['name']} | {r['round']} | `{p['petclinic_request']}` | {pc['requests_per_s']} | "
                         f"{pc['latency_ms']['p99']} | {pc['errors']} | {p['portal_scenario']} | "
                         f"{portal['requests_per_s']} | {portal['latency_ms']['p99']} | {portal['errors']} | "
                         f"{r['requests_per_s_ratio']}x | {r['p99_ratio']}x |")
    lines.append("")
    mean = lambda values: round(sum(values) / len(values), 2) if values else None
    for p in c["pairs"]:
        side = lambda name, key: mean([r[name][key] for r in p["rounds"] if r[name].get(key) is not None])
        lines.append(f"- {p['name']}: PetClinic `{p['petclinic_request']}`, {p['petclinic_what']}: "
                     f"{side('petclinic', 'bytes_per_request')} bytes (headers included) and {side('petclinic', 'sql_per_request')} SQL "
                     f"statements per request; the portal's {p['portal_scenario']} requests"
                     f"{' (HX-Request)' if p['portal_htmx'] else ''}: {side('portal', 'bytes_per_request')} bytes and "
                     f"{side('portal', 'sql_per_request')} SQL statements per request (transaction control aside).")
    lines.append(f"- RSS peak during the comparison: PetClinic {c['rss_peak_mb']['petclinic']} MB, "
                 f"portal {c['rss_peak_mb']['portal']} MB.")
    if c.get("code_cache_full"):
        lines.append("- PetClinic's log says its code cache filled up (-XX:ReservedCodeCacheSize): "
                     "its JIT stopped compiling, and its figures are lower than they would be with a larger one.")
    return lines


if __name__ == "__main__":
    {"single": single, "petclinic": petclinic, "scaled": scaled, "report": report}[sys.argv[1]]()
