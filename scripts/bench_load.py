"""Load held (issue 19 part 5, issue 21 part 9): anonymous visitors on gunicorn with the production
settings on PostgreSQL + Redis, while an editor publishes a page every few seconds. Bounded in time
and in requests; only 127.0.0.1 is contacted.

    .venv/bin/python scripts/bench_load.py [--visitors 50] [--seconds 60] [--database URL]

The database named by --database is dropped and created again (never the test database), migrated
and given the demo content. Prints the requests, errors, p50/p95/p99 latency per kind of page, and
exits 1 on any 5xx, connection error or "database is locked".
"""

import argparse
import os
import random
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path

from bench import production_env, recreate_database

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORT = int(os.environ.get("BENCH_LOAD_PORT", 8767))
ROOT = f"http://127.0.0.1:{PORT}"

PUBLISHER = """
import time
from methods.models import MethodPage
pages = list(MethodPage.objects.live().order_by("pk")[:5])
for n in range({rounds}):
    page = pages[n % len(pages)].specific
    page.summary = (page.summary.split(" [")[0]) + f" [publication {{n}}]"
    page.save_revision().publish()
    time.sleep({pause})
print("published", {rounds})
"""


def run(command, env, **kwargs):
    subprocess.run(command, cwd=BASE_DIR, env=env, check=True, **kwargs)


def page_mix():
    """(kind, path) pairs: the home page, listings, detail pages found from them, search, map, feeds."""

    def links(path, pattern):
        html = urllib.request.urlopen(ROOT + path, timeout=10).read().decode()
        return sorted(set(re.findall(pattern, html)))

    methods = links("/methodes/", r'href="(/methodes/[a-z0-9-]+/)"')[:6]
    labs = links("/labs/", r'href="(/labs/[a-z0-9-]+/)"')[:4]
    mix = [("home", "/"), ("listing", "/methodes/"), ("listing", "/labs/"), ("listing", "/agenda/")]
    mix += [("method", path) for path in methods] + [("lab", path) for path in labs]
    mix += [("search", f"/recherche/?q={word}") for word in ("immersion", "usagers", "prototypage", "evaluation")]
    mix += [("map", "/carte/"), ("feed", "/flux/site.rss"), ("api", "/api/methods/")]
    return mix


def visitor(mix, deadline, results, lock):
    while time.monotonic() < deadline:
        kind, path = random.choice(mix)
        started = time.monotonic()
        try:
            with urllib.request.urlopen(ROOT + path, timeout=15) as response:
                body = response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            body, status = error.read(), error.code
        except OSError as error:
            body, status = str(error).encode(), 0
        elapsed = (time.monotonic() - started) * 1000
        with lock:
            results[kind].append((status, elapsed, b"database is locked" in body))


def percentile(values, share):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * share))] if values else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visitors", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/bench_load")
    args = parser.parse_args()

    env = production_env(args.database, "redis://127.0.0.1:6379/7")
    recreate_database(args.database)
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    run([PYTHON, "manage.py", "load_demo_content"], env, stdout=subprocess.DEVNULL)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    with socket.socket() as probe:  # another server there would be measured instead
        if probe.connect_ex(("127.0.0.1", PORT)) == 0:
            sys.exit(f"port {PORT} is taken: BENCH_LOAD_PORT=... chooses another")
    server = subprocess.Popen(
        [BASE_DIR / ".venv/bin/gunicorn", "-c", "gunicorn.conf.py", "portal.wsgi", "--bind", f"127.0.0.1:{PORT}"],
        cwd=BASE_DIR,
        env={**env, "WEB_CONCURRENCY": "3", "GUNICORN_THREADS": "4"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(ROOT + "/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        mix = page_mix()
        rounds = max(1, args.seconds // 4)
        publisher = subprocess.Popen(
            [PYTHON, "manage.py", "shell", "-c", PUBLISHER.format(rounds=rounds, pause=3)],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        results, lock = defaultdict(list), threading.Lock()
        deadline = time.monotonic() + args.seconds
        threads = [threading.Thread(target=visitor, args=(mix, deadline, results, lock)) for _ in range(args.visitors)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        published = publisher.communicate(timeout=120)[0].strip()
    finally:
        server.terminate()
        server.wait(timeout=30)

    published = published.splitlines()[-1] if published else "no publication"
    print(f"{args.visitors} visitors for {args.seconds} s, gunicorn 3 workers × 4 threads, PostgreSQL + Redis")
    print(f"an editor meanwhile: {published} revisions")
    print(f"{'page':<8} {'requests':>8} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}")
    failures = 0
    every = []
    for kind in sorted(results):
        rows = results[kind]
        errors = sum(1 for status, _, locked in rows if status == 0 or status >= 500 or locked)
        failures += errors
        latencies = [elapsed for _, elapsed, _ in rows]
        every += latencies
        print(
            f"{kind:<8} {len(rows):>8} {errors:>6} {percentile(latencies, 0.5):>7.0f} "
            f"{percentile(latencies, 0.95):>7.0f} {percentile(latencies, 0.99):>7.0f}"
        )
    print(
        f"{'all':<8} {len(every):>8} {failures:>6} {percentile(every, 0.5):>7.0f} "
        f"{percentile(every, 0.95):>7.0f} {percentile(every, 0.99):>7.0f}"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
