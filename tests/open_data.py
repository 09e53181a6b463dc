"""Demo-like content for the open data tests (API, exports, feeds, structured data), built with the
factories from the seed's facts: what the public may see, and a draft and a restricted page of
each kind next to it that must never appear."""

import datetime

from django.db import transaction
from wagtail.models import PageViewRestriction

from home.models import HomePage
from tests import factories as f
from tests import network_factories as nf


def restrict(page):
    """A password view restriction: the page (and what is under it) is no longer public."""
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret")


def draft(page):
    page.unpublish()
    return page


def network_once(django_db_blocker):
    """For a module-scoped fixture: the network built once, in a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_network(HomePage.objects.get())
        transaction.set_rollback(True)


def build_network(home_page):
    inclusion = f.ThemeFactory(name="Inclusion", slug="inclusion", description="Les publics éloignés.")
    tools = f.ThemeFactory(name="Outils du lab", slug="outils", description="Les outils des labs.")

    labs = f.LabIndexPageFactory(parent=home_page)
    region = f.LabPageFactory(
        parent=labs, title="Région Pays de la Loire", slug="pays-de-la-loire", region="pdl", city="Nantes"
    )
    paris = f.LabPageFactory(
        parent=labs,
        title="Ville de Paris",
        slug="paris",
        host_organisation="Ville de Paris",
        organisation_kind="city",
        region="idf",
        city="Paris",
        contact_email="agent.prive@paris.example.org",
    )
    hidden_lab = f.LabPageFactory(parent=labs, title="Lab réservé", slug="lab-reserve")
    restrict(hidden_lab)
    draft_lab = draft(f.LabPageFactory(parent=labs, title="Lab en brouillon", slug="lab-brouillon"))

    methods = f.MethodIndexPageFactory(parent=home_page)
    immersion = f.MethodPageFactory(
        parent=methods,
        title="Immersion",
        slug="immersion",
        summary="Passer du temps avec les usagers là où ils vivent le service.",
        phase="discover",
        duration="days",
        author_lab=paris,
        materials="Carnet\nAppareil photo",
        steps=[
            f.method_step("Préparer", "<p>Choisir les lieux et obtenir les accords.</p>"),
            f.method_step("Observer", "<p>Noter ce que font les usagers &amp; les agents.</p>"),
        ],
        first_published_at=datetime.datetime(2015, 4, 13, 10, tzinfo=datetime.UTC),
    )
    immersion.themes.set([inclusion])
    immersion.save_revision().publish()
    prototyping = f.MethodPageFactory(
        parent=methods,
        title="Prototypage rapide",
        slug="prototypage-rapide",
        summary="Fabriquer une maquette en carton pour tester un service.",
        phase="prototype",
        duration="half_day",
        author_lab=hidden_lab,
        first_published_at=datetime.datetime(2015, 5, 1, 10, tzinfo=datetime.UTC),
    )
    prototyping.themes.set([tools])
    prototyping.save_revision().publish()
    hidden_method = f.MethodPageFactory(parent=methods, title="Méthode réservée", slug="methode-reservee")
    restrict(hidden_method)
    draft_method = draft(f.MethodPageFactory(parent=methods, title="Méthode en brouillon", slug="methode-brouillon"))

    project = f.ProjectPageFactory(
        parent=paris, title="Réenchantez", slug="reenchantez", start_date=datetime.date(2015, 3, 1)
    )
    f.ProjectMethodFactory(project=project, method=immersion)
    f.ProjectMethodFactory(project=project, method=hidden_method)
    older = f.ProjectPageFactory(
        parent=region, title="Cartographie des acteurs", slug="cartographie", start_date=datetime.date(2014, 1, 1)
    )
    hidden_project = f.ProjectPageFactory(parent=hidden_lab, title="Projet du lab réservé", slug="projet-reserve")
    draft_project = draft(f.ProjectPageFactory(parent=paris, title="Projet en brouillon", slug="projet-brouillon"))

    curricula = f.CurriculumIndexPageFactory(parent=home_page)
    curriculum = f.CurriculumPageFactory(
        parent=curricula,
        title="Se former au design des politiques publiques",
        slug="design-des-politiques-publiques",
        modules=[
            f.curriculum_module("Observer les usagers", 3, methods=[immersion, hidden_method]),
            f.curriculum_module("Prototyper", 4.5, methods=[prototyping]),
        ],
    )

    manifestos = f.ManifestoIndexPageFactory(parent=home_page)
    manifesto = f.ManifestoPageFactory(
        parent=manifestos, title="Manifeste des collectivités ingénieuses", slug="manifeste"
    )
    f.ManifestoSignatoryFactory(manifesto=manifesto, lab=paris)
    f.ManifestoSignatoryFactory(manifesto=manifesto, lab=hidden_lab)

    reports = f.SessionReportIndexPageFactory(parent=home_page)
    report = f.SessionReportPageFactory(
        parent=reports,
        title="Entrelabs #1",
        slug="entrelabs-1",
        number=1,
        date=datetime.date(2015, 4, 13),
        place="Paris",
        host="Futurs Publics (SGMAP)",
        next_session_title="Immersion en design public",
        next_session_start=datetime.date(2015, 6, 18),
        next_session_end=datetime.date(2015, 6, 19),
        next_session_place="Paris",
        roadmap=[
            f.roadmap_action("Entrelabs", status="engaged", scope="beyond", owner_labs=[paris, region]),
            f.roadmap_action("Cadre de formation", horizon="months", owner_labs=[region, hidden_lab]),
            f.roadmap_action("Semaine de l'innovation publique", horizon="years", scope="authority"),
        ],
    )
    report.themes.set([inclusion])
    report.save_revision().publish()
    hidden_report = f.SessionReportPageFactory(parent=reports, title="Session réservée", slug="session-reservee")
    restrict(hidden_report)

    agenda = nf.AgendaPageFactory(parent=home_page)
    event = nf.EventPageFactory(
        parent=agenda,
        title="Immersion en design public",
        slug="immersion-en-design-public",
        start=nf.paris(2015, 6, 18, 9, 30),
        end=nf.paris(2015, 6, 19, 17, 0),
        place="Paris",
        session_report=report,
    )
    event.organisers.set([paris, hidden_lab])
    event.save_revision().publish()
    hidden_event = nf.EventPageFactory(parent=agenda, title="Événement réservé", slug="evenement-reserve")
    restrict(hidden_event)

    nf.NewsIndexPageFactory(parent=home_page)
    news = nf.NewsPageFactory(
        parent=paris, title="Réenchantez est lancé", slug="reenchantez-lance", date=datetime.date(2015, 5, 1)
    )
    news.themes.set([inclusion])
    news.save_revision().publish()
    draft_news = draft(nf.NewsPageFactory(parent=paris, title="Actualité en brouillon", slug="actualite-brouillon"))
    hidden_news = nf.NewsPageFactory(parent=hidden_lab, title="Actualité du lab réservé", slug="actualite-reservee")

    nf.EcosystemMapPageFactory(parent=home_page)
    ping = nf.ActorFactory(name="PiNG", address="Nantes", latitude="47.2184", longitude="-1.5536", lab=region)
    ping.themes.set([tools])
    ping.save()
    nf.ActorFactory(name="Tiers-lieu du lab réservé", lab=hidden_lab)
    nf.ActorFactory(name="Acteur en relecture", live=False)

    return {
        "themes": {"inclusion": inclusion, "tools": tools},
        "labs": {"region": region, "paris": paris},
        "methods": {"immersion": immersion, "prototyping": prototyping},
        "projects": {"reenchantez": project, "older": older},
        "curriculum": curriculum,
        "manifesto": manifesto,
        "report": report,
        "event": event,
        "news": news,
        "private": [
            hidden_lab,
            draft_lab,
            hidden_method,
            draft_method,
            hidden_project,
            draft_project,
            hidden_report,
            hidden_event,
            draft_news,
            hidden_news,
        ],  # fmt: skip
        "private_titles": [
            "Lab réservé",
            "Lab en brouillon",
            "Méthode réservée",
            "Méthode en brouillon",
            "Projet du lab réservé",
            "Projet en brouillon",
            "Session réservée",
            "Événement réservé",
            "Actualité en brouillon",
            "Actualité du lab réservé",
            "Acteur en relecture",
        ],
        "indexes": {"labs": labs, "methods": methods, "reports": reports},
    }
