"""The "Contenu d'exemple" line of illustrative demo pages: which pages carry it, cached."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

CACHE_KEY = "demo:illustrative-pages"


def illustrative_pages():
    """{page id: {"whole": bool, "notes": [...]}} of the pages that hold illustrative content: the whole page
    is an illustration, or only the fields the notes name (one query, then cached until a provenance changes)."""
    from demo.models import DemoProvenance

    pages = cache.get(CACHE_KEY)
    if pages is None:
        pages = {}
        rows = DemoProvenance.objects.filter(provenance=DemoProvenance.Source.ILLUSTRATIVE).order_by("page_id", "pk")
        for page_id, field, note in rows.values_list("page_id", "field", "note"):
            mark = pages.setdefault(page_id, {"whole": False, "notes": []})
            mark["whole"] = mark["whole"] or not field
            if note:
                mark["notes"].append(note)
        cache.set(CACHE_KEY, pages, None)
    return pages


def clear(**kwargs):
    cache.delete(CACHE_KEY)


def connect():
    from demo.models import DemoProvenance

    post_save.connect(clear, sender=DemoProvenance, dispatch_uid="demo-marks-save")
    post_delete.connect(clear, sender=DemoProvenance, dispatch_uid="demo-marks-delete")
