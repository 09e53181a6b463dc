"""The public "propose a method" form."""

import logging

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_ratelimit.decorators import ratelimit

from methods.models import MethodIndexPage
from methods.proposals import ProposeMethodForm, create_proposal

logger = logging.getLogger(__name__)

# Per IP address, counted in the cache (shared between app servers through Redis).
PROPOSALS_RATE = "10/h"


@never_cache
@ratelimit(key="ip", rate=PROPOSALS_RATE, method="POST", block=False)
def propose_method(request):
    context = page_context(_("Propose a method"))
    if request.method == "POST":
        if getattr(request, "limited", False):
            # Friendly 429: the message, and the form still holding what the person typed.
            context.update(form=ProposeMethodForm(initial=request.POST.dict()), limited=True)
            return render(request, "methods/propose_method.html", context, status=429)
        form = ProposeMethodForm(request.POST)
        if form.is_valid():
            if form.is_spam():
                logger.info("Method proposal dropped by the honeypot")
            elif create_proposal(form.cleaned_data) is None:
                context.update(form=form, unavailable=True)
                return render(request, "methods/propose_method.html", context, status=503)
            return redirect("methods:propose_method_done")
    else:
        form = ProposeMethodForm()
    context["form"] = form
    return render(request, "methods/propose_method.html", context)


def propose_method_done(request):
    return render(request, "methods/propose_method_done.html", page_context(_("Thank you for your proposal")))


def page_context(title):
    """Title and breadcrumbs for base.html (these views are not Wagtail pages)."""
    index = MethodIndexPage.objects.live().first()
    crumbs = [{"title": index.title, "url": index.url}] if index else []
    return {"meta_title": title, "breadcrumbs": [*crumbs, {"title": title}], "method_index": index}
