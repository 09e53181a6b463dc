import logging

from django.conf import settings
from django.core.paginator import Paginator
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import F
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from home.templatetags.portal_tags import pictogram_of_kind

from .engine import RESULTS_PER_PAGE, SiteSearch, autocomplete, fallback_search
from .facets import declared_facets
from .forms import SearchForm, facet_names
from .models import QueryDay
from .text import query_terms

# Beyond any real result list; keeps the window's SQL offsets small.
MAX_PAGE_NUMBER = 10_000
logger = logging.getLogger(__name__)
MAX_LOGGED_QUERY_LENGTH = 255


def search(request):
    """/recherche/?q=…: results with facets, suggestions when nothing matches."""
    response = search_page(request)
    if request.GET.get("q", "").strip():
        # A results page is the visitor's own: neither the page cache nor a proxy keeps it (the
        # empty search page is cached like any page).
        add_never_cache_headers(response)
    return response


def search_page(request):
    form = SearchForm(without_null_characters(request.GET))
    form.is_valid()
    query = form.query()
    if not uses_database_index():
        return search_with_external_engine(request, form, query)
    page_number = request.GET.get("page")
    window = hits_window(page_number)
    search = SiteSearch(query, form.filters(), facet_pages=form.facet_pages, window=window)
    typed_count = search.count()
    fallback = None
    if query and not search.match.is_empty and not search.words_match() and not request.GET.get("verbatim"):
        # The words find nothing: the corrected query's results, or those of most of the words, directly.
        fallback = fallback_search(query, form.filters(), form.facet_pages, window)
        if fallback:
            search = fallback[2]
    results = Paginator(search.hits(), RESULTS_PER_PAGE).get_page(page_number)
    context = {
        "form": form,
        "search_query": query,
        "results": results,
        "count": search.count(),
        "facets": facet_groups(request, search, form) if query else [],
        "ignored_facets": form.invalid_facets(),
        "query_has_words": not search.match.is_empty,
        "meta_title": _("Search: %(query)s") % {"query": query} if query else _("Search"),
        "fallback": fallback[0] if fallback else None,
        "fallback_query": fallback[1] if fallback else "",
    }
    if query and not search.match.is_empty and results.number == 1:
        context["promotions"] = promotions(query)
        try:
            log_query(query, typed_count)
        except DatabaseError:  # statistics must never cost a visitor their results
            logger.warning("Could not count the search query", exc_info=True)
    if query and not search.count():
        context["themes"] = search.all_themes().values()
    return render(request, "search/search.html", context)


def hits_window(page_number):
    """The hits of the page asked for, fetched with the facet counts (a page out of range is
    fetched again once the paginator knows the last page)."""
    try:
        number = min(max(int(page_number), 1), MAX_PAGE_NUMBER)
    except (TypeError, ValueError):
        number = 1
    return (number - 1) * RESULTS_PER_PAGE, number * RESULTS_PER_PAGE


def uses_database_index():
    """Whether the search backend is the French-aware database backend the faceted search reads."""
    return settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "search.backends"


def search_with_external_engine(request, form, query):
    """Elasticsearch/OpenSearch (SEARCH_URL): results, documents and facets through the backend's
    public API (search/external.py); 503 when the engine does not answer."""
    from .external import MAX_HITS, ExternalSearch

    search = ExternalSearch(query, form.filters())
    try:
        hits = search.hits(MAX_HITS) if query else []
        facets = facet_groups(request, search, form) if query else []
    except Exception:  # the engine's client raises its own errors (connection, timeout, index)
        logger.exception("The search engine did not answer")
        context = {"form": form, "search_query": query, "unavailable": True}
        return render(request, "search/search.html", context, status=503)
    results = Paginator(hits, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "search_query": query,
        "results": results,
        "count": len(hits),
        "facets": facets,
        "query_has_words": bool(query_terms(query)),
    }
    return render(request, "search/search.html", context)


