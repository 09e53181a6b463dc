"""The admin login form, labelled for the people who use it: their login is their e-mail address."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class EmailLoginForm(LoginForm):
    """Wagtail's login form, whose password field has no label (Django shows the English field name)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Your e-mail address")
        self.fields["username"].widget.attrs.update(autocomplete="username", placeholder="prenom.nom@exemple.fr")
        self.fields["password"].label = _("Password")
