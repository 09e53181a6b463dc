import io
import pathlib
import random
import statistics
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import RequestFactory, override_settings
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from home.models import Theme
from methods.models import Duration, Phase
from search import corpus
from search.views import search

FIXED_QUERIES = [
    "prototyper",
    "prototypage rapide",
    "decrochage",
    "décrochage scolaire",
    "ATELIERS",
    "atelier citoyen",
    "cartographie des usagers",
    "entretien",
    "immersion terrain",
    "numerique inclusif",
]


def representative_queries(count=50, seed=50):
    """Queries as agents type them: one to three words, verbs, plurals, with and without accents."""
    rng = random.Random(seed)
    queries = list(FIXED_QUERIES)
    while len(queries) < count:
        kind = len(queries) % 4
        if kind == 0:
            queries.append(rng.choice(corpus.NOUNS))
        elif kind == 1:
            queries.append(f"{rng.choice(corpus.NOUNS)} {rng.choice(corpus.ADJECTIVES)}")
        elif kind == 2:
            queries.append(rng.choice(corpus.VERBS))
        else:
            queries.append(f"{rng.choice(corpus.VERBS)} {rng.choice(corpus.NOUNS)}s {rng.choice(corpus.NOUNS)}")
    return queries[:count]


class Command(BaseCommand):
    help = "Time the search page on the current database: median and p95 of 50 queries, with and without facets."

    def add_arguments(self, parser):
        parser.add_argument("--no-rebuild", action="store_true", help="do not time a full update_index first")
        parser.add_argument("--rounds", type=int, default=3, help="timed runs of each query (after one warm-up)")
        parser.add_argument(
            "--queries", type=int, default=50, dest="query_count", help="how many representative queries"
        )
        parser.add_argument(
            "--stock-queries",
            type=int,
            default=10,
            help="of these, how many to time on Wagtail's stock database search too (it can take a minute each)",
        )

    def handle(self, *args, no_rebuild, rounds, query_count, stock_queries, **options):
        pages = Page.objects.live().count()
        self.stdout.write(f"Database: {connection.vendor}, {pages} live pages")
        if not no_rebuild:
            started = time.perf_counter()
            call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
            self.stdout.write(f"Index build (update_index): {time.perf_counter() - started:.1f} s")
        if connection.vendor == "postgresql":
            # After the bulk load, what autovacuum would do on a live site: fresh statistics for the
            # planner and a visibility map for index-only scans.
            with connection.cursor() as cursor:
                # VACUUM cannot run in a transaction (this command's test runs in one): ANALYZE can.
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        rng = random.Random(3)
        themes = list(Theme.objects.values_list("slug", flat=True)) or [""]
        queries = representative_queries(query_count)
        plain = [{"q": q} for q in queries]
        faceted = [
            {"q": q, "theme": rng.choice(themes), "phase": rng.choice(Phase.values)}
            if i % 2
            else {"q": q, "type": "methods.methodpage", "duration": rng.choice(Duration.values)}
            for i, q in enumerate(queries)
        ]
        header = f"{'':<16}{'median':>10}{'p95':>10}{'max':>10}"
        self.stdout.write(f"{header}   (ms, {rounds} runs of {len(queries)} queries)")
        for label, params in (("without facets", plain), ("with facets", faceted)):
            # As in production: DEBUG would log (and, on SQLite, quote) every query.
            with override_settings(DEBUG=False):
                timings, cpu_timings = self.time_queries(params, rounds, with_cpu=True)
            p95 = statistics.quantiles(timings, n=20)[-1]
            self.stdout.write(f"{label:<16}{statistics.median(timings):>10.1f}{p95:>10.1f}{max(timings):>10.1f}")
            # On a loaded machine the elapsed time counts the waits for a CPU: this process's own CPU
            # time bounds what an idle machine would take (with SQLite, in process, all of it).
            self.write_row("  CPU, process", cpu_timings["process"])
            if cpu_timings.get("server"):
                # PostgreSQL on this machine: its backend's CPU time too, and the sum of both.
                self.write_row("  CPU, server", cpu_timings["server"])
                both = [a + b for a, b in zip(cpu_timings["process"], cpu_timings["server"], strict=True)]
                self.write_row("  CPU, both", both)
            if stock_queries:
                with override_settings(DEBUG=False):
                    stock = self.time_stock(queries[:stock_queries], faceted=label == "with facets")
                    ours = self.time_queries(params[:stock_queries], 1)
                ratio = statistics.median(stock) / statistics.median(ours)
                self.stdout.write(
                    f"{'  stock, ' + str(len(stock)) + ' q':<16}{statistics.median(stock):>10.1f}"
                    f"{max(stock):>10.1f}{max(stock):>10.1f}   portal {statistics.median(ours):.1f} on the same"
                    f" queries: stock / portal {ratio:.2f}"
                )

    def write_row(self, label, timings):
        p95 = statistics.quantiles(timings, n=20)[-1]
        self.stdout.write(f"{label:<16}{statistics.median(timings):>10.1f}{p95:>10.1f}{max(timings):>10.1f}")

    def time_stock(self, queries, faceted):
        """Wagtail's stock database search on the same index, through its public API: the count,
        the first 20 hits and (with facets) the type facet's counts, once per query."""
        options = {"SEARCH_CONFIG": "french_unaccent"} if connection.vendor == "postgresql" else {}
        backend = get_search_backend("wagtail.search.backends.database", **options)
        timings = []
        for query in queries:
            started = time.perf_counter()
            results = backend.search(query, Page.objects.live().public(), operator="and")
            results.count()
            list(results[:20])
            if faceted:
                results.facet("content_type_id")
            timings.append((time.perf_counter() - started) * 1000)
        return timings

    def time_queries(self, all_params, rounds, with_cpu=False):
        """Elapsed milliseconds of each request (and, with_cpu, {"process": this process's CPU
        milliseconds, "server": the database server's, when it runs on this machine})."""
        host = next((h.lstrip(".") for h in settings.ALLOWED_HOSTS if h != "*"), "localhost")
        factory = RequestFactory(HTTP_HOST=host)
        timings, cpu_timings = [], {"process": [], "server": []}
        server_cpu = server_cpu_clock()
        for params in all_params:
            search(factory.get("/recherche/", params))  # warm-up
            for _ in range(rounds):
                started, cpu_started = time.perf_counter(), time.process_time()
                server_started = server_cpu() if server_cpu else 0
                response = search(factory.get("/recherche/", params))
                timings.append((time.perf_counter() - started) * 1000)
                cpu_timings["process"].append((time.process_time() - cpu_started) * 1000)
                if server_cpu:
                    cpu_timings["server"].append((server_cpu() - server_started) * 1000)
                assert response.status_code == 200
        return (timings, cpu_timings) if with_cpu else timings


def server_cpu_clock():
    """A function giving the CPU seconds used so far by this connection's PostgreSQL backend, when
    the server runs on this machine (Linux's /proc), else None."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        path = pathlib.Path(f"/proc/{cursor.fetchone()[0]}/schedstat")

    def clock():
        # The first field: nanoseconds on a CPU.
        return int(path.read_text().split()[0]) / 1e9

    try:
        clock()
    except (OSError, ValueError, IndexError):
        return None
    return clock
