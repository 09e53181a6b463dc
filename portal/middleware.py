"""Request guards shared by the whole portal."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


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


class DatabaseUnavailableMiddleware:
    """A database that is down or too slow (connection refused or timed out, statement timeout)
    answers a plain French 503 page, built without the database, that says to come back soon."""

    RETRY_AFTER_SECONDS = 30

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if settings.DEBUG or not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        # The visitor sees a calm page; the operator needs the cause.
        logger.error("Database error answered with 503: %s", exception, exc_info=exception)
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
        return response
