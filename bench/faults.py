"""Driver of bench/faults: faults injected under a bounded load, and what users saw.

Phases, each under the same load (4 clients reading pages, one signing up every
second): a baseline; PostgreSQL restarted; PostgreSQL stopped for 10 s, then
started; the mail server refusing for 10 s; Redis stopped for 10 s. For each phase:
requests, how many failed and how (503 from the portal, other errors), seconds
from the end of the fault to the first good answer, and at the end whether every
sign-up that was answered with 302 got its mail (mails lost) and whether the
worker is still the same process.

Only loopback addresses are used; every loop is bounded in time.
"""

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.smtp import SMTPServer  # noqa: E402 - after the path is set

PG_PORT = int(os.environ.get("FAULTS_PG_PORT", "5499"))
PG_VERSION = os.environ["FAULTS_PG_VERSION"]
PG_CLUSTER = os.environ["FAULTS_PG_CLUSTER"]
REDIS_PORT = int(os.environ.get("FAULTS_REDIS_PORT", "6390"))
WEB_PORT = int(os.environ.get("FAULTS_WEB_PORT", "8402"))
MAIL_PORT = int(os.environ.get("FAULTS_MAIL_PORT", "8425"))
PAGES = ["/uk/", "/uk/municipalities/", "/en/news/", "/en/map/", "/uk/statistics/"]
READERS = 4
RESULTS = ROOT / "bench" / "results"

ENV = {
    **os.environ,
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "faults-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PG_PORT}/twinning",
    "DATABASE_CONN_MAX_AGE": "60",
    "CACHE_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
    "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    "SMTP_URL": f"smtp://127.0.0.1:{MAIL_PORT}",
    "SMTP_TIMEOUT": "5",
}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def request(method: str, path: str, *, cookies=None, form=None, timeout=15.0):
    """(status or an error name, body, cookies) over loopback, as behind the TLS proxy."""
    connection = HTTPConnection("127.0.0.1", WEB_PORT, timeout=timeout)
    headers = {
        "X-Forwarded-Proto": "https",
        "Referer": f"https://127.0.0.1:{WEB_PORT}{path}",
        "Host": f"127.0.0.1:{WEB_PORT}",
    }
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    body = None
    if form is not None:
        body = urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        jar = dict(cookies or {})
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            jar[name.strip()] = rest.split(";", 1)[0]
        return response.status, content, jar
    except OSError as error:
        return type(error).__name__, b"", dict(cookies or {})
    finally:
        connection.close()


class Load:
    """Readers and a sign-up client, recording (time, kind, outcome) until stopped."""

    def __init__(self) -> None:
        self.records: list[tuple[float, str, object]] = []
        self.signups_accepted: list[str] = []
        self.lock = threading.Lock()
        self.running = True
        self.threads = [threading.Thread(target=self.read, args=(n,)) for n in range(READERS)]
        self.threads.append(threading.Thread(target=self.sign_up))

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def stop(self) -> None:
        self.running = False
        for thread in self.threads:
            thread.join(timeout=30)

    def note(self, kind: str, outcome) -> None:
        with self.lock:
            self.records.append((time.monotonic(), kind, outcome))

    def read(self, n: int) -> None:
        i = n
        while self.running:
            status, _, _ = request("GET", PAGES[i % len(PAGES)])
            self.note("page", status)
            i += 1

    def sign_up(self) -> None:
        while self.running:
            started = time.monotonic()
            status, body, jar = request("GET", "/uk/accounts/signup/")
            token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
            if status == 200 and token:
                address = f"load-{uuid.uuid4().hex[:12]}@example.org"
                password = "load-" + uuid.uuid4().hex
                status, _, _ = request(
                    "POST",
                    "/uk/accounts/signup/",
                    cookies=jar,
                    form={
                        "csrfmiddlewaretoken": token.group(1).decode(),
                        "email": address,
                        "password1": password,
                        "password2": password,
                    },
                )
                if status == 302:
                    with self.lock:
                        self.signups_accepted.append(address)
            self.note("signup", status)
            time.sleep(max(0.0, 1.0 - (time.monotonic() - started)))


