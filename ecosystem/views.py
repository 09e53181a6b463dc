"""The public "suggest an actor" form: a draft actor sent to the communicators' review."""

import logging

from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_ratelimit.decorators import ratelimit

from ecosystem.forms import ActorSuggestionForm
from ecosystem.models import ActorSuggestion, EcosystemMapPage

logger = logging.getLogger(__name__)

# Per IP address, counted in the cache (shared between app servers through Redis).
SUGGESTIONS_RATE = "10/h"


@transaction.atomic
def create_suggestion(form):
    """Save the actor as a draft (never live), keep who suggested it, start its review."""
    actor = form.save(commit=False)
    actor.live = False
    actor.save()
    actor.save_revision(log_action=True)
    ActorSuggestion.objects.create(
        actor=actor, contact_email=form.cleaned_data["contact_email"], consented_at=timezone.now()
    )
    workflow = actor.get_workflow()
    if workflow is not None:
        workflow.start(actor, user=None)
    return actor


@never_cache
@ratelimit(key="ip", rate=SUGGESTIONS_RATE, method="POST", block=False)
def suggest_actor(request):
    context = page_context(_("Suggest an actor for the map"))
    if request.method == "POST":
        if getattr(request, "limited", False):
            # A friendly 429: the message, and the form still holding what the person typed.
            context.update(form=ActorSuggestionForm(request.POST).describe_fields(), limited=True)
            return render(request, "ecosystem/suggest_actor.html", context, status=429)
        form = ActorSuggestionForm(request.POST)
        if form.is_valid():
            if form.is_spam():
                logger.info("Actor suggestion dropped by the honeypot")
            else:
                create_suggestion(form)
            return redirect("ecosystem:suggest_actor_done")
    else:
        form = ActorSuggestionForm()
    context["form"] = form.describe_fields()
    return render(request, "ecosystem/suggest_actor.html", context)


def suggest_actor_done(request):
    return render(request, "ecosystem/suggest_actor_done.html", page_context(_("Thank you for your suggestion")))


def page_context(title):
    """Title and breadcrumbs for base.html (these views are not Wagtail pages)."""
    map_page = EcosystemMapPage.objects.live().first()
    crumbs = [{"title": map_page.title, "url": map_page.url}] if map_page else []
    return {"meta_title": title, "breadcrumbs": [*crumbs, {"title": title}], "map_page": map_page}
