"""The Nu Html Checker finds no error in the HTML the portal sends for each public page."""

import json
import subprocess

import pytest

from tests.browser.conftest import VNU_JAR, java, missing_tool
from tests.browser.pages import PUBLIC_PAGES, open_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def vnu_errors(public_site, chromium, tmp_path_factory):
    """The checker's errors for every public page, by page name, from one run of the checker."""
    missing_tool(VNU_JAR, "The Nu Html Checker (npm vnu-jar)")
    java_path = java()
    base_url, content = public_site
    folder = tmp_path_factory.mktemp("html")
    context = chromium.new_context(locale="fr-FR")
    tab = context.new_page()
    files = {}
    for public_page in PUBLIC_PAGES:
        try:
            html = open_page(tab, base_url, content, public_page).body()
        except AssertionError:
            continue  # not there yet: that page's test reports it
        files[public_page.name] = folder / f"{public_page.name}.html"
        files[public_page.name].write_bytes(html)
    context.close()
    result = subprocess.run(
        [java_path, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *map(str, files.values())],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    messages = json.loads(result.stderr)["messages"]
    errors = {name: [] for name in files}
    by_file = {path.name: name for name, path in files.items()}
    for message in messages:
        if message["type"] in {"error", "non-document-error"}:
            errors[by_file[message.get("url", "").rsplit("/", 1)[-1]]].append(message)
    return errors


@pytest.mark.parametrize("public_page", [p.param() for p in PUBLIC_PAGES])
def test_the_page_is_valid_html(vnu_errors, public_page):
    assert public_page.name in vnu_errors, f"{public_page.name} could not be loaded"
    errors = vnu_errors[public_page.name]
    assert not errors, f"{public_page.name}: " + "\n".join(
        f"line {e.get('lastLine')}: {e['message']}\n    {e.get('extract', '').strip()}" for e in errors
    )
