"""The public "propose a method" form: a draft method card sent to the communicators' review."""

from django import forms
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _

from methods.models import Duration, MethodIndexPage, MethodPage, MethodProposal, Phase, ProposalStatus

MAX_STEPS = 12
STEP_TITLE_LENGTH = 80


class ProposeMethodForm(forms.Form):
    title = forms.CharField(
        label=_("Name of the method"),
        max_length=120,
        min_length=3,
        error_messages={
            "required": _("Give the method a name."),
            "min_length": _("The name must have at least %(limit_value)d characters."),
            "max_length": _("The name must have at most %(limit_value)d characters (it has %(show_value)d)."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    summary = forms.CharField(
        label=_("Summary"),
        help_text=_("Two or three sentences: what the method is for and what it produces."),
        min_length=20,
        max_length=1000,
        error_messages={
            "required": _("Describe the method in a few sentences."),
            "min_length": _("The summary must have at least %(limit_value)d characters."),
            "max_length": _("The summary must have at most %(limit_value)d characters (it has %(show_value)d)."),
        },
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    steps = forms.CharField(
        label=_("Steps"),
        help_text=_("One step per line, in order (at least 2, at most %(max)d).") % {"max": MAX_STEPS},
        max_length=6000,
        error_messages={
            "required": _("List the steps of the method, one per line."),
            "max_length": _("The steps must have at most %(limit_value)d characters (they have %(show_value)d)."),
        },
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    contact_email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("Only the network's communicators see it, to contact you about your proposal."),
        max_length=254,
        error_messages={
            "required": _("Give an email address so that we can contact you."),
            "invalid": _("Enter an email address in the form name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the network keeps my email address to contact me about this proposal, and that "
            "the method is published under the CC BY-SA 4.0 licence if it is accepted."
        ),
        error_messages={"required": _("Tick the box to agree, or your proposal cannot be sent.")},
    )
    # Honeypot: hidden from people and screen readers; bots fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if not slugify(title):
            raise forms.ValidationError(_("The name must contain letters or digits."))
        return title

    def clean_summary(self):
        return self.cleaned_data["summary"].strip()

    def clean_steps(self):
        steps = [" ".join(line.split()) for line in self.cleaned_data["steps"].splitlines()]
        steps = [step for step in steps if step]
        if len(steps) < 2:
            raise forms.ValidationError(_("Give at least 2 steps, one per line."))
        if len(steps) > MAX_STEPS:
            raise forms.ValidationError(
                _("Give at most %(max)d steps (you gave %(count)d).") % {"max": MAX_STEPS, "count": len(steps)}
            )
        return steps

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))


def _unique_slug(parent, title):
    base = slugify(title)[:200] or "methode"
    slug, number = base, 2
    siblings = set(parent.get_children().values_list("slug", flat=True))
    while slug in siblings:
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def create_proposal(cleaned_data):
    """Create the draft method under the method index and submit it to its workflow.

    The page is never live; phase and duration get defaults that communicators adjust.
    Returns the MethodProposal, or None when there is no method index to add to.
    """
    index_pk = MethodIndexPage.objects.values_list("pk", flat=True).first()
    if index_pk is None:
        return None
    # Proposals under one index wait for each other, then read its children afresh: two at once
    # would take the same free slug and the same next tree path. (SQLite writers already queue.)
    index = MethodIndexPage.objects.select_for_update().get(pk=index_pk)
    steps = [
        (
            "step",
            {
                "title": Truncator(step).chars(STEP_TITLE_LENGTH),
                "text": f"<p>{escape(step)}</p>",
            },
        )
        for step in cleaned_data["steps"]
    ]
    page = MethodPage(
        title=cleaned_data["title"],
        slug=_unique_slug(index, cleaned_data["title"]),
        summary=cleaned_data["summary"],
        phase=Phase.DISCOVER,
        duration=Duration.HALF_DAY,
        steps=steps,
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision(log_action=True)
    proposal = MethodProposal.objects.create(
        page=page, contact_email=cleaned_data["contact_email"], consented_at=timezone.now()
    )
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user=None)
    return proposal


def default_decision_message(proposal, status, communicator_name):
    """The polite French message a communicator starts from, naming the proposal."""
    values = {"title": proposal.page.title, "name": communicator_name}
    if status == ProposalStatus.ACCEPTED:
        text = _(
            "Hello,\n\nThank you for proposing the method “%(title)s” to the Entrelabs network. We are "
            "happy to accept it: we are reviewing it and will publish it on the portal soon, under the "
            "CC BY-SA 4.0 licence.\n\nKind regards,\n%(name)s, for the Entrelabs network"
        )
    else:
        text = _(
            "Hello,\n\nThank you for proposing the method “%(title)s” to the Entrelabs network. After "
            "reading it, we will not publish it on the portal, because [say why in a sentence].\n\n"
            "Do not hesitate to propose another method.\n\nKind regards,\n%(name)s, for the Entrelabs network"
        )
    return text % values


@transaction.atomic
def decide_proposal(proposal, status, message, user):
    """Record the decision (who, when, the message), tell the proposer by e-mail, and for a
    declined proposal end the draft's review, which leaves the communicators' queue."""
    proposal.status = status
    proposal.decided_at = timezone.now()
    proposal.decided_by = user
    proposal.decision_message = message
    proposal.save(update_fields=["status", "decided_at", "decided_by", "decision_message"])
    if status == ProposalStatus.DECLINED:
        workflow_state = proposal.page.current_workflow_state
        if workflow_state is not None:
            workflow_state.cancel(user=user)
    subject = {
        ProposalStatus.ACCEPTED: _("Your method proposal “%(title)s” is accepted"),
        ProposalStatus.DECLINED: _("Your method proposal “%(title)s”"),
    }[status] % {"title": proposal.page.title}
    transaction.on_commit(lambda: send_mail(subject, message, settings.DEFAULT_FROM_EMAIL, [proposal.contact_email]))
