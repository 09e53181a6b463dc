from datetime import timedelta

from django.contrib.auth.decorators import permission_required
from django.db.models import Sum
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import QueryDay, Synonym

REPORT_DAYS = 30
REPORT_ROWS = 50
# Communicators who may pin promoted results may also see what people search for.
REPORT_PERMISSION = "wagtailsearchpromotions.add_searchpromotion"


@permission_required(REPORT_PERMISSION, raise_exception=True)
def query_report(request):
    """The most frequent queries and the queries that found nothing, over the last 30 days."""
    recent = QueryDay.objects.filter(date__gte=timezone.localdate() - timedelta(days=REPORT_DAYS))
    totals = recent.values("query_string").annotate(searches=Sum("hits"), without_result=Sum("no_result_hits"))
    return render(
        request,
        "search/admin/query_report.html",
        {
            "days": REPORT_DAYS,
            "frequent": totals.order_by("-searches", "query_string")[:REPORT_ROWS],
            "fruitless": totals.filter(without_result__gt=0).order_by("-without_result", "query_string")[:REPORT_ROWS],
        },
    )


@hooks.register("register_admin_urls")
def register_query_report_url():
    return [path("reports/search-queries/", query_report, name="search_query_report")]


class QueryReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_query_report_menu_item():
    return QueryReportMenuItem(_("Search queries"), reverse("search_query_report"), icon_name="search", order=900)


class SynonymViewSet(SnippetViewSet):
    """Synonyms for search, edited by communicators: "brainstorming, idéation"."""

    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    list_display = ["terms", "is_demo"]
    search_fields = ["terms"]
    ordering = ["terms"]


register_snippet(SynonymViewSet)
