"""The content the browser tests visit: one page of every public type, filled in the way editors fill them.

Built with the factories (seconds) rather than the demo content command, so that every field a
template renders has a value and the tests do not depend on the demo texts.
"""

import datetime

from wagtail.rich_text import RichText

from demo.content import read
from tests.factories import (
    CurriculumIndexPageFactory,
    CurriculumPageFactory,
    LabIndexPageFactory,
    LabPageFactory,
    LabTeamMemberFactory,
    ManifestoIndexPageFactory,
    ManifestoPageFactory,
    ManifestoSignatoryFactory,
    MethodIndexPageFactory,
    MethodPageFactory,
    MethodWorksheetFactory,
    ProjectIndicatorFactory,
    ProjectMethodFactory,
    ProjectPageFactory,
    SessionParticipantFactory,
    SessionReportIndexPageFactory,
    SessionReportPageFactory,
    StandardPageFactory,
    ThemeFactory,
)
from tests.translations import translate

PARAGRAPH = (
    "<p>Les agents et les usagers travaillent ensemble sur un <b>service réel</b>, "
    'avec un <a href="/methodes/">catalogue de méthodes</a> partagé.</p>'
    "<ul><li>Observer</li><li>Prototyper</li><li>Tester</li></ul>"
)


def rich(html=PARAGRAPH):
    return RichText(html)


# The header's sections with the titles the demo ships (the header must hold those), by slug.
DEMO_SECTIONS = {item["slug"]: item["title"] for item in read("pages")["pages"] if item.get("show_in_menus")}
DEMO_ENGLISH_SECTIONS = {
    item["of"]: item["title"] for item in read("english")["translations"] if item["of"] in DEMO_SECTIONS
}


def give_the_demo_header(sections):
    """Shown in the header's menu under the demo's titles, in the demo's order (that of the tree here)."""
    for page in sections:
        page.title = DEMO_SECTIONS[page.slug]
        page.show_in_menus = True
        page.save_revision().publish()


