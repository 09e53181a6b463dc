"""Login and password reset throttling: django-axes for logins, the same limit and page for the
admin's password reset (axes does not see it)."""

from django.conf import settings
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django_ratelimit.core import get_usage
from wagtail.admin.views.account import PasswordResetView

LOCKOUT_TEMPLATE = "accounts/lockout.html"


def client_ip(request):
    """The client address for axes, from the same header as the other rate limits."""
    return request.META.get(settings.RATELIMIT_IP_META_KEY) or request.META.get("REMOTE_ADDR")


def lockout_response(request, credentials=None, retry_after=None):
    """The French "try again in N minutes" page, answered with 429 and Retry-After."""
    seconds = int(retry_after if retry_after is not None else settings.AXES_COOLOFF_TIME.total_seconds())
    minutes = max(1, -(-seconds // 60))
    response = render(request, LOCKOUT_TEMPLATE, {"minutes": minutes}, status=429)
    response["Retry-After"] = str(max(1, seconds))
    return response


def _reset_address(group, request):
    return request.POST.get("email", "").strip().lower()


@method_decorator(never_cache, name="dispatch")
class ThrottledPasswordResetView(PasswordResetView):
    """Wagtail's password reset, refused for a while after AXES_FAILURE_LIMIT requests for one
    address or from one client address within the cool-off time."""

    def post(self, request, *args, **kwargs):
        rate = f"{settings.AXES_FAILURE_LIMIT}/{int(settings.AXES_COOLOFF_TIME.total_seconds())}s"
        for key in (_reset_address, lambda group, request: client_ip(request)):
            usage = get_usage(request, group="password_reset", key=key, rate=rate, increment=True)
            if usage and usage["should_limit"]:
                return lockout_response(request, retry_after=usage["time_left"])
        return super().post(request, *args, **kwargs)