def summarise(load: Load, name: str, start: float, fault_end: float, end: float) -> dict:
    records = [(t, kind, outcome) for t, kind, outcome in load.records if start <= t < end]
    pages = [outcome for _, kind, outcome in records if kind == "page"]
    outcomes = Counter(str(o) for o in pages)
    failed = sum(n for o, n in outcomes.items() if o != "200")
    after = [(t, o) for t, kind, o in records if kind == "page" and t >= fault_end]
    first_good = next((t for t, o in after if o == 200), None)
    failed_after = sum(1 for t, o in after if o != 200)
    signups = Counter(str(o) for _, kind, o in records if kind == "signup")
    return {
        "phase": name,
        "page_requests": len(pages),
        "page_failures": failed,
        "outcomes": dict(outcomes),
        "failures_after_fault_ended": failed_after,
        "seconds_to_first_good_answer": None
        if first_good is None
        else round(max(0.0, first_good - fault_end), 2),
        "signups": dict(signups),
    }


def worker_resumed_after(wall: float) -> float | None:
    """Seconds from `wall` to the worker's "Database reachable again" line (it logs JSON)."""
    from datetime import datetime

    for line in (RESULTS / "faults-worker.log").read_text().splitlines():
        if '"Database reachable again' not in line:
            continue
        at = datetime.fromisoformat(json.loads(line)["time"]).timestamp()
        if at >= wall - 1:
            return round(max(0.0, at - wall), 2)
    return None


def markdown(summary: dict) -> str:
    """The figures as the table in docs/faults.md."""
    rows = [
        "| phase | page requests | failed | of which 503 | other errors | failed after the fault | s to first good answer | worker s to resume | sign-ups 302 / 503 |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for p in summary["phases"]:
        outcomes = p["outcomes"]
        other = p["page_failures"] - outcomes.get("503", 0)
        resume = p.get("worker_seconds_to_resume")
        rows.append(
            f"| {p['phase']} | {p['page_requests']} | {p['page_failures']} | "
            f"{outcomes.get('503', 0)} | {other} | {p['failures_after_fault_ended']} | "
            f"{p['seconds_to_first_good_answer']} | {'—' if resume is None else resume} | "
            f"{p['signups'].get('302', 0)} / {p['signups'].get('503', 0)} |"
        )
    rows += [
        "",
        f"Sign-ups answered 302: {summary['signups_accepted']}; their mails delivered: "
        f"{summary['mails_delivered']}; **mails lost: {summary['mails_lost']}** (the last one "
        f"{summary['seconds_from_mail_server_back_to_all_mails_sent']} s after the mail server "
        f"was back). Worker alive after all faults (same process): "
        f"{summary['worker_alive_after_all_faults']}.",
    ]
    return "\n".join(rows) + "\n"


def pg(action: str) -> None:
    subprocess.run(
        [
            "pg_ctlcluster",
            PG_VERSION,
            PG_CLUSTER,
            action,
            *(["-m", "fast"] if action != "start" else []),
        ],
        check=True,
        capture_output=True,
    )


def start_redis() -> subprocess.Popen:
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(REDIS_PORT),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(50):
        probe = subprocess.run(
            ["redis-cli", "-p", str(REDIS_PORT), "ping"], capture_output=True, text=True
        )
        if probe.stdout.strip() == "PONG":
            break
        time.sleep(0.1)
    return process


def manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=ENV, check=True)