def build_public_site(home):
    """Create one live page of each public type under `home`; return them by name."""
    from demo.models import DemoProvenance
    from demo.pdf import worksheet_pdf
    from methods.models import HomePageFeaturedMethod, RelatedMethod

    theme = ThemeFactory(name="Participation citoyenne", slug="participation-citoyenne")
    other_theme = ThemeFactory(name="Accueil des usagers", slug="accueil-des-usagers")

    labs = LabIndexPageFactory(parent=home, summary="Les laboratoires du réseau.")
    lab = LabPageFactory(
        parent=labs,
        title="La 27e Région",
        slug="la-27e-region",
        website="https://example.org/",
        contact_email="contact@example.org",
        body=[("heading", {"text": "Notre démarche", "level": "h2"}), ("paragraph", rich())],
    )
    other_lab = LabPageFactory(parent=labs, title="Laboratoire d'innovation de Nantes", slug="lab-nantes")
    lab.themes.add(theme)
    lab.tags.add("design de services")
    lab.save_revision().publish()
    LabTeamMemberFactory(lab=lab, name="Camille Martin", role="Cheffe de projet")
    LabTeamMemberFactory(lab=lab, name="Yann Le Gall", role="Designer de services")

    methods_index = MethodIndexPageFactory(parent=home, summary="Les méthodes du réseau.", introduction=rich())
    method = MethodPageFactory(
        parent=methods_index,
        title="Immersion dans un service",
        slug="immersion",
        why_use=rich(),
        when_use=rich("<p>Au début d'un projet, avant de rédiger un cahier des charges.</p>"),
        duration_detail="Deux demi-journées",
        steps=[
            ("step", {"title": "Préparer l'immersion", "text": rich("<p>Choisir le service et prévenir.</p>")}),
            ("step", {"title": "Observer", "text": rich("<p>Noter ce que font les usagers.</p>")}),
            ("step", {"title": "Restituer", "text": rich("<p>Partager ce qui a été vu.</p>")}),
        ],
        tips=rich("<p>Prendre des photos avec l'accord des personnes.</p>"),
        pitfalls=rich("<p>Juger les agents observés.</p>"),
        legal_points=rich("<p>Informer les participants (RGPD) et recueillir leur consentement.</p>"),
        author_lab=lab,
    )
    method.themes.add(theme)
    method.tags.add("observation")
    method.save_revision().publish()
    MethodWorksheetFactory(
        page=method,
        document__title="Fiche d'observation",
        document__file__filename="fiche-observation.pdf",
        document__file__data=worksheet_pdf("Fiche d'observation", "Immersion", [("Noter", ["Ce qui est vu"])], ""),
    )
    related = MethodPageFactory(
        parent=methods_index, title="Test utilisateur", slug="test-utilisateur", phase="test", author_lab=other_lab
    )
    RelatedMethod.objects.create(page=method, related_method=related, sort_order=0)
    HomePageFeaturedMethod.objects.create(page=home, method=method, sort_order=0)
    # The demo's "Contenu d'exemple" line, checked with the rest of the method page.
    DemoProvenance.objects.create(page=method, field="steps", provenance="illustrative", note="le contenu de la fiche")

    project = ProjectPageFactory(
        parent=lab,
        title="Repenser l'accueil en mairie",
        slug="accueil-en-mairie",
        end_date=datetime.date(2016, 6, 30),
        body=[("paragraph", rich())],
    )
    project.themes.add(other_theme)
    project.save_revision().publish()
    ProjectMethodFactory(project=project, method=method)
    ProjectIndicatorFactory(project=project, measured_value=118, measured_on=datetime.date(2016, 6, 1))

    curricula = CurriculumIndexPageFactory(parent=home, summary="Les parcours de formation.")
    curriculum = CurriculumPageFactory(
        parent=curricula,
        title="Se former au design de services",
        slug="design-de-services",
        prerequisites=rich("<p>Aucun.</p>"),
        learning_outcomes=rich(),
        modules=[
            (
                "module",
                {"title": "Découvrir", "duration_hours": 3, "objectives": rich(), "methods": [method]},
            ),
            ("module", {"title": "Pratiquer", "duration_hours": 6, "objectives": rich(), "methods": [related]}),
        ],
    )

    manifestos = ManifestoIndexPageFactory(parent=home, summary="Les manifestes du réseau.")
    manifesto = ManifestoPageFactory(
        parent=manifestos,
        title="Manifeste des labs publics",
        slug="manifeste-des-labs",
        body=[
            ("heading", {"text": "Nos engagements", "level": "h2"}),
            ("paragraph", rich()),
            ("quote", {"text": "Faire avec, et non pour.", "attribution": "Le réseau"}),
        ],
    )
    ManifestoSignatoryFactory(manifesto=manifesto, lab=lab)
    ManifestoSignatoryFactory(manifesto=manifesto, lab=other_lab)

    reports = SessionReportIndexPageFactory(parent=home, slug="ateliers", summary="Les ateliers Entrelabs.")
    report = SessionReportPageFactory(
        parent=reports,
        title="Entrelabs #1",
        slug="entrelabs-1",
        number=1,
        host="La 27e Région",
        discussed_themes=[
            (
                "theme",
                {
                    "title": "Mutualiser les outils",
                    "question": "Comment partager nos méthodes ?",
                    "discussion": rich(),
                    "directions": [{"title": "Un catalogue commun", "text": rich("<p>En ligne.</p>")}],
                },
            )
        ],
        decisions=rich(),
        roadmap=[
            (
                "action",
                {
                    "title": "Publier le catalogue",
                    "description": "Une première version.",
                    "horizon": "now",
                    "scope": "beyond",
                    "status": "engaged",
                    "owner_labs": [lab],
                },
            ),
            (
                "action",
                {"title": "Former les agents", "horizon": "years", "scope": "authority", "status": "proposed"},
            ),
        ],
        next_session_title="Entrelabs #2",
        next_session_start=datetime.date(2015, 10, 12),
        next_session_end=datetime.date(2015, 10, 13),
        next_session_place="Nantes",
        next_session_contact="La 27e Région",
    )
    report.themes.add(theme)
    report.save_revision().publish()
    SessionParticipantFactory(report=report, name="Camille Martin", organisation="La 27e Région", lab=lab)
    SessionParticipantFactory(report=report, name="Jean Dupont", organisation="Région PACA")

    statement = StandardPageFactory(
        parent=home,
        title="Déclaration d'accessibilité",
        slug="accessibilite",
        body=[("heading", {"text": "État de conformité", "level": "h2"}), ("paragraph", rich())],
    )

    network = build_network_pages(home, lab, report, theme)
    sections = [labs, methods_index, curricula, manifestos, reports, network["agenda"], network["news_index"]]
    give_the_demo_header(sections + [network["map"]])
    # The pages the demo translates (home, lab, method card, session report, accessibility
    # statement) in English too, with their indexes: "en:<key>".
    english = {
        f"en:{key}": translate(page, **changes)
        for key, page, changes in [
            ("home", home, {}),
            ("labs", labs, {"title": DEMO_ENGLISH_SECTIONS["labs"]}),
            ("lab", lab, {}),
            ("method_index", methods_index, {"title": DEMO_ENGLISH_SECTIONS["methodes"]}),
            ("method", method, {}),
            ("reports", reports, {"title": DEMO_ENGLISH_SECTIONS["ateliers"]}),
            ("report", report, {}),
            ("statement", statement, {}),
        ]
    }

    return {
        **english,
        **network,
        "home": home,
        "labs": labs,
        "curricula": curricula,
        "manifestos": manifestos,
        "reports": reports,
        "theme": theme,
        "lab": lab,
        "project": project,
        "method_index": methods_index,
        "method": method,
        "curriculum": curriculum,
        "manifesto": manifesto,
        "report": report,
        "statement": statement,
    }


