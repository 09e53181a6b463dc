import wagtail_factories
from tests import factories as f
from tests.test_pages_queries import render_count
from tests.translations import translate


def test_measure(client, home_page):
    labs = f.LabIndexPageFactory(parent=home_page)
    methods = f.MethodIndexPageFactory(parent=home_page)
    lab = f.LabPageFactory(parent=labs, logo=wagtail_factories.ImageFactory())
    method = f.MethodPageFactory(parent=methods, author_lab=lab)
    f.ProjectPageFactory(parent=lab)
    pages = {"home": home_page, "labs": labs, "lab": lab, "methods": methods, "method": method}
    lines = []
    for name, page in pages.items():
        english = translate(page)
        lines.append(f"M: {name} {render_count(client, page.url)} {render_count(client, english.url)}")
    open("/tmp/i18nreach/m/out.txt", "w").write("\n".join(lines))
