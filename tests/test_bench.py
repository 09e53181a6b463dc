"""The page benchmark (scripts/bench.py, `make bench`) on a tiny scale, so that it keeps measuring
what it says, and the site generator of its larger runs."""

import io
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from events.models import EventPage
from labs.models import LabPage, ProjectPage
from methods.models import MethodPage
from news.models import NewsPage

BASE_DIR = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_bench_prints_a_row_per_page_beside_static_and_trivial_view(tmp_path):
    """gunicorn on a fresh SQLite file (the migrations' home page): the home page and a 404, each
    uncached and cached, beside a static file of its size and /healthz."""
    result = subprocess.run(
        [sys.executable, "scripts/bench.py", "--databases", "sqlite", "--scales", "1", "--seconds", "1"]
        + ["--connections", "2", "--max-seconds", "2", "--content", "none", "--pages", "home,404"]
        + ["--sqlite", str(tmp_path / "b.sqlite3")],
        cwd=BASE_DIR,
        env={**os.environ, "BENCH_PORT": str(free_port())},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.splitlines()
    assert "### SQLite, demo site" in lines
    rows = {line.split(" `")[0].strip("| "): line.split(" | ") for line in lines if line.startswith("| ")}
    assert set(rows) >= {"home", "404", "trivial Django view"}
    for label in ("home", "404"):
        cells = rows[label]
        # bytes, then req/s, p50, p99, CPU ms/req and the ratio to the static file, uncached and
        # cached, then the static file's CPU ms/req; bakerydemo absent: "–".
        figures = [float(cell.replace(",", "")) for cell in cells[1:13]]
        assert figures[0] > 1000
        assert all(figure > 0 for figure in figures), cells
        assert cells[13].strip(" |") == "–"
    trivial = rows["trivial Django view"]
    assert float(trivial[4].replace(",", "")) > 0
    assert re.search(r"load average at start [\d.]+ [\d.]+ [\d.]+", result.stdout)


@pytest.mark.django_db
def test_generate_bench_site_grows_the_demo_content(demo_content):
    def french(model):
        return model.objects.live().filter(locale__language_code="fr")

    counts = {model: french(model).count() for model in (LabPage, ProjectPage, MethodPage, EventPage, NewsPage)}
    call_command("generate_bench_site", scale=2, stdout=io.StringIO())
    assert {model: french(model).count() for model in counts} == {model: 2 * count for model, count in counts.items()}
    assert MethodPage.objects.filter(slug="immersion-1").exists()
