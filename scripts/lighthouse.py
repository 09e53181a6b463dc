"""Lighthouse (mobile preset) on the demo content, served as in production on 127.0.0.1.

    make lighthouse      # or: .venv/bin/python scripts/lighthouse.py [--keep]

Builds a throw-away SQLite database with the demo content, collects the static files, serves the
portal with gunicorn and the production settings (plain HTTP on 127.0.0.1), runs Lighthouse 12
(node_modules, `CHROME_PATH` from `CHROMIUM_PATH`, default /usr/bin/chromium) on the home page, a
method page and the search page, prints the four scores per page and writes the reports to test-artifacts/lighthouse/.
A report, not a gate: it exits 0 whatever the scores, and 1 only when it could not measure.
"""

import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LIGHTHOUSE = BASE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
    "--disable-sync --no-first-run"
)
REPORTS = BASE_DIR / "test-artifacts" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, stdout=subprocess.DEVNULL)


def method_page_path(env, port):
    """Point the default site at the server (canonical URLs) and return one live method card's path."""
    code = (
        "from wagtail.models import Site; from methods.models import MethodPage;"
        f"Site.objects.filter(is_default_site=True).update(hostname='127.0.0.1', port={port});"
        "print(MethodPage.objects.live().order_by('path').first().url)"
    )
    result = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code], cwd=BASE_DIR, env=env, check=True, capture_output=True, text=True
    )
    return result.stdout.strip().splitlines()[-1]


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer at {url}")


def run_lighthouse(url, name):
    output = REPORTS / f"{name}.report.json"
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--output=json",
            "--output=html",
            f"--output-path={REPORTS / name}",
        ],
        env=env,
        check=True,
        timeout=300,
    )
    report = json.loads(output.read_text())
    scores = {key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES}
    failing = {
        key: [
            audit_ref["id"]
            for audit_ref in report["categories"][key]["auditRefs"]
            if audit_ref["weight"] and report["audits"][audit_ref["id"]]["score"] not in (None, 1)
        ]
        for key in CATEGORIES
        if key != "performance" and scores[key] < 100
    }
    return scores, failing


def main():
    if not LIGHTHOUSE.exists():
        raise SystemExit("node_modules/.bin/lighthouse is missing: run `make node_modules`.")
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install chromium.")
    REPORTS.mkdir(parents=True, exist_ok=True)
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="entrelabs-lighthouse-") as workdir:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": f"sqlite:///{workdir}/lighthouse.sqlite3",
            "MEDIA_ROOT": f"{workdir}/media",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": "2",
            "LOG_LEVEL": "WARNING",
        }
        env.pop("REDIS_URL", None)
        print("Preparing the demo content (migrate, load_demo_content, collectstatic)...", flush=True)
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo_content")
        manage(env, "collectstatic", "--noinput")
        pages = {
            "home": "/",
            "method": method_page_path(env, port),
            "search": "/recherche/?q=immersion",
        }
        server = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "-c",
                "gunicorn.conf.py",
                "--access-logfile",
                "/dev/null",
                "portal.wsgi",
            ],
            cwd=BASE_DIR,
            env=env,
        )
        try:
            wait_for(f"http://127.0.0.1:{port}/healthz")
            results = {}
            for name, path in pages.items():
                print(f"Lighthouse on {path} ...", flush=True)
                results[name] = (path, *run_lighthouse(f"http://127.0.0.1:{port}{path}", name))
        finally:
            server.terminate()
            server.wait(timeout=30)

    print()
    print(f"{'page':<8} {'path':<42} " + " ".join(f"{key:>14}" for key in CATEGORIES))
    for name, (path, scores, failing) in results.items():
        marks = " ".join(f"{scores[key]:>13}{'' if scores[key] >= TARGETS[key] else '!'}" for key in CATEGORIES)
        print(f"{name:<8} {path:<42} {marks}")
        for key, audits in failing.items():
            print(f"{'':<8} {key} below 100: {', '.join(audits)}")
    print(f"\nTargets: performance >= 95, the others 100 ('!' marks a miss). Reports: {REPORTS}")


if __name__ == "__main__":
    main()
