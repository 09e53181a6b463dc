"""The stand-ins for Wagtail internals that the README keeps (Architecture › Wagtail's public API),
each measured against Wagtail's own in one run: SQL queries and CPU ms per request of the pages a
visitor sees, uncached (PAGE_CACHE_SECONDS=0), through Django's test client and the whole middleware.

    .venv/bin/python scripts/bench_internals.py [--requests 30] [--rounds 5]

A throw-away database with the demo content: the test settings' in-memory SQLite, or with
DATABASE_URL the PostgreSQL test database of that name (created, then dropped). Each round
times the stand-in, then Wagtail's own, on the same page; the figure is the median of the rounds.
"""

import argparse
import contextlib
import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
os.environ["PAGE_CACHE_SECONDS"] = "0"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import get_resolver  # noqa: E402
from wagtail import views as wagtail_views  # noqa: E402
from wagtail.models import Page  # noqa: E402
from wagtail.rich_text import features, get_rewriter  # noqa: E402
from wagtail.rich_text.pages import PageLinkHandler  # noqa: E402

from portal import i18n  # noqa: E402


def serve_through_wagtails_routing(request, path):
    """portal.i18n.serve with Wagtail's own routing (``Page.route_for_request``: the site's root
    page in the active language, ``root_page.localized``); the French fallback under /en/ as in
    portal.i18n."""
    if Page.route_for_request(request, path) is None:
        del request._wagtail_route_for_request
        return i18n.serve(request, path)
    return wagtail_views.serve(request, path)


@contextlib.contextmanager
def wagtails_routing():
    pattern = next(p for p in get_resolver().url_patterns[-1].url_patterns if getattr(p, "name", "") == "wagtail_serve")
    kept = pattern.callback
    pattern.callback = serve_through_wagtails_routing
    try:
        yield
    finally:
        pattern.callback = kept


@contextlib.contextmanager
def wagtails_page_links():
    link_types = features.get_link_types()
    kept = link_types["page"]
    link_types["page"] = PageLinkHandler
    get_rewriter.cache_clear()
    try:
        yield
    finally:
        link_types["page"] = kept
        get_rewriter.cache_clear()


# (stand-in, Wagtail's own in its place, the pages it serves: label → URL)
STAND_INS = [
    (
        "portal.i18n routing (cached home page of each language)",
        wagtails_routing,
        {"lab (fr)": "lab", "method (fr)": "method", "method (en)": "method_en", "report (fr)": "report"},
    ),
    (
        "portal.rich_text.LocalizedPageLinkHandler (one query for a field's links)",
        wagtails_page_links,
        {"home (fr)": "home", "home (en)": "home_en", "about (fr)": "about", "report (fr)": "report"},
    ),
]


def demo_urls():
    from home.models import HomePage
    from labs.models import LabPage, SessionReportPage
    from methods.models import MethodPage

    def url(model, language="fr", **filters):
        return model.objects.live().filter(locale__language_code=language, **filters).first().url

    english_method = MethodPage.objects.live().filter(locale__language_code="en").first()
    return {
        "home": url(HomePage),
        "home_en": url(HomePage, "en"),
        "lab": url(LabPage),
        "method": english_method.get_translation(english_method.get_default_locale()).url,
        "method_en": english_method.url,
        "report": url(SessionReportPage),
        "about": Page.objects.live().get(locale__language_code="fr", slug="a-propos").url,
    }


def measure(client, url, requests):
    """(queries of one view, CPU ms and wall ms per view over ``requests`` views)."""
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        assert client.get(url).status_code == 200, url
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(requests):
        client.get(url)
    return len(queries), (time.process_time() - cpu) * 1000 / requests, (time.perf_counter() - wall) * 1000 / requests


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=30, help="views timed per round and variant")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    setup_test_environment()
    database = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        call_command("load_demo_content", stdout=io.StringIO())
        run(args)
    finally:
        connection.creation.destroy_test_db(database, verbosity=0)


def run(args):
    urls = demo_urls()
    client = Client()
    print(
        f"{args.rounds} rounds of {args.requests} views, uncached (PAGE_CACHE_SECONDS=0), "
        f"{connection.vendor}, demo content; medians of the rounds"
    )
    for name, wagtails_own, pages in STAND_INS:
        print(f"\n{name}\n{'page':<14} {'queries':>16} {'CPU ms/request':>22} {'wall ms/request':>22}")
        print(f"{'':<14} {'kept':>7} {'Wagtail':>8}" + f" {'kept':>10} {'Wagtail':>11}" * 2)
        for label, key in pages.items():
            url = urls[key]
            client.get(url)  # fills the caches (navigation, renditions) as the first visitor does
            kept, wagtail = [], []
            for _ in range(args.rounds):
                kept.append(measure(client, url, args.requests))
                with wagtails_own():
                    client.get(url)
                    wagtail.append(measure(client, url, args.requests))
            row = f"{label:<14} {kept[0][0]:>7} {wagtail[0][0]:>8}"
            for figure in (1, 2):
                row += f" {statistics.median(m[figure] for m in kept):>10.1f}"
                row += f" {statistics.median(m[figure] for m in wagtail):>11.1f}"
            print(row)


if __name__ == "__main__":
    main()