def build_network_pages(home, lab, report, theme):
    """The agenda with an upcoming and a past event, news under the lab, the map with actors."""
    from decimal import Decimal

    from ecosystem.models import ActorKind
    from tests.network_factories import (
        ActorFactory,
        AgendaPageFactory,
        EcosystemMapPageFactory,
        EventPageFactory,
        NewsIndexPageFactory,
        NewsPageFactory,
        paris,
    )

    agenda = AgendaPageFactory(parent=home, summary="Les rendez-vous du réseau.")
    event = EventPageFactory(
        parent=agenda,
        title="Immersion dans le design public",
        start=paris(2099, 6, 18, 9, 30),
        end=paris(2099, 6, 19, 12, 30),
        address="1 place de l’Hôtel de Ville",
        registration_url="https://example.org/inscription",
        online_url="https://example.org/direct",
        session_report=report,
        body=[("paragraph", rich())],
    )
    event.organisers.add(lab)
    event.themes.add(theme)
    event.save_revision().publish()
    EventPageFactory(parent=agenda, title="Entrelabs #1", start=paris(2015, 4, 13, 9, 30))
    news_index = NewsIndexPageFactory(parent=home, summary="Ce que font les labs.")
    news = NewsPageFactory(parent=lab, title="Un blog pour chaque lab", body=[("paragraph", rich())])
    news.themes.add(theme)
    news.tags.add("visibilité")
    news.save_revision().publish()
    ecosystem_map = EcosystemMapPageFactory(parent=home, summary="Qui fait l’innovation publique, où.")
    for n, (region, departement, latitude, longitude) in enumerate(
        [("52", "44", "47.2184", "-1.5536"), ("93", "13", "43.2965", "5.3698"), ("11", "75", "48.8566", "2.3522")]
    ):
        actor = ActorFactory(
            name=f"Acteur {n}",
            kind=ActorKind.objects.get_or_create(slug=f"type-{n}", defaults={"name": f"Type {n}"})[0],
            region=region,
            departement=departement,
            latitude=Decimal(latitude),
            longitude=Decimal(longitude),
            website="https://example.org/",
            lab=lab,
        )
        actor.themes.add(theme)
        actor.save()
    from roadmap.models import RoadmapAction, RoadmapPage, RoadmapStatusChange

    roadmap = home.add_child(instance=RoadmapPage(title="Feuille de route", slug="feuille-de-route"))
    for block in report.roadmap:
        follow_up = RoadmapAction.objects.create(report=report, block_id=block.id, title=block.value["title"])
        follow_up.carried_out_by.add(event, ecosystem_map)
        follow_up.save()
        RoadmapStatusChange.objects.create(action=follow_up, date=datetime.date(2015, 4, 13), status="engaged")
        RoadmapStatusChange.objects.create(action=follow_up, date=datetime.date(2015, 9, 1), status="done", note="Fait")
    return {
        "agenda": agenda,
        "event": event,
        "news_index": news_index,
        "news": news,
        "map": ecosystem_map,
        "roadmap": roadmap,
    }
