"""Request guards shared by the whole portal."""

from django.http import HttpResponseBadRequest


class AdminNulByteMiddleware:
    """Answer 400 to an admin request whose parameters hold a NUL byte.

    PostgreSQL refuses NUL in text, and Wagtail's admin views (the tag autocomplete, listing
    searches) hand their parameters to the database as they are. No browser lets a person type
    a NUL, so nothing anyone typed is lost. The public views clean their own input (search/text.py).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/") and self._holds_nul(request):
            return HttpResponseBadRequest("A request parameter contains a NUL byte.\n", content_type="text/plain")
        return self.get_response(request)

    @staticmethod
    def _holds_nul(request):
        queries = [request.GET, request.POST] if request.method == "POST" else [request.GET]
        for query in queries:
            for key, values in query.lists():
                if "\x00" in key or any("\x00" in value for value in values):
                    return True
        return False
