"""The welcome e-mail a new partner editor gets from ``add_partner_lab``: their login and where to start."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from editorial.partners import password_reset_url


def start_links(lab):
    """The three places a partner editor writes in, as absolute admin URLs."""
    from methods.models import MethodIndexPage

    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    method_index = MethodIndexPage.objects.first()
    return {
        "add_method": (
            base_url + reverse("wagtailadmin_pages:add", args=("methods", "methodpage", method_index.pk))
            if method_index
            else ""
        ),
        "add_project": base_url + reverse("wagtailadmin_pages:add", args=("labs", "projectpage", lab.pk)),
        "edit_lab": base_url + reverse("wagtailadmin_pages:edit", args=(lab.pk,)),
    }


def send_welcome_email(user, lab):
    """Send the editor their login (their e-mail address), a link to choose a password and the three links."""
    context = {
        "login": user.email,
        "lab": lab,
        "password_url": password_reset_url(user, settings.WAGTAILADMIN_BASE_URL),
        "links": start_links(lab),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("editorial/welcome_subject.txt", context).strip()
        body = render_to_string("editorial/welcome.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
