"""The Content-Security-Policy holds in a real browser: every public page type and the admin's
edit page load without one violation (issue 21, part 4)."""

import pytest
from django.contrib.auth import get_user_model

from tests.browser.conftest import DESKTOP
from tests.browser.pages import PUBLIC_PAGES, open_page

pytestmark = pytest.mark.browser

ADMIN_PASSWORD = "Pivoine-Lagune-Carafe-71"

# Every violation the page reports, from the page's own event (console messages say the same).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
        + ` at ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def csp_tab(chromium):
    """A tab that enforces the CSP (the other browser tests bypass it to inject axe) and records
    each violation from the page's event and from the console."""
    context = chromium.new_context(viewport=DESKTOP, locale="fr-FR")
    context.add_init_script(RECORD_VIOLATIONS)
    tab = context.new_page()
    tab.console_violations = []
    tab.on(
        "console",
        lambda message: "Content Security Policy" in message.text and tab.console_violations.append(message.text),
    )
    yield tab
    context.close()


def violations(tab):
    tab.wait_for_timeout(300)  # violation events are dispatched asynchronously
    return tab.evaluate("() => window.__cspViolations") + tab.console_violations


@pytest.mark.parametrize("public_page", [p.param() for p in PUBLIC_PAGES])
def test_public_page_loads_without_a_csp_violation(public_site, csp_tab, public_page):
    base_url, content = public_site
    response = open_page(csp_tab, base_url, content, public_page)
    policy = response.all_headers()["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "'unsafe-inline'" not in policy
    assert "camera=()" in response.all_headers()["permissions-policy"]
    found = violations(csp_tab)
    assert not found, f"{public_page.name}: {found}"


def test_the_check_sees_a_blocked_inline_script(public_site, csp_tab):
    """A green run means something: an inline script without the nonce is reported."""
    base_url, content = public_site
    open_page(csp_tab, base_url, content, PUBLIC_PAGES[0])
    csp_tab.evaluate(
        """() => { const s = document.createElement("script"); s.textContent = "window.ran = 1";
                  document.body.append(s); }"""
    )
    assert csp_tab.evaluate("() => window.ran") is None
    assert any("script-src" in violation for violation in violations(csp_tab))


def test_admin_edit_page_works_under_its_policy(public_site, csp_tab):
    base_url, content = public_site
    get_user_model().objects.filter(username="csp-admin").delete()
    get_user_model().objects.create_superuser("csp-admin", "csp-admin@example.org", ADMIN_PASSWORD)
    csp_tab.goto(f"{base_url}/admin/login/")
    csp_tab.locator("#id_username").fill("csp-admin")
    csp_tab.locator("#id_password").fill(ADMIN_PASSWORD)
    csp_tab.locator("form button[type=submit]").click()
    csp_tab.wait_for_url(f"{base_url}/admin/")

    for page_key in ("method", "report"):
        response = csp_tab.goto(f"{base_url}/admin/pages/{content[page_key].pk}/edit/")
        assert response.status == 200
        assert "script-src 'self' 'unsafe-inline'" in response.all_headers()["content-security-policy"]
        csp_tab.wait_for_load_state("networkidle")
        # The editor is alive: Draftail and the StreamField rendered their controls.
        assert csp_tab.locator("[data-draftail-input], .DraftEditor-root").count() > 0
        found = violations(csp_tab)
        assert not found, f"admin edit page of {page_key}: {found}"
