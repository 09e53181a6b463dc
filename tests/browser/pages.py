"""The public pages the browser tests visit, and how to check a page with axe-core and the keyboard."""

import json
from dataclasses import dataclass, field, replace

import pytest

from tests.browser.conftest import AXE_JS, missing_tool

WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@dataclass(frozen=True)
class PublicPage:
    name: str
    path: str = ""  # a fixed path, or empty when the page comes from the content (`page_key`)
    page_key: str = ""
    query: str = ""
    submit_empty_form: bool = False  # post the page's form with nothing filled in, to show its errors
    status: int = 200
    shows: str = ""  # a CSS selector that proves the page is in the state under test
    pending: str = ""  # why the page may not exist yet (the test is then an expected failure)
    marks: tuple = field(default=())

    def url(self, content):
        path = self.path or content[self.page_key].url
        return path + (f"?{self.query}" if self.query else "")

    def param(self):
        marks = [pytest.mark.xfail(reason=self.pending, strict=False)] if self.pending else []
        return pytest.param(self, id=self.name, marks=marks)


PUBLIC_PAGES = [
    PublicPage("home", path="/"),
    PublicPage("lab-index", page_key="labs"),
    PublicPage("method-index", page_key="method_index"),
    PublicPage("curriculum-index", page_key="curricula"),
    PublicPage("manifesto-index", page_key="manifestos"),
    PublicPage("session-report-index", page_key="reports"),
    PublicPage("theme-list", path="/themes/"),
    PublicPage("tag", path="/tags/design-de-services/", shows="main a[href$='/la-27e-region/']"),
    PublicPage("search-form", path="/recherche/"),
    PublicPage("lab", page_key="lab"),
    PublicPage("project", page_key="project"),
    PublicPage("method", page_key="method"),
    PublicPage("curriculum", page_key="curriculum"),
    PublicPage("manifesto", page_key="manifesto"),
    PublicPage("session-report", page_key="report"),
    PublicPage("accessibility-statement", page_key="statement"),
    PublicPage("theme", path="/themes/participation-citoyenne/"),
    PublicPage(
        "method-index-filtered",
        page_key="method_index",
        query="phase=discover&theme=participation-citoyenne",
        shows="main a[href$='/methodes/immersion/']",
    ),
    PublicPage("search-results", path="/recherche/", query="q=immersion", shows="main a[href$='/methodes/immersion/']"),
    PublicPage(
        "search-results-filtered",
        path="/recherche/",
        query="q=immersion&phase=discover",
        shows="#refine input[name=phase][value=discover]:checked",
    ),
    PublicPage("search-no-result", path="/recherche/", query="q=zzyzx"),
    PublicPage("propose-form", path="/proposer-une-methode/"),
    PublicPage(
        "propose-form-errors",
        path="/proposer-une-methode/",
        submit_empty_form=True,
        shows="main [aria-invalid=true]",
    ),
    PublicPage("agenda", page_key="agenda"),
    PublicPage("event", page_key="event"),
    PublicPage("news-index", page_key="news_index"),
    PublicPage("lab-news", path="/actualites/lab/la-27e-region/", shows="main a[href$='/un-blog-pour-chaque-lab/']"),
    PublicPage("news-item", page_key="news"),
    PublicPage("ecosystem-map", page_key="map"),
    PublicPage("ecosystem-map-filtered", page_key="map", query="region=52&theme=participation-citoyenne&kind=zzz"),
    PublicPage("roadmap", page_key="roadmap"),
    PublicPage("suggest-actor-form", path="/proposer-un-acteur/"),
    PublicPage(
        "suggest-actor-form-errors",
        path="/proposer-un-acteur/",
        submit_empty_form=True,
        shows="main [aria-invalid=true]",
    ),
    PublicPage("not-found", path="/cette-page-n-existe-pas/", status=404),
]

# The pages that have an English translation (and the views under /en/), checked in English too.
TRANSLATED = [
    "home", "lab-index", "method-index", "session-report-index", "lab", "method", "session-report",
    "accessibility-statement", "theme", "method-index-filtered", "search-results", "search-no-result",
]  # fmt: skip


def in_english(public_page):
    """The same check on the page's English translation (``en:<key>`` in the content), or under /en/."""
    return replace(
        public_page,
        name=f"{public_page.name}-en",
        path=f"/en{public_page.path}" if public_page.path else "",
        page_key=f"en:{public_page.page_key}" if public_page.page_key else "",
    )


