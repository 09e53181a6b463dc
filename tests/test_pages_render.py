"""What a visitor sees: the skeleton every page shares, and each page type showing what editors entered."""

import datetime

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import PageViewRestriction

from home.templatetags.portal_tags import file_size
from tests import factories as f
from tests.translations import translate


def get(client, url, status=200, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == status, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def text(node):
    return " ".join(node.get_text(" ").split())


def set_footer_links(site, pages):
    from home.models import SiteSettings

    site_settings = SiteSettings.for_site(site)
    site_settings.footer_links = [("page", page) for page in pages]
    site_settings.save()


@pytest.fixture
def tree(home_page, site):
    labs = f.LabIndexPageFactory(parent=home_page)
    methods = f.MethodIndexPageFactory(parent=home_page)
    lab = f.LabPageFactory(parent=labs, title="Région Pays de la Loire", slug="pays-de-la-loire")
    pages = {
        "home": home_page,
        "labs": labs,
        "lab": lab,
        "methods": methods,
        "curricula": f.CurriculumIndexPageFactory(parent=home_page),
        "manifestos": f.ManifestoIndexPageFactory(parent=home_page),
        "reports": f.SessionReportIndexPageFactory(parent=home_page),
        "about": f.StandardPageFactory(parent=home_page, slug="a-propos", title="À propos"),
        "legal": f.StandardPageFactory(parent=home_page, slug="mentions-legales", title="Mentions légales"),
        "a11y": f.StandardPageFactory(parent=home_page, slug="accessibilite", title="Déclaration d'accessibilité"),
        "project": f.ProjectPageFactory(parent=lab, title="Bureau du futur", slug="bureau-du-futur"),
        "method": f.MethodPageFactory(parent=methods, title="Immersion", slug="immersion", author_lab=lab),
    }
    set_footer_links(site, [pages["about"], pages["legal"], pages["a11y"]])
    return pages


def all_pages(tree):
    curriculum = f.CurriculumPageFactory(parent=tree["curricula"])
    manifesto = f.ManifestoPageFactory(parent=tree["manifestos"])
    report = f.SessionReportPageFactory(parent=tree["reports"])
    return [tree[key] for key in ("home", "labs", "lab", "project", "methods", "method", "curricula", "manifestos",
                                  "reports", "about")] + [curriculum, manifesto, report]  # fmt: skip


# What the skeleton says in each language, and the language's URL prefix.
SKELETON = {
    "fr": {"prefix": "", "menu": "Menu principal", "breadcrumb": "Fil d’Ariane"},
    "en": {"prefix": "/en", "menu": "Main menu", "breadcrumb": "Breadcrumb"},
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_page_has_the_shared_skeleton(client, tree, language):
    """On every French page and on its English translation (and the views in each language)."""
    theme = f.ThemeFactory(slug="positionnement", name="Positionnement")
    tree["method"].themes.add(theme)
    tree["method"].tags.add("terrain")
    tree["method"].save_revision().publish()
    french = all_pages(tree)
    english = [translate(page) for page in french]
    pages, other_language = (french, english) if language == "fr" else (english, french)
    words = SKELETON[language]
    prefix = words["prefix"]
    views = [f"{prefix}/themes/", f"{prefix}/themes/positionnement/", f"{prefix}/tags/terrain/"]
    for url in [page.url for page in pages] + views:
        soup = get(client, url)
        assert soup.html["lang"] == language, url
        assert soup.title.string.strip().endswith("Entrelabs"), url
        assert len(soup.find_all("h1")) == 1, url
        assert soup.find("a", class_="skip-link")["href"] == "#main", url
        assert soup.find("main", id="main"), url
        assert soup.find("header") and soup.find("footer"), url
        assert soup.find("nav", attrs={"aria-label": words["menu"]}), url
        canonical = soup.find("link", rel="canonical")["href"]
        assert canonical == "http://localhost" + url.split("?")[0], url  # the site's root URL
        assert soup.find("meta", property="og:url")["content"] == canonical, url
        assert soup.find("meta", property="og:title")["content"], url
        assert soup.find("meta", attrs={"name": "description"})["content"], url
        search = soup.find("form", role="search")
        assert search["action"] == f"{prefix}/recherche/" and search.find("input", attrs={"name": "q"}), url
        if url != f"{prefix}/":
            crumbs = soup.find("nav", attrs={"aria-label": words["breadcrumb"]})
            assert crumbs.find("a", href=f"{prefix}/"), url
            assert crumbs.find(attrs={"aria-current": "page"}), url
    # The tagged card (and its translation, which keeps its theme and tag) is listed on the theme
    # and tag pages of its own language only, as the index lists its own language's cards.
    method_index = pages[4].url
    for url in views[1:] + [method_index]:
        links = {a["href"] for a in get(client, url).find("main").find_all("a", href=True)}
        assert pages[5].url in links and other_language[5].url not in links, url


def test_the_home_page_lists_the_pages_of_its_language(client, tree):
    f.SessionReportPageFactory(parent=tree["reports"], title="Entrelabs #1", date=datetime.date(2015, 4, 13))
    english_lab = translate(tree["lab"], title="Pays de la Loire Region")
    english_report = translate(f.SessionReportPageFactory(parent=tree["reports"], title="Entrelabs #2"))
    english_home = translate(tree["home"])
    french, english = get(client, "/").find("main"), get(client, english_home.url).find("main")
    assert "Pays de la Loire Region" in text(english.find(id="labs").find_parent("section"))
    assert english.find("a", href=english_lab.url) and not english.find("a", href=tree["lab"].url)
    assert french.find("a", href=tree["lab"].url) and not french.find("a", href=english_lab.url)
    reports = text(english.find(id="latest-reports").find_parent("section"))
    assert english_report.title in reports and "Entrelabs #1" not in reports
    assert "Entrelabs #1" in text(french.find(id="latest-reports").find_parent("section"))


def test_a_french_page_not_translated_yet_lists_french_pages_under_en(client, tree):
    translate(tree["home"])
    main = get(client, "/en" + tree["methods"].url).find("main")
    assert main.find("a", href=tree["method"].url)  # the French card, in the French index
    assert main.find(lang="fr")


def test_title_description_and_opengraph_come_from_the_page(client, tree):
    method = tree["method"]
    method.seo_title = "Immersion sur le terrain"
    method.search_description = "Passer deux jours avec les usagers."
    method.og_image = wagtail_factories.ImageFactory(title="Carnet de terrain")
    method.save()
    soup = get(client, method.url)
    assert soup.title.string == "Immersion sur le terrain · Entrelabs"
    assert soup.find("meta", attrs={"name": "description"})["content"] == "Passer deux jours avec les usagers."
    assert soup.find("meta", property="og:type")["content"] == "article"
    image = soup.find("meta", property="og:image")["content"]
    assert image.startswith("http://localhost/") and "fill-1200x630" in image
    # Without a SEO description, the summary is the description.
    tree["project"].summary = "Un lieu pour expérimenter."
    tree["project"].save()
    soup = get(client, tree["project"].url)
    assert soup.find("meta", attrs={"name": "description"})["content"] == "Un lieu pour expérimenter."
    assert soup.find("meta", property="og:image") is None


def test_header_and_footer_links(client, tree):
    soup = get(client, tree["method"].url)
    menu = soup.find("nav", attrs={"aria-label": "Menu principal"})
    assert [a["href"] for a in menu.find_all("a")] == [
        "/labs/",
        "/methodes/",
        "/formations/",
        "/manifestes/",
        "/comptes-rendus/",
    ]
    assert menu.find("a", href="/methodes/")["aria-current"] == "true"  # the section of the page
    footer = soup.find("footer")
    footer_links = [a["href"] for a in footer.find("nav").find_all("a")]
    assert footer_links == ["/a-propos/", "/mentions-legales/", "/accessibilite/"]
    switcher = footer.find("nav", class_="language-switcher")
    assert [a["href"] for a in switcher.find_all("a")] == [tree["method"].url, "/en" + tree["method"].url]


def test_menus_are_what_communicators_choose(client, tree, site):
    """The header shows the home page's children marked "show in menus", in the explorer's order;
    the footer the pages chosen in the site settings, whatever their slug."""
    tree["curricula"].show_in_menus = False
    tree["curricula"].save_revision().publish()
    tree["reports"].move(tree["labs"], pos="first-sibling")  # reordered in the explorer: now first
    legal = type(tree["legal"]).objects.get(pk=tree["legal"].pk)  # the move renumbered its siblings' paths
    legal.slug = "informations-legales"
    legal.save_revision().publish()
    set_footer_links(site, [tree["a11y"], legal])
    soup = get(client, "/")
    menu = soup.find("nav", attrs={"aria-label": "Menu principal"})
    assert [a["href"] for a in menu.find_all("a")] == ["/comptes-rendus/", "/labs/", "/methodes/", "/manifestes/"]
    footer = soup.find("footer").find("nav")
    assert [a["href"] for a in footer.find_all("a")] == ["/accessibilite/", "/informations-legales/"]


def test_navigation_follows_publishing(client, tree):
    assert get(client, "/").find("a", href="/a-propos/")
    tree["about"].unpublish()
    assert not get(client, "/").find("a", href="/a-propos/")


def test_navigation_hides_a_page_made_private(client, tree):
    from wagtail.models import PageViewRestriction

    assert get(client, "/").find("a", href="/mentions-legales/")
    PageViewRestriction.objects.create(page=tree["legal"], restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert not get(client, "/").find("a", href="/mentions-legales/")


def test_footer_shows_what_communicators_set_in_the_site_settings(client, tree):
    from home.models import SiteSettings

    footer = get(client, "/").find("footer")
    assert "réseau de laboratoires" in text(footer) and not footer.find("a", href=lambda h: h.startswith("mailto:"))
    site_settings = SiteSettings.for_site(tree["home"].get_site())
    site_settings.contact_email = "contact@entrelabs.example"
    site_settings.footer_text = "Entrelabs, réseau des labs publics.\nÉdité par les labs partenaires."
    site_settings.save()
    footer = get(client, "/").find("footer")
    assert footer.find("a", href="mailto:contact@entrelabs.example").get_text() == "contact@entrelabs.example"
    about = footer.find("p", class_="site-footer__about")
    assert about.find("br") and "Édité par les labs partenaires." in text(about)


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    rules = response.content.decode().splitlines()
    assert [rule for rule in rules if rule.startswith("Disallow")] == ["Disallow: /admin/"]
    assert "Sitemap: http://testserver/sitemap.xml" in rules
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert f"{tree['method'].url}</loc>" in sitemap.content.decode()


def test_language_switcher_switches_to_english(client, tree):
    english = get(client, tree["method"].url).find("nav", class_="language-switcher").find_all("a")[1]
    soup = get(client, english["href"])
    assert soup.html["lang"] == "en"
    assert soup.find("h2", id="practical-details").get_text() == "Practical details"


def test_home_page_shows_introduction_featured_methods_reports_labs_and_themes(client, tree):
    home = tree["home"]
    home.introduction = "<p>Les ateliers des labs publics.</p>"
    home.save()
    f.HomePageFeaturedMethodFactory(page=home, method=tree["method"])
    f.SessionReportPageFactory(parent=tree["reports"], title="Entrelabs #1", date=datetime.date(2015, 4, 13))
    f.ThemeFactory(name="Réalpolitique", slug="realpolitique")
    soup = get(client, "/")
    assert "Les ateliers des labs publics." in text(soup.find("main"))
    assert soup.find(id="featured-methods").find_parent("section").find("a", href="/methodes/immersion/")
    assert "Entrelabs #1" in text(soup.find(id="latest-reports").find_parent("section"))
    assert soup.find(id="labs").find_parent("section").find("a", href="/labs/pays-de-la-loire/")
    assert soup.find(id="themes").find_parent("section").find("a", href="/themes/realpolitique/")
    assert soup.title.string == "Entrelabs"


def test_home_page_offers_the_phases_that_have_methods_with_their_counts(client, tree):
    tree["method"].phase = "discover"
    tree["method"].save_revision().publish()
    choices = get(client, "/").find("ul", class_="phase-grid").find_all("a", class_="phase-choice")
    assert [(a["href"], text(a)) for a in choices[:-1]] == [
        ("/methodes/?phase=discover", "Découvrir comprendre le terrain et les usagers 1 méthode")
    ]
    assert choices[-1]["href"] == "/methodes/"  # every method
    second = f.MethodPageFactory(parent=tree["methods"], phase="discover")
    f.MethodPageFactory(parent=tree["methods"], phase="test", live=False)
    assert "2 méthodes" in text(get(client, "/").find("ul", class_="phase-grid"))  # the cached counts follow
    PageViewRestriction.objects.create(page=second, restriction_type=PageViewRestriction.LOGIN)
    phases = get(client, "/").find("ul", class_="phase-grid")
    assert "1 méthode" in text(phases) and "Tester" not in text(phases)
    assert get(client, "/").find("main").find("a", href="/proposer-une-methode/")


def test_drafts_and_restricted_pages_stay_hidden(client, tree):
    draft = f.MethodPageFactory(parent=tree["methods"], title="Brouillon", live=False)
    private = f.MethodPageFactory(parent=tree["methods"], title="Réservée aux agents")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    listing = text(get(client, tree["methods"].url).find("main"))
    assert "Immersion" in listing
    assert "Brouillon" not in listing and "Réservée aux agents" not in listing
    get(client, draft.url, status=404)
    assert client.get(private.url).status_code == 302  # to the login page
    # A restriction on an ancestor applies to the whole section.
    PageViewRestriction.objects.create(page=tree["labs"], restriction_type=PageViewRestriction.LOGIN)
    assert client.get(tree["project"].url).status_code == 302
    assert "Pays de la Loire" not in text(get(client, "/").find("main"))


def test_lab_page(client, tree):
    lab = tree["lab"]
    lab.host_organisation = "Région Pays de la Loire"
    lab.organisation_kind = "region"
    lab.website = "https://www.paysdelaloire.fr"
    lab.logo = wagtail_factories.ImageFactory()
    lab.save()
    f.LabTeamMemberFactory(lab=lab, name="Marie Dupont", role="Chargée de mission innovation")
    project = f.ProjectPageFactory(parent=lab, title="Décrochage scolaire", status="planned")
    f.ProjectIndicatorFactory(project=project, label="Élèves raccrochés", measured_value=12, target=30, unit="élèves")
    f.ProjectIndicatorFactory(project=project, label="Satisfaction", target=80, unit="%")
    main = get(client, lab.url).find("main")
    card = main.find("a", string="Décrochage scolaire").find_parent("article")
    assert text(card.find(class_="badge")) == "Prévu"
    assert [text(li) for li in card.find("ul", class_="card__indicators").find_all("li")] == [
        "Élèves raccrochés 12 élèves (cible 30 élèves)",
        "Satisfaction pas encore mesurée (cible 80 %)",
    ]
    assert "Marie Dupont" in text(main) and "Chargée de mission innovation" in text(main)
    assert main.find("a", href="/labs/pays-de-la-loire/bureau-du-futur/")
    assert "Décrochage scolaire" in text(main) and "Prévu" in text(main)
    assert main.find("a", href="/methodes/immersion/")  # methods written by the lab
    assert main.find("a", href="https://www.paysdelaloire.fr")
    assert "Pays de la Loire" in text(main.find(id="lab-facts").find_parent("section"))
    assert main.find("img", class_="lab-logo")
    # In English: the lab's English page lists its card's English version (the copy links it).
    english_lab = translate(lab, title="Pays de la Loire Region")
    english_method = translate(tree["method"], title="Field immersion")
    assert get(client, english_lab.url).find("main").find("a", href=english_method.url, string="Field immersion")


def test_project_page(client, tree):
    project = tree["project"]
    project.status = "ongoing"
    project.start_date = datetime.date(2014, 9, 1)
    project.end_date = None
    project.save()
    f.ProjectMethodFactory(project=project, method=tree["method"])
    f.ProjectIndicatorFactory(project=project, label="Agents formés", baseline=0, target=40, unit="agents")
    main = get(client, project.url).find("main")
    assert "En cours" in text(main) and "Depuis le 1 septembre 2014" in text(main)
    assert main.find("a", href="/labs/pays-de-la-loire/", string="Région Pays de la Loire")
    assert main.find("a", href="/methodes/immersion/")
    row = main.find("th", scope="row", string="Agents formés").find_parent("tr")
    assert "40 agents" in text(row) and "pas encore mesurée" in text(row)
    english_method = translate(tree["method"], title="Field immersion")
    english = get(client, translate(project, title="Office of the future").url).find("main")
    assert english.find("a", href=english_method.url) and not english.find("a", href="/methodes/immersion/")


def test_method_page_shows_the_whole_card(client, tree):
    method = tree["method"]
    method.phase = "discover"
    method.duration = "days"
    method.duration_detail = "2 jours sur le terrain"
    method.group_size_min, method.group_size_max = 2, 6
    method.difficulty = "intermediate"
    method.materials = "Carnet\n\nAppareil photo\n"
    method.steps = [f.method_step("Préparer", "<p>Choisir le terrain.</p>"), f.method_step("Observer", "<p>Noter.</p>")]
    method.tips = "<p>Rester discret.</p>"
    method.pitfalls = "<p>Juger trop vite.</p>"
    method.legal_points = "<p>Informer les personnes (RGPD).</p>"
    method.save()
    document = wagtail_factories.DocumentFactory(title="Fiche d'observation")
    document.file.save("fiche.pdf", ContentFile(b"%PDF-1.4 " + b"x" * 12_000), save=True)
    f.MethodWorksheetFactory(page=method, document=document)
    other = f.MethodPageFactory(parent=tree["methods"], title="Test utilisateur")
    f.RelatedMethodFactory(page=method, related_method=other)
    f.ProjectMethodFactory(project=tree["project"], method=method)

    main = get(client, method.url).find("main")
    facts = text(main.find(id="practical-details").find_parent("section"))
    for expected in ["Découvrir", "Plusieurs jours", "2 jours sur le terrain", "2 à 6 personnes", "Intermédiaire"]:
        assert expected in facts
    steps = main.find("ol", class_="steps").find_all("li", recursive=False)
    assert [step.h3.get_text() for step in steps] == ["Préparer", "Observer"]
    assert [li.get_text() for li in main.find("ul", class_="materials").find_all("li")] == ["Carnet", "Appareil photo"]
    for expected in ["Rester discret.", "Juger trop vite.", "Informer les personnes (RGPD)."]:
        assert expected in text(main)
    download = main.find("ul", class_="downloads").find("a")
    assert download["href"] == document.url
    assert text(download) == "Fiche d'observation (PDF, 12 ko)"
    licence = main.find("a", rel="license")
    assert licence.get_text() == "CC BY-SA 4.0" and "by-sa/4.0" in licence["href"]
    assert main.find("a", href="/labs/pays-de-la-loire/", string="Région Pays de la Loire")  # author lab
    used_by = main.find(id="used-by").find_parent("section")
    assert used_by.find("a", href="/labs/pays-de-la-loire/bureau-du-futur/")
    assert "Région Pays de la Loire" in text(used_by)
    assert main.find(id="related-methods").find_parent("section").find("a", string="Test utilisateur")
    # In English: the card's links lead to the English lab and related method (translated first).
    english_lab = translate(tree["lab"], title="Pays de la Loire Region")
    english_other = translate(other, title="User testing")
    english = get(client, translate(method, title="Field immersion").url).find("main")
    assert english.find("a", href=english_lab.url, string="Pays de la Loire Region")
    assert english.find(id="related-methods").find_parent("section").find("a", href=english_other.url)


def test_method_card_prints_as_a_clean_sheet(client, tree):
    css = b"".join(client.get("/static/css/portal.css").streaming_content).decode()
    print_rules = css[css.index("@media print") :]
    for hidden in [".site-header", ".site-footer", ".breadcrumbs", ".no-print"]:
        assert hidden in print_rules.split("display: none")[0]
    soup = get(client, tree["method"].url)
    assert "page-method" in soup.body["class"]
    assert soup.find(class_="print-only").get_text().endswith("http://testserver/methodes/immersion/")


def test_printed_method_card_has_the_mark_and_the_absolute_addresses_of_the_page_and_worksheets(client, tree):
    document = wagtail_factories.DocumentFactory(title="Grille d'observation")
    document.file.save("grille.pdf", ContentFile(b"%PDF-1.4 grille"), save=True)
    f.MethodWorksheetFactory(page=tree["method"], document=document)
    main = get(client, tree["method"].url).find("main")
    header = main.find(class_="print-header")
    assert "print-only" in header["class"] and header.find("svg", class_="logo")
    assert text(header) == "Entrelabs http://testserver/methodes/immersion/"
    worksheet = main.find("ul", class_="downloads").li
    assert worksheet.find(class_="print-url").get_text() == "http://testserver" + document.url


def test_printed_method_card_shows_the_address_the_reader_used_not_the_sites_hostname(client, tree, settings):
    # The demo Site's hostname is localhost: a card printed from the public host must show that host.
    settings.ALLOWED_HOSTS = ["entrelabs.example"]
    document = wagtail_factories.DocumentFactory(title="Grille d'observation")
    document.file.save("grille.pdf", ContentFile(b"%PDF-1.4 grille"), save=True)
    f.MethodWorksheetFactory(page=tree["method"], document=document)
    main = get(client, tree["method"].url, HTTP_HOST="entrelabs.example", secure=True).find("main")
    assert text(main.find(class_="print-header")) == "Entrelabs https://entrelabs.example/methodes/immersion/"
    worksheet = main.find("ul", class_="downloads").li
    assert worksheet.find(class_="print-url").get_text() == "https://entrelabs.example" + document.url
    source = text(main.find(class_="print-source"))
    assert source.endswith("https://entrelabs.example/methodes/immersion/") and "localhost" not in text(main)


def test_curriculum_page(client, tree):
    curriculum = f.CurriculumPageFactory(
        parent=tree["curricula"],
        audience="Agents des collectivités",
        modules=[
            f.curriculum_module("Les bases", "3.5", methods=[tree["method"]]),
            f.curriculum_module("La pratique", 4),
        ],
    )
    main = get(client, curriculum.url).find("main")
    modules = main.find("ol", class_="modules").find_all("li", class_="module")
    assert [text(module.h3) for module in modules] == ["Les bases (3,5 h)", "La pratique (4 h)"]
    assert modules[0].find("a", href="/methodes/immersion/")
    assert "7,5 heures" in text(main) and "Agents des collectivités" in text(main)
    english_method = translate(tree["method"], title="Field immersion")
    english = get(client, translate(curriculum, title="Basics").url).find("main")
    assert english.find("ol", class_="modules").find("a", href=english_method.url)


def test_manifesto_page(client, tree):
    pdf = wagtail_factories.DocumentFactory(title="Manifeste en PDF")
    manifesto = f.ManifestoPageFactory(parent=tree["manifestos"], pdf=pdf, version="2.0")
    f.ManifestoSignatoryFactory(manifesto=manifesto, lab=tree["lab"], signed_on=datetime.date(2015, 6, 10))
    other = f.LabPageFactory(parent=tree["labs"], title="Ville de Paris", live=False)
    f.ManifestoSignatoryFactory(manifesto=manifesto, lab=other)
    main = get(client, manifesto.url).find("main")
    signatories = main.find(id="signatories").find_parent("section")
    assert text(signatories.h2) == "1 lab signataire"  # the unpublished lab is not listed
    assert signatories.find("a", href="/labs/pays-de-la-loire/")
    assert "signé le 10 juin 2015" in text(signatories)
    assert main.find("a", href=pdf.url)
    assert "version 2.0" in text(main)
    english_lab = translate(tree["lab"], title="Pays de la Loire Region")
    english = get(client, translate(manifesto).url).find("main")
    assert english.find(id="signatories").find_parent("section").find("a", href=english_lab.url)


def test_session_report_roadmap_is_an_accessible_table(client, tree):
    other = f.LabPageFactory(parent=tree["labs"], title="Ville de Paris", slug="paris")
    report = f.SessionReportPageFactory(
        parent=tree["reports"],
        number=1,
        date=datetime.date(2015, 4, 13),
        place="Paris",
        host="La 27e Région",
        roadmap=[
            f.roadmap_action("Partager une veille", "now", "lab", "engaged", [tree["lab"], other]),
            f.roadmap_action("Manifeste des régions ingénieuses", "years", "beyond", "proposed"),
            f.roadmap_action("Club des agents", "months", "authority", "done"),
        ],
        discussed_themes=[f.discussed_theme("Réalpolitique", "Comment survivre ?", "<p>Débat</p>", ["Documenter"])],
        next_session_title="Immersion dans le design public",
        next_session_start=datetime.date(2015, 6, 18),
        next_session_end=datetime.date(2015, 6, 19),
        next_session_place="Paris",
    )
    f.SessionParticipantFactory(report=report, name="Romain", organisation="Futurs Publics", lab=tree["lab"])
    main = get(client, report.url).find("main")
    table = main.find("table", class_="roadmap")
    assert "par horizon et par périmètre" in table.caption.get_text()
    assert [th.get_text() for th in table.find_all("th", scope="col")] == [
        "Au sein du lab",
        "Au sein de la collectivité",
        "Au-delà",
    ]
    rows = table.tbody.find_all("tr")
    assert [row.th.get_text() for row in rows] == ["Maintenant", "Dans 6 à 9 mois", "Dans 2 ans ou plus"]
    now_lab = rows[0].find_all("td")[0]
    assert "Partager une veille" in text(now_lab)
    assert now_lab.find(class_="badge").get_text() == "Engagée"  # the status is written, not only coloured
    assert now_lab.find("a", href="/labs/pays-de-la-loire/") and now_lab.find("a", href="/labs/paris/")
    assert rows[1].find_all("td")[1].find(class_="badge").get_text() == "Réalisée"
    assert rows[2].find_all("td")[2].find(class_="badge").get_text() == "Proposée"
    assert "Comment survivre ?" in text(main) and "Documenter" in text(main)
    assert main.find("a", href="/labs/pays-de-la-loire/", string="Futurs Publics")
    next_session = text(main.find(id="next-session").find_parent("section"))
    assert "Immersion dans le design public" in next_session and "Du 18 juin 2015 au 19 juin 2015" in next_session
    assert "Atelier Entrelabs n° 1" in text(main)
    # In English: the owner lab translated first is linked in English, the other stays French.
    english_lab = translate(tree["lab"], title="Pays de la Loire Region")
    english = get(client, translate(report, title="Entrelabs #1").url).find("main")
    owners = english.find("table", class_="roadmap").tbody.find("tr").find("td")
    assert owners.find("a", href=english_lab.url) and owners.find("a", href="/labs/paris/")


def test_standard_page_renders_its_blocks(client, tree):
    about = tree["about"]
    about.body = [
        {"type": "heading", "value": {"text": "Qui sommes-nous", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Un réseau de labs.</p>"},
        {"type": "image", "value": {"image": wagtail_factories.ImageFactory().pk, "decorative": False,
                                    "alt_text": "Un atelier"}},
        {"type": "document", "value": {"document": wagtail_factories.DocumentFactory().pk, "title": "Statuts"}},
    ]  # fmt: skip
    about.save()
    main = get(client, about.url).find("main")
    assert main.find("h2", string="Qui sommes-nous")
    assert "Un réseau de labs." in text(main)
    assert main.find("img", alt="Un atelier")
    assert "Statuts" in text(main.find("a", class_="download"))
    english = get(client, translate(about, title="About").url).find("main")
    assert english.find("h2", string="Qui sommes-nous") and english.find("img", alt="Un atelier")


def test_unknown_page_is_a_french_404(client, tree):
    soup = get(client, "/cette-page-n-existe-pas/", status=404)
    assert soup.h1.get_text() == "Page introuvable"
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    get(client, "/methodes/inconnue/", status=404)
    get(client, "/labs/pays-de-la-loire/inconnu/", status=404)


@pytest.mark.parametrize(
    ("size", "expected"),
    [(1, "1 octet"), (500, "500 octets"), (1536, "1,5 ko"), (12_000, "12 ko"), (3 * 1024 * 1024, "3 Mo")],
)
def test_file_sizes_are_written_the_french_way(size, expected):
    with translation.override("fr"):
        assert file_size(size) == expected


def test_server_error_page_needs_no_database_nor_context():
    html = render_to_string("500.html")
    assert "<h1>Une erreur est survenue</h1>" in html and 'lang="fr"' in html
