from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from accounts.two_factor import is_enrolled, is_required_for

# What a signed-in user reaches before the second factor: the 2FA pages, signing in and out, and
# what those pages load (the icon sprite, the JavaScript catalogue).
BEFORE_SECOND_FACTOR = (
    "/admin/2fa/",
    "/admin/login/",
    "/admin/logout/",
    "/admin/password_reset/",
    "/admin/jsi18n/",
    "/admin/sprite/",
)


class TwoFactorMiddleware:
    """Between the password and the admin: a user with a second factor types its code; a user
    whose role requires one (accounts.two_factor.is_required_for) sets it up first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if path.startswith("/admin/") and not path.startswith(BEFORE_SECOND_FACTOR):
            user = request.user
            if user.is_authenticated and not user.is_verified():
                query = "?" + urlencode({"next": request.get_full_path()})
                if is_enrolled(user):
                    return redirect(reverse("two_factor_verify") + query)
                if is_required_for(user):
                    return redirect(reverse("two_factor_setup") + query)
        return self.get_response(request)
