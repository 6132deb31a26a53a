"""Driver of bin/smoke: gunicorn and the worker with production settings, checked over HTTP.

Requests carry X-Forwarded-Proto: https, as they do behind the TLS proxy, so the
production redirect to HTTPS and the secure cookies stay on.
"""

import json
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from http.client import HTTPConnection, HTTPResponse
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.smtp import SMTPServer, free_port  # noqa: E402 - after the path is set

PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")


class Browser:
    """Just enough of a browser: cookies (secure ones too, as over HTTPS) and a Referer."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, form: dict | None = None
    ) -> tuple[HTTPResponse, bytes]:
        connection = HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {
            "Host": f"127.0.0.1:{self.port}",
            "X-Forwarded-Proto": "https",
            "Referer": f"https://127.0.0.1:{self.port}{path}",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        connection.close()
        return response, content


def check(condition: bool, what: str) -> None:
    if not condition:
        raise SystemExit(f"smoke: FAILED: {what}")
    print(f"smoke: ok: {what}")


def wait_for(probe, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            result = probe()
        except OSError:
            result = None
        if result:
            return result
        time.sleep(0.3)
    raise SystemExit(f"smoke: FAILED: {what} (after {seconds:.0f} s)")


def main() -> None:
    port = int(os.environ.get("SMOKE_PORT") or free_port())
    mail_server = SMTPServer()
    env = {**os.environ, "SMTP_URL": f"smtp://127.0.0.1:{mail_server.port}"}
    logs = ROOT / "bench" / "results"
    logs.mkdir(parents=True, exist_ok=True)
    web_log = (logs / "smoke-web.log").open("w")
    worker_log = (logs / "smoke-worker.log").open("w")
    web = subprocess.Popen(  # noqa: S603 - the project's own gunicorn
        [GUNICORN, "twinning.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=web_log,
        stderr=subprocess.STDOUT,
    )
    worker = subprocess.Popen(  # noqa: S603 - the project's own worker
        [PYTHON, "manage.py", "run_worker", "--interval", "0.5"],
        cwd=ROOT,
        env=env,
        stdout=worker_log,
        stderr=subprocess.STDOUT,
    )
    try:
        browser = Browser(port)
        wait_for(lambda: browser.request("GET", "/health/live")[0].status == 200, 30, "gunicorn up")

        response, body = browser.request("GET", "/health/ready")
        check(
            response.status == 200 and json.loads(body)["status"] == "ok",
            f"readiness probe: {body.decode()}",
        )

        response, body = browser.request("GET", "/uk/")
        page = body.decode()
        check(response.status == 200 and 'lang="uk"' in page, "home page (production settings)")
        stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', page)
        check(stylesheet is not None, "page links the hashed stylesheet (collected static)")
        response, body = browser.request("GET", stylesheet.group(1))
        check(
            response.status == 200 and "text/css" in response.headers["Content-Type"],
            f"static file {stylesheet.group(1)}",
        )
        check(
            response.headers.get("Cache-Control", "").startswith("max-age="), "static file cached"
        )

        address = f"smoke-{uuid.uuid4().hex[:10]}@example.org"
        response, body = browser.request("GET", "/uk/accounts/signup/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body.decode()).group(1)
        password = "smoke-" + uuid.uuid4().hex
        response, _ = browser.request(
            "POST",
            "/uk/accounts/signup/",
            {
                "csrfmiddlewaretoken": token,
                "email": address,
                "password1": password,
                "password2": password,
            },
        )
        check(response.status == 302, f"sign-up answers 302 (got {response.status})")
        mail = wait_for(
            lambda: [m for m in mail_server.messages if m["To"] == address],
            30,
            "the worker sends the sign-up's mail",
        )
        check(
            "/uk/accounts/confirm-email/" in mail[0].get_body().get_content(), "mail has the link"
        )

        check(worker.poll() is None, "worker still running")
        with (logs / "smoke-web.log").open() as lines:
            requests = [json.loads(line) for line in lines if line.startswith('{"message": "GET')]
        check(
            bool(requests)
            and all({"request_id", "duration_ms", "time"} <= set(r) for r in requests),
            "JSON request log lines with request id and duration",
        )
    finally:
        for process in (web, worker):
            process.send_signal(signal.SIGTERM)
        for process in (web, worker):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        mail_server.close()
        web_log.close()
        worker_log.close()
    check(web.returncode == 0 and worker.returncode == 0, "gunicorn and the worker stopped cleanly")


if __name__ == "__main__":
    main()
