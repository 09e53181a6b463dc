import pytest
from django.conf import settings
from wagtail.models import Site

from home.models import HomePage


def postgresql_only(reason):
    """Skips the test at collection on SQLite.

    For the transactional tests (`django_db(transaction=True)`), which empty the database when they
    end: one that set up only to skip would still empty it. pytest-django runs them after the other
    database tests of a process; with the tests spread over processes by file (Makefile,
    `--dist loadfile`) that holds only if such a test has a file of its own.
    """
    return pytest.mark.skipif(settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql", reason=reason)


@pytest.fixture
def report_figure(record_property):
    """Records a figure a test measured, printed in the run's summary ("Figures measured"): a
    test's own output is not shown, and parallel workers hand their reports to the main process."""

    def report(text):
        record_property("figure", text)

    return report


def pytest_terminal_summary(terminalreporter):
    figures = [
        value
        for report in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", [])
        for name, value in report.user_properties
        if name == "figure"
    ]
    if figures:
        terminalreporter.section("Figures measured")
        for figure in figures:
            terminalreporter.write_line(figure)


@pytest.fixture
def home_page(db):
    """The site root created by the home app's migration."""
    return HomePage.objects.get()


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def communicator(db):
    """Camille, a communicator, who signs in with tests.accounts.PASSWORD."""
    from tests.accounts import create_communicator

    return create_communicator()


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache (the navigation is cached), as a fresh server would."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: Django's LocaleMiddleware activates a request's
    language in the thread and leaves it there (a test after one that requested /en/ ran in English)."""
    from django.utils import translation

    translation.deactivate()
    yield


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The demo content, loaded once for the module in a transaction rolled back at the end."""
    import io

    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def world_ids(django_db_setup, django_db_blocker):
    """The editorial world (tests/editorial.py) built once per module, inside a transaction rolled back
    at the end; each test runs in a savepoint of it, so its changes are undone too. A module that needs
    more in it defines its own."""
    from django.db import transaction

    from tests.editorial import build_world, world_as_ids

    with django_db_blocker.unblock(), transaction.atomic():
        yield world_as_ids(build_world())
        transaction.set_rollback(True)


@pytest.fixture
def world(db, world_ids):
    from tests.editorial import world_from_ids

    return world_from_ids(world_ids)
