"""A lab page's territory actors, cached: the lab page already spends its query budget on its
projects, methods and team. Forgotten whenever an actor, a page or a view restriction changes
(``home.index_urls.until_pages_change``; ecosystem/apps.py adds the actors to what it watches)."""

from home.index_urls import until_pages_change


def lab_territory_actors(lab, limit):
    """The first ``limit`` live actors of the lab's territory (``lab_actors``), with their public labs."""
    from ecosystem.models import lab_actors, with_public_labs

    return until_pages_change(
        f"ecosystem:lab-actors:{lab.pk}:{lab.region}:{limit}", lambda: with_public_labs(lab_actors(lab)[:limit])
    )
