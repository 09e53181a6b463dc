"""What the design promises a hurried agent, checked in Chromium at 1280 and 375 px: the header's
size and menu (without JavaScript too), the first screens of the home page and of a method card,
suggestions in the header's search box, the focused error summary, the roadmap on a phone, the
method filters as big choices, no page wider than a phone."""

import pytest

from tests.browser.conftest import DESKTOP
from tests.browser.pages import PUBLIC_PAGES, open_page

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
LAPTOP = {"width": 1280, "height": 800}


def box(tab, selector):
    return tab.locator(selector).first.bounding_box()


@pytest.fixture
def no_script_tab(chromium):
    context = chromium.new_context(viewport=PHONE, locale="fr-FR", java_script_enabled=False)
    yield context.new_page()
    context.close()


def header_layout(tab, search_box="#site-search-q"):
    """The header's boxes, and whether a search box's placeholder (the header's by default) shows whole."""
    return tab.evaluate(
        """(searchBox) => {
            const box = (el) => el && el.getBoundingClientRect().toJSON();
            const input = document.querySelector(searchBox);
            const style = getComputedStyle(input);
            const context = document.createElement("canvas").getContext("2d");
            context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            return {
                header: box(document.querySelector(".site-header")),
                mark: box(document.querySelector(".brand")),
                search: box(input),
                sections: [...document.querySelectorAll(".site-nav a")].map((a) => ({text: a.textContent, ...box(a)})),
                placeholder: input.placeholder,
                placeholderFits: context.measureText(input.placeholder).width <= room,
            };
        }""",
        search_box,
    )


def middle(item):
    return item["y"] + item["height"] / 2


# Wide: every page's header with the demo's sections, in French and in English (/en/).
@pytest.mark.parametrize("key", ["home", "method", "map", "agenda", "news_index", "en:home", "en:method"])
def test_wide_header_holds_the_mark_the_sections_and_the_search_box_on_one_line(public_site, page, key):
    base_url, content = public_site
    page.set_viewport_size(LAPTOP)
    page.goto(base_url + content[key].url)
    assert not page.locator(".site-menu__button").is_visible()
    layout = header_layout(page)
    sections = layout["sections"]
    assert sections and all(link["height"] > 0 for link in sections), "the sections are hidden on a wide screen"
    wrapped = [link["text"] for link in sections if round(link["y"]) != round(sections[0]["y"])]
    assert not wrapped, f"the sections wrap onto a second line from {wrapped[0]!r}"
    line = middle(sections[0])
    assert abs(middle(layout["search"]) - line) < 6, "the search box is not on the sections' line"
    assert abs(middle(layout["mark"]) - line) < 12, "the mark is not on the sections' line"
    assert layout["search"]["x"] + layout["search"]["width"] <= LAPTOP["width"]
    assert layout["placeholderFits"], f"the search box cuts its placeholder {layout['placeholder']!r}"
    assert layout["header"]["height"] < 100


def test_header_of_a_small_laptop_shows_the_sections_on_one_line_under_the_mark_and_the_search_box(public_site, page):
    base_url, content = public_site
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(base_url + content["method"].url)
    layout = header_layout(page)
    sections = layout["sections"]
    assert sections and all(link["height"] > 0 for link in sections), "the sections are hidden at 1024 px"
    assert {round(link["y"]) for link in sections} == {round(sections[0]["y"])}, "the sections wrap at 1024 px"
    assert abs(middle(layout["search"]) - middle(layout["mark"])) < 12, "the search box is not beside the mark"
    assert layout["placeholderFits"], f"the search box cuts its placeholder {layout['placeholder']!r}"
    assert layout["header"]["height"] <= 0.2 * 768


@pytest.mark.parametrize("key", ["method", "en:method"])
def test_phone_header_search_box_shows_its_whole_placeholder(public_site, page, key):
    base_url, content = public_site
    page.set_viewport_size(PHONE)
    page.goto(base_url + content[key].url)
    layout = header_layout(page)
    assert layout["placeholderFits"], f"the search box cuts its placeholder {layout['placeholder']!r}"
    assert layout["header"]["height"] <= 0.2 * PHONE["height"]


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["375px", "1280px"])
@pytest.mark.parametrize("key", ["home", "en:home"])
def test_home_search_box_shows_its_whole_placeholder(public_site, page, key, viewport):
    base_url, content = public_site
    page.set_viewport_size(viewport)
    page.goto(base_url + content[key].url)
    layout = header_layout(page, "#home-search-q")
    assert layout["placeholderFits"], f"the home search box cuts its placeholder {layout['placeholder']!r}"


def test_phone_header_takes_a_fifth_of_the_screen_at_most_and_its_menu_opens_without_javascript(
    public_site, no_script_tab
):
    base_url, content = public_site
    tab = no_script_tab
    tab.goto(base_url + content["method"].url)
    assert box(tab, ".site-header")["height"] <= 0.2 * PHONE["height"]
    assert tab.locator("#site-search-q").is_visible()
    sections = tab.locator(".site-nav a")
    assert not sections.first.is_visible()
    tab.locator(".site-menu__button").click()
    assert sections.first.is_visible()
    mark, links = box(tab, ".brand"), [link.bounding_box() for link in sections.all()]
    assert all(link["y"] >= mark["y"] + mark["height"] for link in links), "the open menu covers the mark"
    with tab.expect_navigation():
        tab.locator(".site-nav a", has_text="Méthodes").click()
    assert tab.url.endswith(content["method_index"].url)


