from django.core.paginator import Paginator

DEFAULT_PER_PAGE = 12


def paginate(request, object_list, per_page=DEFAULT_PER_PAGE):
    """The requested page of object_list; a page number that is not a number or out of
    range gives the first or last page instead of an error."""
    return Paginator(object_list, per_page).get_page(request.GET.get("page"))
