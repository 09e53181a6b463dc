"""Real-browser harness: Debian's Chromium driven by Playwright, against the portal on a live server.

The database is filled once per test module (not once per test, as pytest-django's transactional
`live_server` tests would do): a module-scoped fixture starts pytest-django's live server on
127.0.0.1, keeps database access open while the module runs, builds the content, and flushes the
database when the module is done.
"""

import os
import re
import shutil
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.servers.basehttp import WSGIServer

CHROMIUM = Path(settings.CHROMIUM_PATH)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"

DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 740}


def skip_or_fail(message):
    """Skip the test, except in CI where a missing tool is a failure."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def missing_tool(path, what, how="run `make node_modules`"):
    """Skip (or fail in CI) when the tool at `path` is not installed."""
    if not path.exists():
        skip_or_fail(f"{what} is missing ({path}): {how}.")


def java():
    """The path of the `java` that runs the Nu Html Checker; skip (or fail in CI) without one."""
    found = shutil.which("java")
    if found is None:
        skip_or_fail("Java is missing (the Nu Html Checker runs on it): Debian: apt-get install default-jre-headless.")
    return found


@pytest.fixture(scope="package")
def playwright_driver():
    """Playwright, for the browser tests only.

    Its sync API runs an event loop in the main thread; the ORM calls made next to it are ordinary
    synchronous calls, so Django's "async unsafe" guard is lifted while these tests run, and put back
    after them (the deploy check of other tests rejects the variable).
    """
    missing_tool(CHROMIUM, "Chromium", "Debian: apt-get install chromium, or set CHROMIUM_PATH")
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            yield playwright
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def chromium(playwright_driver):
    browser = playwright_driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def ensure_site_root():
    """The root page and collection, the home page and the default site, which a flushed database lacks."""
    from wagtail.models import Collection, Locale, Page, Site

    from home.models import HomePage

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(title="Entrelabs", slug="accueil"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "site_name": "Entrelabs"}
    )
    return home


class SerialWSGIServer(WSGIServer):
    """A server that answers one request at a time.

    With the in-memory SQLite database every request uses the test's one connection: concurrent
    requests (an admin autosave next to a click) would interleave their transactions on it.
    Django closes each HTTP connection of a non-threaded server, so no browser holds it.
    """

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


@pytest.fixture(scope="session")
def browser_database(django_db_setup, django_db_blocker):
    """The test database, created here when no other test of the run asked pytest-django for one.

    pytest-django creates it only for tests that use its `db`/`live_server` fixtures, which would wrap
    each browser test in a transaction or a flush; these tests use neither.
    """
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    if connection.settings_dict["NAME"] == connection.creation._get_test_db_name():
        yield
        return
    with django_db_blocker.unblock():
        created = setup_databases(verbosity=0, interactive=False, aliases={connection.alias})
    yield
    with django_db_blocker.unblock():
        teardown_databases(created, verbosity=0)


@pytest.fixture(scope="module")
def live_site(browser_database, django_db_blocker):
    """A live server on 127.0.0.1 with database access open for the whole module.

    Yields the server; the module's content is built by the fixtures that depend on this one.
    """
    from django.core.cache import cache
    from django.core.management import call_command
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        cache.clear()
        server = LiveServer("127.0.0.1", start=False)
        if server.thread.connections_override:
            server.thread.server_class = SerialWSGIServer
        server.start()
        try:
            yield server
        finally:
            # Let the server's threads finish the requests of the browsers just closed: a thread still
            # running after stop() would use the shared SQLite connection once no longer allowed to.
            time.sleep(0.5)
            server.stop()
            call_command("flush", interactive=False, verbosity=0)
            cache.clear()


@pytest.fixture
def page(request, chromium):
    """A fresh browser tab (desktop width); a screenshot lands in test-artifacts/ when the test fails."""
    # bypass_csp: the checkers (axe) are injected as inline scripts, which the portal's CSP refuses;
    # tests/browser/test_csp.py checks the policy in tabs of its own.
    context = chromium.new_context(viewport=DESKTOP, locale="fr-FR", bypass_csp=True)
    tab = context.new_page()
    yield tab
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid.split("::", 1)[-1])
        tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="module")
def public_site(live_site):
    """The live server's address and one live page of each public type (see content.py)."""
    from tests.browser.content import build_public_site

    content = build_public_site(ensure_site_root())
    return live_site.url, content