def test_home_first_screen_says_what_to_do(public_site, page):
    base_url, content = public_site
    for viewport in (LAPTOP, PHONE):
        page.set_viewport_size(viewport)
        page.goto(base_url + "/")
        for selector in ["h1", ".phase-choice", "#home-search-q", "main a[href='/proposer-une-methode/']"]:
            element = box(page, selector)
            assert element and element["y"] + element["height"] <= viewport["height"], (viewport, selector, element)
        assert page.locator(".phase-choice").first.get_attribute("href").endswith("?phase=discover")


def test_method_card_shows_its_practical_details_and_worksheets_on_the_first_phone_screen(public_site, page):
    base_url, content = public_site
    page.set_viewport_size(PHONE)
    page.goto(base_url + content["method"].url)
    for selector in ["#practical-details", ".practical .facts__grid", ".practical__worksheets .download"]:
        element = box(page, selector)
        assert element["y"] + element["height"] <= PHONE["height"], (selector, element)


def test_header_search_box_suggests_pages(public_site, page):
    base_url, content = public_site
    page.goto(base_url + content["lab"].url)
    page.locator("#site-search-q").press_sequentially("immers", delay=30)
    option = page.locator("#site-search-q-suggestions [role=option] a", has_text="Immersion dans un service")
    option.wait_for(timeout=5000)
    assert page.locator("#site-search-q").get_attribute("aria-expanded") == "true"
    titles = page.locator("#site-search-q-suggestions [role=option]").all_inner_texts()
    for _ in range(next(i for i, title in enumerate(titles) if "Immersion dans un service" in title) + 1):
        page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(content["method"].url)


def test_error_summary_takes_the_focus(public_site, page):
    base_url, content = public_site
    errors = next(p for p in PUBLIC_PAGES if p.name == "propose-form-errors")
    open_page(page, base_url, content, errors)
    assert page.evaluate("() => document.activeElement.classList.contains('error-summary')")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('.error-summary') !== null")


def test_roadmap_is_a_list_by_horizon_on_a_phone_with_its_caption_in_view(public_site, page):
    base_url, content = public_site
    page.set_viewport_size(PHONE)
    page.goto(base_url + content["report"].url)
    caption = box(page, ".roadmap caption")
    assert caption["x"] >= 0 and caption["x"] + caption["width"] <= PHONE["width"]
    assert box(page, ".roadmap")["width"] <= PHONE["width"]
    assert not page.locator(".roadmap thead").is_visible()
    assert page.locator(".roadmap tbody th").first.is_visible()
    page.set_viewport_size(DESKTOP)
    assert page.locator(".roadmap thead").is_visible()


@pytest.mark.parametrize("public_page", [p.param() for p in PUBLIC_PAGES])
def test_no_page_scrolls_sideways_on_a_phone(public_site, page, public_page):
    base_url, content = public_site
    page.set_viewport_size(PHONE)
    open_page(page, base_url, content, public_page)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    wide = page.evaluate(
        """(limit) => [...document.querySelectorAll("body *")]
            .filter((el) => el.getBoundingClientRect().right > limit)
            .slice(0, 5).map((el) => el.outerHTML.slice(0, 120))""",
        PHONE["width"] + 1,
    )
    assert width <= PHONE["width"], f"{public_page.name}: {width} px wide, because of {wide}"
    page.evaluate("() => window.scrollTo(500, 0)")
    assert page.evaluate("() => window.scrollX") == 0, f"{public_page.name} scrolls sideways"


def test_method_filters_are_big_choices_after_which_the_results_start_on_a_phone(public_site, no_script_tab):
    base_url, content = public_site
    tab = no_script_tab
    tab.goto(base_url + content["method_index"].url + "?phase=discover")
    # Closed on a phone: the "Filtrer" button, then the first result, in the first screen.
    assert box(tab, ".index-body__listing .card")["y"] < PHONE["height"]
    assert not tab.locator("fieldset.choices").first.is_visible()
    tab.locator("summary.filters-panel__button").click()
    phase = tab.locator("fieldset.choices--tiles", has=tab.locator("legend", has_text="Phase"))
    assert phase.is_visible()
    chosen = phase.locator("label.choice", has=tab.locator("input:checked"))
    assert chosen.locator(".choice__label").inner_text() == "Découvrir"
    tiles = phase.locator("label.choice")
    for index in range(tiles.count()):
        tile = tiles.nth(index).bounding_box()
        assert tile["height"] >= 44 and tile["x"] + tile["width"] <= PHONE["width"]
    assert tab.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    # Without JavaScript: choosing a tile and the button load the filtered list.
    phase.locator("label.choice", has_text="Peu importe").click()
    with tab.expect_navigation():
        tab.get_by_role("button", name="Afficher les méthodes").click()
    assert "phase=&" in tab.url and "phase=discover" not in tab.url
    assert tab.locator("input[name=phase][value='']").is_checked()


def test_a_focused_choice_shows_the_focus_band(public_site, page):
    base_url, content = public_site
    page.set_viewport_size(LAPTOP)
    page.goto(base_url + content["method_index"].url)
    page.locator("input[name=phase]:checked").focus()
    page.keyboard.press("ArrowDown")  # the keyboard moves within the group, as with every radio group
    tile = page.locator("label.choice:has(input:focus-visible)")
    assert tile.count() == 1
    assert "rgb(255, 216, 77)" in tile.evaluate("(el) => getComputedStyle(el).boxShadow")
