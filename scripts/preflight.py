"""What `make run` and `make test` check before they start: one plain line per missing tool.

    python scripts/preflight.py port 8000            # exit 1 when 127.0.0.1:8000 is taken
    python scripts/preflight.py browser [--required] # prints the pytest -m expression for the run
    python scripts/preflight.py postgres URL         # prints "run" or "skip"

A missing tool skips what needs it, with a line saying what was skipped and how to get the tool;
under CI=true (and for `browser --required`, i.e. `make test-browser`) it is a failure (exit 1).
Python's standard library only, except psycopg for the PostgreSQL check (the project's venv).
"""

import argparse
import getpass
import os
import shutil
import socket
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
NODE_MODULES = BASE_DIR / "node_modules"
NPM_TOOLS = [NODE_MODULES / "axe-core" / "axe.min.js", NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"]
DEFAULT_CHROMIUM = "/usr/bin/chromium"


def say(line):
    print(line, file=sys.stderr)


def in_ci():
    return os.environ.get("CI") == "true"


def check_port(port):
    """The port is free on 127.0.0.1, so that the server will start after the install and migrations."""
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            say(f"Port {port} on 127.0.0.1 is already in use: stop what serves it, or run `make run PORT={port + 1}`.")
            return 1
    return 0


def line(problem, skipped, how, failing):
    """One line: what is missing, what was skipped (unless it is a failure), how to get it."""
    return f"{problem}; {how}." if failing else f"{problem}: skipped {skipped}; {how}."


def missing_browser_tools():
    """(tool, problem, what is skipped, how to get it) for each browser-test tool that is not there."""
    missing = []
    if not all(path.exists() for path in NPM_TOOLS):
        how = "run `make node_modules`"
        if shutil.which("npm") is None:
            how = "install Node.js and npm (Debian: apt-get install npm), then " + how
        missing.append(("npm", "npm tools missing (axe-core, vnu-jar in node_modules)", "the browser tests", how))
    chromium = os.environ.get("CHROMIUM_PATH", DEFAULT_CHROMIUM)
    if not Path(chromium).exists():
        how = "Debian: apt-get install chromium, or set CHROMIUM_PATH"
        missing.append(("Chromium", f"Chromium missing ({chromium})", "the browser tests", how))
    if shutil.which("java") is None:
        skipped = "the HTML validity tests (the Nu Html Checker runs on Java)"
        missing.append(("Java", "Java missing", skipped, "Debian: apt-get install default-jre-headless"))
    return missing


def check_browser(required):
    """Print the pytest marker expression: every test when Chromium and the npm tools are there.

    Without Java only the Nu Html Checker's tests skip (they say so themselves). Under CI=true, or
    with `required`, a missing tool is a failure.
    """
    missing = missing_browser_tools()
    failing = bool(missing) and (required or in_ci())
    for _tool, problem, skipped, how in missing:
        say(line(problem, skipped, how, failing))
    if failing:
        say("The browser tests need these tools" + (" (CI=true)." if in_ci() else "."))
        return 1
    print("not browser" if {"npm", "Chromium"} & {tool for tool, *_rest in missing} else "")
    return 0


def reason(error):
    """The server's own words in libpq's message (after "FATAL:"), or the whole message."""
    return error.rsplit("FATAL:", 1)[-1].strip()


def connection_error(url, **options):
    """None when the database at `url` (with libpq `options`) accepts a connection, else libpq's message."""
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=3, **options).close()
    except psycopg.OperationalError as error:
        return str(error).strip()
    return None


def server_answers(host, port):
    """Something listens where libpq would connect (a TCP port, or a Unix socket in a folder)."""
    if host.startswith("/"):
        return Path(host, f".s.PGSQL.{port}").exists()
    try:
        socket.create_connection((host, port), timeout=3).close()
    except OSError:
        return False
    return True


def check_postgres(url):
    """Print "run" when the PostgreSQL database at `url` accepts connections, "skip" (and why) when not."""
    parts = urlsplit(url)
    host, port = unquote(parts.hostname or "/var/run/postgresql"), parts.port or 5432
    where = f"{host}:{port}"
    database = parts.path.lstrip("/")
    user = parts.username or getpass.getuser()
    if not server_answers(host, port):
        problem = f"PostgreSQL: no server answers at {where}"
        how = "Debian: apt-get install postgresql, or set TEST_DATABASE_URL"
    elif (error := connection_error(url, dbname="postgres")) is not None:
        problem = f"PostgreSQL at {where} refuses {user} on its database postgres ({reason(error)})"
        how = "put the password in TEST_DATABASE_URL, or trust that role in pg_hba.conf"
    elif (error := connection_error(url)) is not None:
        problem = f"PostgreSQL at {where} answers, but {user} cannot open the database {database} ({reason(error)})"
        how = f"create it with `createdb -h {host} -p {port} -U {user} {database}`"
    else:
        print("run")
        return 0
    say(line(problem, "the PostgreSQL run", how, in_ci()))
    if in_ci():
        say("CI=true: the PostgreSQL run is required.")
        return 1
    print("skip")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    checks = parser.add_subparsers(dest="check", required=True)
    checks.add_parser("port").add_argument("port", type=int)
    checks.add_parser("browser").add_argument("--required", action="store_true")
    checks.add_parser("postgres").add_argument("url")
    args = parser.parse_args(argv)
    if args.check == "port":
        return check_port(args.port)
    if args.check == "browser":
        return check_browser(args.required)
    return check_postgres(args.url)


if __name__ == "__main__":
    sys.exit(main())