def main() -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    redis_box = {"process": start_redis()}
    servers = [SMTPServer(MAIL_PORT)]
    processes: list[subprocess.Popen] = []
    try:
        summary = run(redis_box, servers, processes)
    finally:
        # Whatever happened, nothing this script started is left running.
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        redis_box["process"].send_signal(signal.SIGTERM)
        redis_box["process"].wait(timeout=10)
        for server in servers:
            server.close()
        pg("stop")
    (RESULTS / "faults.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    (RESULTS / "faults.md").write_text(markdown(summary))
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    print(markdown(summary))
    ok = (
        summary["mails_lost"] == 0
        and summary["worker_alive_after_all_faults"]
        and all(p["seconds_to_first_good_answer"] is not None for p in summary["phases"])
        # A fault shows as a 503, never as a 500 or a dropped connection.
        and all(set(p["outcomes"]) <= {"200", "503"} for p in summary["phases"])
    )
    sys.exit(0 if ok else 1)


def run(redis_box: dict, servers: list, processes: list) -> dict:
    log("Migrating the private database and loading the registry")
    manage("migrate", "--no-input", "-v0")
    manage("load_registry")
    manage("collectstatic", "--no-input", "-v0")
    web_log = (RESULTS / "faults-web.log").open("w")
    worker_log = (RESULTS / "faults-worker.log").open("w")
    web = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "twinning.wsgi", "--bind", f"127.0.0.1:{WEB_PORT}", "--workers", "3"],
        cwd=ROOT, env=ENV, stdout=web_log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    processes.append(web)
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--interval", "0.5", "--retry-every", "5"],
        cwd=ROOT, env=ENV, stdout=worker_log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    processes.append(worker)
    worker_pid = worker.pid
    phases: list[dict] = []
    load = Load()
    mail_back = time.monotonic()
    try:
        for _ in range(60):
            if request("GET", "/health/ready")[0] == 200:
                break
            time.sleep(0.5)
        load.start()

        def phase(name: str, fault, recover, hold: float, settle: float = 8.0) -> None:
            start = time.monotonic()
            log(f"{name}: fault")
            fault()
            time.sleep(hold)
            recover()
            fault_end = time.monotonic()
            fault_end_wall = time.time()
            log(f"{name}: recovered; watching {settle:.0f} s")
            time.sleep(settle)
            summary = summarise(load, name, start, fault_end, time.monotonic())
            if name.startswith("database"):
                summary["worker_seconds_to_resume"] = worker_resumed_after(fault_end_wall)
            if name == "baseline":
                summary["seconds_to_first_good_answer"] = 0.0
            phases.append(summary)
            log(json.dumps(phases[-1], ensure_ascii=False))

        def mail_stop() -> None:
            servers[0].close()

        def mail_start() -> None:
            servers.append(SMTPServer(MAIL_PORT))

        def redis_stop() -> None:
            redis_box["process"].send_signal(signal.SIGTERM)
            redis_box["process"].wait(timeout=10)

        def redis_start() -> None:
            redis_box["process"] = start_redis()

        # Long enough to warm the caches (map, statistics) before the first fault.
        phase("baseline", lambda: None, lambda: None, hold=15.0, settle=0.0)
        # restart is one command: the fault ends when PostgreSQL answers again.
        phase("database restarted", lambda: pg("restart"), lambda: None, hold=0.0)
        phase("database stopped for 10 s", lambda: pg("stop"), lambda: pg("start"), hold=10.0)
        phase("mail server refusing for 10 s", mail_stop, mail_start, hold=10.0)
        mail_back = time.monotonic()
        phase("redis stopped for 10 s", redis_stop, redis_start, hold=10.0)
    finally:
        load.stop()

    # Every accepted sign-up must get its mail: wait for the worker's retries.
    accepted = set(load.signups_accepted)

    def delivered() -> set[str]:
        return {m["To"] for server in servers for m in server.messages}

    log(f"Waiting for the worker to send {len(accepted)} sign-up mails (retries included)")
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and not accepted <= delivered():
        time.sleep(2)
    return {
        "phases": phases,
        "signups_accepted": len(accepted),
        "mails_delivered": len(accepted & delivered()),
        "mails_lost": len(accepted - delivered()),
        "seconds_from_mail_server_back_to_all_mails_sent": round(time.monotonic() - mail_back, 1),
        "worker_alive_after_all_faults": worker.poll() is None and worker.pid == worker_pid,
        "web_server_alive": web.poll() is None,
    }


if __name__ == "__main__":
    main()
