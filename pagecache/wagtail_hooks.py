from wagtail import hooks


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    """The page cache checks the page it is about to store (under a view restriction?)."""
    request.page_cache_page = page
