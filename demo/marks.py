"""The "Contenu d'exemple" line of illustrative demo pages: which pages carry it, cached (one query, then
``until_pages_change``; demo/apps.py adds the provenance rows to what it watches)."""

from home.index_urls import until_pages_change


def illustrative_pages():
    """{page id: {"whole": bool, "notes": [...]}} of the pages that hold illustrative content: the whole page
    is an illustration, or only the fields the notes name."""
    return until_pages_change("demo:illustrative-pages", _illustrative_pages)


def _illustrative_pages():
    from demo.models import DemoProvenance

    pages = {}
    rows = DemoProvenance.objects.filter(provenance=DemoProvenance.Source.ILLUSTRATIVE).order_by("page_id", "pk")
    for page_id, field, note in rows.values_list("page_id", "field", "note"):
        mark = pages.setdefault(page_id, {"whole": False, "notes": []})
        mark["whole"] = mark["whole"] or not field
        if note:
            mark["notes"].append(note)
    return pages
