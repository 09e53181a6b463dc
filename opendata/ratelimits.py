"""One rate limit for the API, the exports and the catalogue, per IP address, counted in the cache
(Redis shares the count between app servers) by django-ratelimit."""

from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from django_ratelimit.core import get_usage
from ninja.throttling import BaseThrottle


def seconds_to_wait(request, count=True):
    """Counts the request (unless ``count`` is false); the seconds until the window ends when the
    address is over ``OPEN_DATA_RATE``, else ``None``."""
    usage = get_usage(request, group="opendata", key="ip", rate=settings.OPEN_DATA_RATE, increment=count)
    if usage and usage["should_limit"]:
        return max(usage["time_left"], 1)
    return None


def too_many_requests(seconds):
    response = JsonResponse({"detail": f"Trop de requêtes : réessayez dans {seconds} s.", "errors": []}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def rate_limited(view):
    """A view that answers 429 with Retry-After once the address is over the limit."""

    @wraps(view)
    def limited_view(request, *args, **kwargs):
        seconds = seconds_to_wait(request)
        if seconds is not None:
            return too_many_requests(seconds)
        return view(request, *args, **kwargs)

    return limited_view


class OpenDataThrottle(BaseThrottle):
    """The same limit for django-ninja's operations (checked before their parameters)."""

    def allow_request(self, request):
        return seconds_to_wait(request) is None
