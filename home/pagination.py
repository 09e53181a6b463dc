from django.core.paginator import Paginator
from django.utils.functional import SimpleLazyObject

DEFAULT_PER_PAGE = 12


def paginate(request, object_list, per_page=DEFAULT_PER_PAGE, param="page"):
    """The requested page of object_list, its number read from the query parameter ``param`` (two
    lists on one page each have theirs); a page number that is not a number or out of range gives
    the first or last page instead of an error."""
    page = Paginator(object_list, per_page).get_page(request.GET.get(param))
    page.query_parameter = param
    return page


def paginate_when_shown(request, object_list, **kwargs):
    """``paginate``, done when the template first shows the list: a page whose main block is shown
    from the page fragments (pagecache/fragments.py) counts and reads nothing."""
    return SimpleLazyObject(lambda: paginate(request, object_list, **kwargs))


def page_numbers(page):
    """The page numbers the pagination links: the first and last, and two either side of the
    current one; ``None`` stands for the numbers left out. As many links on a site 100 times larger."""
    ellipsis = page.paginator.ELLIPSIS
    numbers = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return [None if number == ellipsis else number for number in numbers]