PUBLIC_PAGES += [in_english(public_page) for public_page in PUBLIC_PAGES if public_page.name in TRANSLATED]


def open_page(tab, base_url, content, public_page):
    """Load the page in the tab (submitting its form when asked) and return the last response."""
    response = tab.goto(base_url + public_page.url(content))
    assert response.status == public_page.status, f"{public_page.name}: HTTP {response.status}"
    if public_page.submit_empty_form:
        # Without the browser's own checks, as a person whose browser has none would send it.
        tab.evaluate("() => document.querySelectorAll('main form').forEach((form) => { form.noValidate = true; })")
        with tab.expect_navigation() as navigation:
            tab.locator("main form [type=submit]").first.click(timeout=5000)
        response = navigation.value
        assert response.status == 200, f"{public_page.name}: HTTP {response.status} after submitting the form"
    if public_page.shows:
        assert tab.locator(public_page.shows).count(), f"{public_page.name}: nothing matches {public_page.shows}"
    return response


def axe_violations(tab):
    """Run axe-core with the WCAG 2.0/2.1 A and AA rules on the page in the tab."""
    missing_tool(AXE_JS, "axe-core (npm)")
    tab.add_script_tag(path=str(AXE_JS))
    results = tab.evaluate(
        """async (tags) => await axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        WCAG_A_AA,
    )
    return results["violations"]


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"][:8]:
            lines.append(f"    at {' '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1]}")
            lines.append(f"       {node['html'][:200]}")
    return "\n".join(lines)


# How an element shows focus: its outline (when drawn) and its box-shadow.
FOCUS_LOOK = """const focusLook = (el) => {
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
        ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : "none";
    return `outline: ${outline}; box-shadow: ${style.boxShadow}`;
};"""

# Every element a keyboard user should reach with Tab, in DOM order, each tagged with its rank,
# with how it looks unfocused.
TABBABLE_JS = (
    "() => {"
    + FOCUS_LOOK
    + """
    const candidates = document.querySelectorAll(
        "a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable='true']"
    );
    const shown = (el) => {
        const box = el.getBoundingClientRect();
        return (box.width > 0 || box.height > 0) && getComputedStyle(el).visibility !== "hidden"
            && !el.closest("[inert]");
    };
    const radioSeen = new Set();
    const found = [];
    for (const el of candidates) {
        if (el.tabIndex < 0 || el.disabled || el.type === "hidden" || !shown(el)) continue;
        if (el.type === "radio" && el.name) {
            // One stop per radio group: the checked radio, else the first.
            if (radioSeen.has(el.name)) continue;
            const checked = document.querySelector(`input[type=radio][name="${CSS.escape(el.name)}"]:checked`);
            if (checked && checked !== el && shown(checked)) continue;
            radioSeen.add(el.name);
        }
        el.dataset.kbRank = found.length;
        const text = el.innerText || el.value || el.getAttribute("aria-label") || el.name || "";
        found.push({
            rank: found.length,
            tabindex: el.tabIndex,
            label: `${el.tagName.toLowerCase()} "${text.trim().slice(0, 40)}"`,
            look: focusLook(el),
        });
    }
    return found;
}"""
)

ACTIVE_JS = (
    "() => {"
    + FOCUS_LOOK
    + """
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    return {
        rank: el.dataset.kbRank === undefined ? null : Number(el.dataset.kbRank),
        html: el.outerHTML.slice(0, 160),
        look: focusLook(el),
    };
}"""
)


# Tab from the top of the document, also when the page moved the focus (an error summary takes it):
# a blurred element stays the browser's starting point, a removed one does not.
RESTART_FROM_TOP_JS = """() => {
    const focused = document.activeElement;
    if (focused && focused !== document.body) {
        const start = document.createElement("span");
        start.tabIndex = -1;
        document.body.prepend(start);
        start.focus();
        start.remove();
    }
    window.scrollTo(0, 0);
}"""


def tab_through(tab):
    """Press Tab through the page from its top; return the tabbable elements and what got focus at each press."""
    tabbable = tab.evaluate(TABBABLE_JS)
    tab.evaluate(RESTART_FROM_TOP_JS)
    reached = []
    for _ in tabbable:
        tab.keyboard.press("Tab")
        reached.append(tab.evaluate(ACTIVE_JS))
    return tabbable, reached


def dump(value):
    return json.dumps(value, ensure_ascii=False, indent=1)
