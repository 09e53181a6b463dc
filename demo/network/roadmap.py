"""Demo roadmap follow-up: the "Feuille de route" page, and what carries out three engaged actions of
Entrelabs #1 (the status dates are the session's, 13 April 2015; the links to the demo pages of the
agenda, the map and the news are illustrative)."""

import datetime

from django.db import transaction
from wagtail.models import Page

from home.models import HomePage
from labs.models import SessionReportPage
from roadmap.models import RoadmapAction, RoadmapPage, RoadmapStatusChange, report_actions

SESSION_DATE = datetime.date(2015, 4, 13)
# action title in the report -> slugs of the pages that carry it out
FOLLOW_UPS = {
    "Tests de cartographie collaborative des écosystèmes territoriaux": ["carte"],
    "2e Semaine de l'innovation publique": ["semaine-de-l-innovation-publique-2015"],
    "Entrelabs pour progresser collectivement": ["entrelabs-1", "immersion-in-public-design"],
    "Des outils pour faire connaître les labs comme « voix des usagers »": ["actualites"],
}


@transaction.atomic
def load(stdout=None):
    """Create what is missing (the page by type, follow-ups by action); change nothing that exists."""
    home = HomePage.objects.first()
    report = SessionReportPage.objects.filter(slug="entrelabs-1").first()
    if home is None or report is None:
        return 0
    created = 0
    if not RoadmapPage.objects.child_of(home).exists():
        home.add_child(
            instance=RoadmapPage(
                title="Feuille de route",
                slug="feuille-de-route",
                summary="Les actions décidées à chaque atelier Entrelabs, par statut, avec ce qui les met en œuvre.",
            )
        )
        created += 1
    for _report, block in report_actions([report]):
        slugs = FOLLOW_UPS.get(block["value"]["title"])
        if slugs is None or RoadmapAction.objects.filter(block_id=block["id"]).exists():
            continue
        follow_up = RoadmapAction(report=report, block_id=block["id"], title=block["value"]["title"])
        follow_up.save()
        # The agenda's and the report's own "entrelabs-1" pages share a slug: prefer the event.
        pages = Page.objects.filter(slug__in=slugs).exclude(pk=report.pk)
        follow_up.carried_out_by.add(*pages)
        follow_up.save()
        RoadmapStatusChange.objects.create(action=follow_up, date=SESSION_DATE, status=block["value"]["status"])
        created += 1
    if stdout:
        stdout.write(f"Roadmap: {created} page(s) and follow-up(s) created.")
    return created
