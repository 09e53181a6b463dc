"""A public suggestion that lands in moderation: what the "Proposer une méthode" (methods) and
"Proposer un acteur" (ecosystem) forms share. The visitor's draft is saved, never live, with a
revision; who sent it (address and consent) is kept apart from the public object; the object's
review workflow starts. Only valid posts count against the per-address rate, so that a person
correcting the form is not held back; past it, a 429 that keeps what was typed."""

import logging

from django import forms
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_ratelimit.core import get_usage

logger = logging.getLogger(__name__)

# Valid suggestions per IP address, counted in the cache (shared between app servers through Redis;
# the deploy check portal.W001 warns when the cache is per process).
SUGGESTIONS_RATE = "10/h"


class PublicSuggestionForm(forms.Form):
    """The sender's address and consent, and a honeypot field (``honeypot_field``, added last)."""

    honeypot_field = "website"
    contact_help_text = ""
    consent_label = ""
    consent_required_message = ""

    contact_email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        error_messages={
            "required": _("Give an email address so that we can contact you."),
            "invalid": _("Enter an email address in the form name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("contact_email", "consent"):  # after the subclass's own fields
            self.fields[name] = self.fields.pop(name)
        self.fields["contact_email"].help_text = self.contact_help_text
        self.fields["consent"].label = self.consent_label
        self.fields["consent"].error_messages["required"] = self.consent_required_message
        # Hidden from people and screen readers (the template's visually-hidden block); bots fill it in.
        self.fields[self.honeypot_field] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )

    def is_spam(self):
        return bool(self.cleaned_data.get(self.honeypot_field))

    def describe_fields(self):
        """Tie each field to its help text and its errors (aria-describedby, aria-invalid)."""
        for name, field in self.fields.items():
            ids = [f"id_{name}-help"] if field.help_text else []
            if name in self.errors:
                ids.append(f"id_{name}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)
        return self


def submit_for_review(obj, sender_model, cleaned_data):
    """Save a revision of the draft ``obj``, record its sender (``sender_model``: a ``PublicSubmission``)
    and start its review workflow; returns the sender's record."""
    obj.save_revision(log_action=True)
    sender = sender_model.objects.create(
        **{sender_model.submitted_object_field: obj},
        contact_email=cleaned_data["contact_email"],
        consented_at=timezone.now(),
    )
    workflow = obj.get_workflow()
    if workflow is not None:
        workflow.start(obj, user=None)
    return sender


def suggestion_view(form_class, template, create, done_url_name, context_of, rate_group):
    """The form's view: ``create(form)`` makes the draft (None or an IntegrityError when it cannot:
    a 503 that keeps the form); ``context_of(request)`` gives the page's title and breadcrumbs."""

    @never_cache
    def view(request):
        context = context_of(request)
        form = form_class(request.POST) if request.method == "POST" else form_class()
        if request.method == "POST" and form.is_valid():
            usage = get_usage(request, group=rate_group, key="ip", rate=SUGGESTIONS_RATE, increment=True)
            if usage and usage["should_limit"]:
                context.update(form=form.describe_fields(), limited=True)
                response = render(request, template, context, status=429)
                response["Retry-After"] = str(max(usage["time_left"], 1))
                return response
            if form.is_spam():
                logger.info("%s dropped by the honeypot", rate_group)
                return redirect(done_url_name)
            try:
                with transaction.atomic():
                    created = create(form)
            except IntegrityError:
                # An editor added a page at the same place at the same instant.
                logger.warning("%s collided with another object", rate_group, exc_info=True)
                created = None
            if created is not None:
                return redirect(done_url_name)
            context.update(form=form.describe_fields(), unavailable=True)
            return render(request, template, context, status=503)
        context["form"] = form.describe_fields()
        return render(request, template, context)

    return view


def page_context(title, index):
    """Title and breadcrumbs for base.html (these views are not Wagtail pages): under ``index``."""
    crumbs = [{"title": index.title, "url": index.url}] if index else []
    return {"meta_title": title, "breadcrumbs": [*crumbs, {"title": title}], "index": index}
