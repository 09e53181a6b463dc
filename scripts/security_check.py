"""The hardening checks of issue 21, bounded, outside `make test`.

    make security-check     # or: .venv/bin/python scripts/security_check.py [--postgres URL]

1. `manage.py check --deploy --fail-level WARNING` with the production settings;
2. the security tests (tests/test_security_*.py) on SQLite, then on PostgreSQL when URL answers;
3. the CSP browser test (tests/browser/test_csp.py) in Chromium.
Prints each step's outcome and time, and exits 1 when one fails.
"""

import argparse
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SECURITY_TESTS = sorted(str(path.relative_to(BASE_DIR)) for path in (BASE_DIR / "tests").glob("test_security_*.py"))


def clean_env(**overrides):
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(overrides)
    return env


def step(name, command, env, timeout):
    started = time.monotonic()
    result = subprocess.run(command, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=timeout)
    seconds = time.monotonic() - started
    summary = (result.stdout.strip().splitlines() or [""])[-1]
    print(f"{'ok  ' if result.returncode == 0 else 'FAIL'} {name} ({seconds:.0f} s): {summary}")
    if result.returncode != 0:
        print(result.stdout[-4000:], result.stderr[-4000:], sep="\n")
    return result.returncode == 0


def postgres_answers(url):
    try:
        import psycopg

        psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", connect_timeout=3).close()
    except Exception:  # noqa: BLE001 (any failure means: no server to test on)
        return False
    return True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/security_check")
    args = parser.parse_args()
    production = clean_env(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="entrelabs.example.org",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    pytest = [PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--durations=5"]
    passed = [
        step(
            "deploy check (production settings)",
            [PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            production,
            120,
        ),
        step("security tests on SQLite", [*pytest, *SECURITY_TESTS], clean_env(), 600),
    ]
    if postgres_answers(args.postgres):
        passed.append(
            step("security tests on PostgreSQL", [*pytest, *SECURITY_TESTS], clean_env(DATABASE_URL=args.postgres), 600)
        )
    else:
        print(f"skip PostgreSQL: nothing answers at {args.postgres}")
    passed.append(step("CSP in Chromium", [*pytest, "-m", "browser", "tests/browser/test_csp.py"], clean_env(), 600))
    sys.exit(0 if all(passed) else 1)


if __name__ == "__main__":
    main()
