"""The checks themselves: on a page with known faults, each one reports the fault (so a pass means something)."""

import subprocess

import pytest

from tests.browser.conftest import VNU_JAR, java, missing_tool
from tests.browser.pages import axe_violations, tab_through

pytestmark = pytest.mark.browser

FAULTY_PAGE = """<!DOCTYPE html>
<html><head><title>Faulty</title>
<style>a:focus { outline: none; } .low { color: #aaa; background: #fff; }</style></head>
<body>
  <a href="#one">One</a>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
  <p class="low">Pale text on white.</p>
  <button tabindex="2">Jumps the queue</button>
  <a href="#two">Two</a>
  <div><p>Unclosed</div>
</body></html>"""


def test_axe_reports_missing_alt_language_and_contrast(page):
    page.set_content(FAULTY_PAGE)
    found = {violation["id"] for violation in axe_violations(page)}
    assert {"image-alt", "html-has-lang", "color-contrast"} <= found


def test_tabbing_reports_order_and_invisible_focus(page):
    page.set_content(FAULTY_PAGE)
    tabbable, reached = tab_through(page)
    assert [item["tabindex"] for item in tabbable] == [0, 2, 0]
    assert [focused["rank"] for focused in reached] == [1, 0, 2]  # the positive tabindex goes first
    first_link = tabbable[0]
    assert next(f for f in reached if f["rank"] == 0)["look"] == first_link["look"]  # outline: none shows nothing
    button = tabbable[1]
    assert next(f for f in reached if f["rank"] == 1)["look"] != button["look"]  # the default focus ring


def test_tabbing_starts_from_the_top_when_the_page_moved_the_focus(page):
    page.set_content(
        '<!DOCTYPE html><html lang="fr"><head><title>Focus</title></head><body>'
        '<a href="#one">One</a><div tabindex="-1" autofocus>Summary</div><a href="#two">Two</a></body></html>'
    )
    page.wait_for_function("() => document.activeElement.tagName === 'DIV'")
    tabbable, reached = tab_through(page)
    assert [focused["rank"] for focused in reached] == [0, 1]


def test_the_html_checker_reports_errors(tmp_path):
    missing_tool(VNU_JAR, "The Nu Html Checker (npm vnu-jar)")
    java_path = java()
    faulty = tmp_path / "faulty.html"
    faulty.write_text(FAULTY_PAGE)
    result = subprocess.run(
        [java_path, "-jar", str(VNU_JAR), "--errors-only", str(faulty)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert "error" in result.stderr
