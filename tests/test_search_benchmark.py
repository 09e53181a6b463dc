"""The benchmark's own commands on a tiny corpus: they must keep measuring what they say."""

import io

import pytest
from django.core.management import call_command

from labs.models import LabPage, ProjectPage
from methods.models import MethodPage


@pytest.mark.django_db
def test_corpus_and_benchmark_commands(home_page):
    call_command("generate_search_corpus", methods=20, labs=3, stdout=io.StringIO())
    assert LabPage.objects.live().count() == 3
    assert MethodPage.objects.live().count() == 20 and ProjectPage.objects.live().count() == 4
    # Every generated page carries themes: the facets have something to count.
    assert all(method.themes.exists() for method in MethodPage.objects.all())
    assert all(project.themes.count() == 2 for project in ProjectPage.objects.all())

    out = io.StringIO()
    call_command("bench_search", rounds=1, queries=12, stdout=out)
    report = out.getvalue()
    assert "Index build (update_index)" in report
    rows = [line.split() for line in report.splitlines() if line.startswith(("without facets", "with facets"))]
    assert [row[:2] for row in rows] == [["without", "facets"], ["with", "facets"]]
    # Median, p95 and maximum, in milliseconds.
    assert all(len(row) == 5 and all(float(figure) > 0 for figure in row[2:]) for row in rows)
