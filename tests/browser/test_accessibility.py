"""Every public page passes axe-core's WCAG 2.1 A/AA rules at desktop and phone widths, and works with the keyboard."""

import pytest

from tests.browser.conftest import DESKTOP, MOBILE
from tests.browser.pages import PUBLIC_PAGES, axe_violations, describe_violations, dump, open_page, tab_through

pytestmark = pytest.mark.browser

WIDTHS = [pytest.param(DESKTOP, id="desktop"), pytest.param(MOBILE, id="375px")]
EVERY_PUBLIC_PAGE = [p.param() for p in PUBLIC_PAGES]


def open_at_width(page, public_site, public_page, viewport):
    base_url, content = public_site
    page.set_viewport_size(viewport)
    open_page(page, base_url, content, public_page)


@pytest.mark.parametrize("viewport", WIDTHS)
@pytest.mark.parametrize("public_page", EVERY_PUBLIC_PAGE)
def test_axe_finds_no_violation(public_site, page, public_page, viewport):
    open_at_width(page, public_site, public_page, viewport)
    violations = axe_violations(page)
    assert not violations, f"axe-core on {public_page.name}:\n{describe_violations(violations)}"


@pytest.mark.parametrize("viewport", WIDTHS)
@pytest.mark.parametrize("public_page", EVERY_PUBLIC_PAGE)
def test_tab_reaches_every_control_in_order_with_a_visible_focus(public_site, page, public_page, viewport):
    open_at_width(page, public_site, public_page, viewport)
    tabbable, reached = tab_through(page)
    assert tabbable, f"{public_page.name}: nothing to reach with the keyboard"
    assert all(item["tabindex"] == 0 for item in tabbable), f"positive tabindex breaks the order: {dump(tabbable)}"
    order = [focused["rank"] if focused else None for focused in reached]
    assert order == list(range(len(tabbable))), (
        f"{public_page.name}: Tab order {order} is not the document order\n{dump(tabbable)}\n{dump(reached)}"
    )
    invisible = [
        (item["label"], item["look"])
        for item, focused in zip(tabbable, reached, strict=True)
        if focused["look"] == item["look"]
    ]
    assert not invisible, f"{public_page.name}: no visible focus style on {dump(invisible)}"


@pytest.mark.parametrize("viewport", WIDTHS)
def test_skip_link_is_first_visible_on_focus_and_moves_focus_to_main(public_site, page, viewport):
    open_at_width(page, public_site, PUBLIC_PAGES[0], viewport)
    page.keyboard.press("Tab")
    skip_link = page.evaluate(
        """() => {
            const el = document.activeElement;
            const box = el.getBoundingClientRect();
            return {href: el.getAttribute("href"), text: el.innerText.trim(), top: box.top, left: box.left,
                    width: box.width, height: box.height};
        }"""
    )
    assert skip_link["href"] == "#main" and skip_link["text"]
    assert skip_link["width"] > 10 and skip_link["height"] > 10, f"skip link not visible when focused: {skip_link}"
    assert 0 <= skip_link["top"] < viewport["height"] and 0 <= skip_link["left"] < viewport["width"]
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate(
        "() => Boolean(document.getElementById('main').compareDocumentPosition(document.activeElement)"
        " & (Node.DOCUMENT_POSITION_CONTAINED_BY | Node.DOCUMENT_POSITION_FOLLOWING))"
    ), "Tab after the skip link does not continue from the main content"
