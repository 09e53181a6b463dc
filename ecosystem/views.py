"""The public "suggest an actor" form: a draft actor sent to the communicators' review."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from ecosystem.forms import ActorSuggestionForm
from ecosystem.models import ActorSuggestion, EcosystemMapPage
from home.suggestions import page_context, submit_for_review, suggestion_view


def create_suggestion(form):
    """Save the actor as a draft (never live), keep who suggested it, start its review."""
    actor = form.save(commit=False)
    actor.live = False
    actor.save()
    return submit_for_review(actor, ActorSuggestion, form.cleaned_data)


def map_context(title):
    return page_context(title, EcosystemMapPage.objects.live().first())


suggest_actor = suggestion_view(
    ActorSuggestionForm,
    "ecosystem/suggest_actor.html",
    create_suggestion,
    "ecosystem:suggest_actor_done",
    lambda request: map_context(_("Suggest an actor for the map")),
    rate_group="suggest_actor",
)


def suggest_actor_done(request):
    return render(request, "ecosystem/suggest_actor_done.html", map_context(_("Thank you for your suggestion")))
