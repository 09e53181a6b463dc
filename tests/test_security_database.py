"""A database that is down, frozen or slow costs seconds and shows a clean page (issue 21)."""

import logging
import os
import select
import socket
import subprocess
import sys
import threading
import time

import pytest
from django.conf import settings
from django.db import OperationalError, connection

from portal.middleware import DatabaseUnavailableMiddleware

PG_SERVER = ("127.0.0.1", 5432)


class SwitchableDatabaseProxy:
    """A TCP proxy in front of PostgreSQL that is either frozen (accepts connections, never
    answers, as a stopped server or a dropped network does) or forwarding to the real server."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.frozen = True
        self.held = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.frozen:
                self.held.append(client)
            else:
                threading.Thread(target=self._pipe, args=(client,), daemon=True).start()

    @staticmethod
    def _pipe(client):
        server = socket.create_connection(PG_SERVER)
        sockets = [client, server]
        while True:
            readable, _, _ = select.select(sockets, [], [], 30)
            if not readable:
                break
            for source in readable:
                data = source.recv(65536)
                if not data:
                    client.close()
                    server.close()
                    return
                (server if source is client else client).sendall(data)

    def close(self):
        self.listener.close()
        for held in self.held:
            held.close()


SERVER_SCRIPT = """
import time
from django.test import Client
client = Client()
for path in ("/healthz", "/"):
    started = time.monotonic()
    response = client.get(path)
    seconds = round(time.monotonic() - started, 1)
    print("RESULT", path, response.status_code, seconds, response.get("Retry-After"), flush=True)
    if path == "/":
        print("RESULT", "page", "Service momentanément indisponible" in response.content.decode(), flush=True)
input()
print("RESULT", "/healthz", client.get("/healthz").status_code, flush=True)
"""


def postgres_answers():
    try:
        socket.create_connection(PG_SERVER, timeout=2).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not postgres_answers(), reason="needs a PostgreSQL server at 127.0.0.1:5432")
def test_frozen_database_gives_503_within_seconds_then_recovers():
    proxy = SwitchableDatabaseProxy()
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{proxy.port}/postgres",
        DATABASE_CONNECT_TIMEOUT="2",
    )
    server = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-c", SERVER_SCRIPT],
        cwd=settings.BASE_DIR,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )

    def result():
        line = server.stdout.readline()
        while line and not line.startswith("RESULT "):
            line = server.stdout.readline()
        return line.split()[1:]

    try:
        health_path, health_status, health_seconds, _ = result()
        page_path, page_status, page_seconds, page_retry = result()
        clean_page = result()
        proxy.frozen = False
        server.stdin.write("\n")
        server.stdin.flush()
        recovered = result()
    finally:
        server.kill()
        proxy.close()

    assert (health_path, health_status) == ("/healthz", "503")
    assert float(health_seconds) < 5
    assert (page_path, page_status, page_retry) == ("/", "503", "30")
    assert float(page_seconds) < 5
    assert clean_page == ["page", "True"]
    assert recovered == ["/healthz", "200"]


@pytest.mark.django_db
def test_postgresql_statements_are_bounded_in_time():
    if connection.vendor != "postgresql":
        pytest.skip("the statement timeout is a PostgreSQL setting (SQLite has its 20 s lock timeout)")
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "10s"
        started = time.monotonic()
        cursor.execute("SET LOCAL statement_timeout = 200")
        with pytest.raises(Exception, match="statement timeout"):
            cursor.execute("SELECT pg_sleep(5)")
    assert time.monotonic() - started < 2


def test_a_database_error_page_logs_its_cause_for_the_operator(rf, caplog, settings):
    settings.DEBUG = False
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    with caplog.at_level(logging.ERROR, logger="portal.middleware"):
        response = middleware.process_exception(rf.get("/carte/"), OperationalError("no such column: name"))
    assert response.status_code == 503
    assert "no such column: name" in caplog.text
    assert caplog.records[0].exc_info is not None