def without_null_characters(params):
    """The parameters with null characters made spaces: they mean nothing in a query."""
    params = params.copy()
    for name in params:
        params.setlist(name, [value.replace("\x00", " ") for value in params.getlist(name)])
    return params


def search_autocomplete(request):
    """JSON for the search box: up to 8 live pages whose title matches what was typed."""
    form = SearchForm(without_null_characters(request.GET))
    form.is_valid()
    query = form.query()[:100]
    try:
        pages = autocomplete(query)
    except Exception:  # an external engine's client raises its own errors (connection, timeout)
        if uses_database_index():
            raise
        logger.exception("The search engine did not answer")
        return JsonResponse({"results": []}, status=503)
    return JsonResponse(
        {
            "results": [
                {"title": page.title, "url": page.get_url(request), "type": str(page.specific_class._meta.verbose_name)}
                for page in pages
                if page.specific_class
            ]
        }
    )


def facet_groups(request, search, form):
    """The facets for the template: each option with its count, link and whether it is chosen.

    An option's link is this search with the facet set to the option (or removed, for the
    chosen one), back to the first page.
    """
    chosen = {name: str(getattr(value, "pk", value)) for name, value in form.filters().items()}
    groups = []
    for name, options in search.facets().items():
        if not options:
            continue
        kept = [(key, value) for key, values in request.GET.lists() if key not in (name, "page") for value in values]
        groups.append(
            {
                "name": name,
                "label": form.fields[name].label,
                "chosen": chosen.get(name),
                # Few fixed values (type, phase, duration) as big tiles; themes and labs as a list.
                "tiles": name != "theme" and name not in form.facet_pages,
                "options": [
                    {
                        "value": value,
                        "pictogram": facet_pictogram(name, value),
                        "label": label,
                        "count": count,
                        "chosen": chosen.get(name) == str(value),
                        "url": "?" + urlencode(kept if chosen.get(name) == str(value) else [*kept, (name, value)]),
                    }
                    for value, label, count in options
                ],
            }
        )
    order = facet_names()
    return sorted(groups, key=lambda group: order.index(group["name"]))


def facet_pictogram(name, value):
    """The pictogram of a facet's value: its page type's for the type facet (the model's name after
    the app's), the value itself for a facet declared with ``pictograms``, else none."""
    if name == "type":
        return pictogram_of_kind(str(value).rsplit(".", 1)[-1])
    facet = declared_facets().get(name)
    return value if facet is not None and facet.pictograms else ""


def promotions(query):
    """The communicators' promoted results for this query (live public pages only)."""
    picks = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order")
    )
    if not picks:
        return []
    public = Page.objects.live().public().filter(pk__in=[p.page_id for p in picks if p.page_id])
    public_ids = set(public.values_list("pk", flat=True))
    return [p for p in picks if p.page_id in public_ids or (not p.page_id and p.external_link_url)]


def log_query(query, results_count):
    """Count the query for the promotions' statistics and our no-result report, in one transaction."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Statistics can lose their last counts in a crash: the visitor need not wait for the disk.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        Query.get(query[:MAX_LOGGED_QUERY_LENGTH]).add_hit()
        query_string = " ".join(query.lower().split())[:MAX_LOGGED_QUERY_LENGTH]
        today = timezone.localdate()
        no_result = 0 if results_count else 1
        updated = QueryDay.objects.filter(query_string=query_string, date=today).update(
            hits=F("hits") + 1, no_result_hits=F("no_result_hits") + no_result
        )
        if not updated:
            try:
                with transaction.atomic():
                    QueryDay.objects.create(query_string=query_string, date=today, hits=1, no_result_hits=no_result)
            except IntegrityError:  # created meanwhile by another request
                QueryDay.objects.filter(query_string=query_string, date=today).update(
                    hits=F("hits") + 1, no_result_hits=F("no_result_hits") + no_result
                )
