from axes.models import AccessAttempt
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet


class LoginLockoutViewSet(ModelViewSet):
    """Failed logins recorded by django-axes: communicators see who is locked out and unlock an
    account by deleting its row (permissions axes.view_accessattempt and axes.delete_accessattempt)."""

    model = AccessAttempt
    icon = "lock"
    menu_label = _("Login lock-outs")
    menu_order = 900
    add_to_settings_menu = True
    url_prefix = "login-lockouts"
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time", "path_info"]
    list_filter = ["attempt_time"]
    search_fields = ["username", "ip_address"]
    ordering = ["-attempt_time"]
    inspect_view_enabled = True
    inspect_view_fields = ["username", "ip_address", "failures_since_start", "attempt_time", "path_info", "user_agent"]
    form_fields = []


@hooks.register("register_admin_viewset")
def register_login_lockouts():
    return LoginLockoutViewSet("login_lockouts")


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_manage"),
        "label": "Vérification en deux étapes",
        "help_text": "Un code de votre téléphone après le mot de passe, et des codes de secours.",
    }
