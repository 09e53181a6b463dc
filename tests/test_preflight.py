"""A newcomer's set-up: what `make run` and `make test` say before they start (scripts/preflight.py), on a
machine lacking tools; the test media folders and the development log."""

import hashlib
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

SCRIPT = Path(settings.BASE_DIR) / "scripts" / "preflight.py"


def preflight(*args, checkout=None, path, **environ):
    """Run the script (copied into `checkout` when given) with only `path` on PATH and no CI variable."""
    script = SCRIPT
    if checkout is not None:
        script = checkout / "scripts" / "preflight.py"
        script.parent.mkdir(exist_ok=True)
        shutil.copy(SCRIPT, script)
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    env.update(PATH=str(path), **environ)
    return subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True, env=env, timeout=60)


@pytest.fixture
def bare_machine(tmp_path):
    """A checkout without node_modules, a PATH without npm or java (Python is run by its full path), no Chromium."""
    (tmp_path / "bin").mkdir()

    def run(*args, **environ):
        environ.setdefault("CHROMIUM_PATH", str(tmp_path / "no-chromium"))
        return preflight(*args, checkout=tmp_path, path=tmp_path / "bin", **environ)

    run.root = tmp_path
    return run


def install_fake_tools(root, java=True):
    """Files where the browser tools are looked for (node_modules, Chromium) and a `java` on PATH."""
    for tool in ("axe-core/axe.min.js", "vnu-jar/build/dist/vnu.jar"):
        (root / "node_modules" / tool).parent.mkdir(parents=True)
        (root / "node_modules" / tool).write_text("")
    (root / "chromium").write_text("")
    if java:
        (root / "bin" / "java").write_text("#!/bin/sh\n")
        (root / "bin" / "java").chmod(0o755)
    return str(root / "chromium")


def test_without_npm_chromium_and_java_the_browser_tests_are_skipped_with_one_line_each(bare_machine):
    result = bare_machine("browser")
    assert result.returncode == 0
    assert result.stdout.strip() == "not browser"
    lines = result.stderr.splitlines()
    assert len(lines) == 3
    npm, chromium, java = lines
    assert "skipped the browser tests" in npm and "apt-get install npm" in npm
    assert "skipped the browser tests" in chromium and "apt-get install chromium" in chromium
    assert str(bare_machine.root / "no-chromium") in chromium
    assert "skipped the HTML validity tests" in java and "apt-get install default-jre-headless" in java


def test_under_ci_a_missing_browser_tool_is_a_failure(bare_machine):
    result = bare_machine("browser", CI="true")
    assert result.returncode == 1
    assert "npm tools missing" in result.stderr
    assert "skipped" not in result.stderr
    assert "The browser tests need these tools (CI=true)." in result.stderr


def test_make_test_browser_requires_the_tools(bare_machine):
    result = bare_machine("browser", "--required")
    assert result.returncode == 1
    assert result.stderr.endswith("The browser tests need these tools.\n")


def test_with_every_tool_the_browser_tests_run(bare_machine):
    chromium = install_fake_tools(bare_machine.root)
    result = bare_machine("browser", "--required", CI="true", CHROMIUM_PATH=chromium)
    assert (result.returncode, result.stdout.strip(), result.stderr) == (0, "", "")


def test_without_java_only_the_html_checker_is_skipped(bare_machine):
    chromium = install_fake_tools(bare_machine.root, java=False)
    result = bare_machine("browser", CHROMIUM_PATH=chromium)
    assert result.returncode == 0
    assert result.stdout.strip() == ""  # the browser tests run; the checker's skip themselves
    assert result.stderr.startswith("Java missing: skipped the HTML validity tests")


def unused_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_busy_port_is_reported(tmp_path):
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        result = preflight("port", str(port), path=tmp_path)
    assert result.returncode == 1
    assert f"Port {port} on 127.0.0.1 is already in use" in result.stderr
    assert f"make run PORT={port + 1}" in result.stderr
    assert preflight("port", str(unused_port()), path=tmp_path).returncode == 0


def test_no_postgresql_server_skips_the_run_and_says_so(tmp_path):
    port = unused_port()
    result = preflight("postgres", f"postgres://postgres@127.0.0.1:{port}/test", path=tmp_path)
    assert (result.returncode, result.stdout.strip()) == (0, "skip")
    assert f"no server answers at 127.0.0.1:{port}: skipped the PostgreSQL run" in result.stderr
    ci = preflight("postgres", f"postgres://postgres@127.0.0.1:{port}/test", path=tmp_path, CI="true")
    assert ci.returncode == 1
    assert ci.stderr.splitlines() == [
        f"PostgreSQL: no server answers at 127.0.0.1:{port}; "
        "Debian: apt-get install postgresql, or set TEST_DATABASE_URL.",
        "CI=true: the PostgreSQL run is required.",
    ]


postgres_run = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs a PostgreSQL server: runs in the PostgreSQL run of `make test`"
)


def server_url(user=None, database="postgres"):
    """A URL of the server the tests run on (the PostgreSQL run), for `user` and `database`."""
    database_settings = connection.settings_dict
    user = quote(user or database_settings["USER"])
    password = f":{quote(database_settings['PASSWORD'])}" if database_settings["PASSWORD"] else ""
    host = database_settings["HOST"] or "127.0.0.1"
    return f"postgres://{user}{password}@{host}:{database_settings['PORT'] or 5432}/{database}"


@postgres_run
def test_a_missing_database_is_reported_with_the_command_that_creates_it(tmp_path):
    result = preflight("postgres", server_url(database="entrelabs_no_such_database"), path=tmp_path)
    assert (result.returncode, result.stdout.strip()) == (0, "skip")
    assert "answers, but" in result.stderr
    assert 'database "entrelabs_no_such_database" does not exist' in result.stderr
    assert f"createdb -h {connection.settings_dict['HOST'] or '127.0.0.1'}" in result.stderr
    assert "entrelabs_no_such_database`." in result.stderr


@postgres_run
def test_a_role_without_access_is_reported(tmp_path):
    result = preflight("postgres", server_url(user="entrelabs_no_such_role"), path=tmp_path)
    assert (result.returncode, result.stdout.strip()) == (0, "skip")
    assert "refuses entrelabs_no_such_role on its database postgres" in result.stderr


@postgres_run
def test_a_reachable_database_runs_the_suite(tmp_path):
    result = preflight("postgres", server_url(database="postgres"), path=tmp_path)
    assert (result.returncode, result.stdout.strip(), result.stderr) == (0, "run", "")


@postgres_run
def test_the_test_database_is_this_checkouts_own(db):
    """Two checkouts testing on one server each create and drop their own database, not test_<name>;
    each parallel test process has its own (pytest-xdist's worker name appended)."""
    name = os.environ["DATABASE_URL"].rsplit("/", 1)[-1]
    checkout = hashlib.sha256(str(settings.BASE_DIR).encode()).hexdigest()[:8]
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    assert connection.settings_dict["NAME"] == f"test_{name}_{checkout}" + (f"_{worker}" if worker else "")


def test_the_test_media_folder_is_removed_when_the_process_ends():
    code = "import django; django.setup(); from django.conf import settings; print(settings.MEDIA_ROOT)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=settings.BASE_DIR, check=True
    )
    media_root = Path(result.stdout.strip())
    assert media_root.name.startswith("entrelabs-test-media-")
    assert not media_root.exists()


def test_a_django_log_line_is_printed_once_in_development():
    code = "import django, logging; django.setup(); logging.getLogger('django.request').warning('Not Found: /x')"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=settings.BASE_DIR, check=True
    )
    assert result.stderr.count("Not Found: /x") == 1
