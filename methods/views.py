"""The public "propose a method" form."""

import logging

from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_ratelimit.core import get_usage

from methods.models import MethodIndexPage
from methods.proposals import ProposeMethodForm, create_proposal

logger = logging.getLogger(__name__)

# Valid proposals per IP address, counted in the cache (shared between app servers through
# Redis; the deploy check portal.W001 warns when the cache is per process).
PROPOSALS_RATE = "10/h"


@never_cache
def propose_method(request):
    context = page_context(_("Propose a method"))
    if request.method == "POST":
        form = ProposeMethodForm(request.POST)
        if form.is_valid():
            # Only valid posts count: a person correcting their form is not held back.
            usage = get_usage(request, group="propose_method", key="ip", rate=PROPOSALS_RATE, increment=True)
            if usage and usage["should_limit"]:
                # Friendly 429: the message, and the form still holding what the person typed.
                context.update(form=ProposeMethodForm(initial=request.POST.dict()), limited=True)
                response = render(request, "methods/propose_method.html", context, status=429)
                response["Retry-After"] = str(max(usage["time_left"], 1))
                return response
            if form.is_spam():
                logger.info("Method proposal dropped by the honeypot")
            else:
                try:
                    proposal = create_proposal(form.cleaned_data)
                except IntegrityError:
                    # An editor added a page under the method index at the same instant.
                    logger.warning("Method proposal collided with another page", exc_info=True)
                    proposal = None
                if proposal is None:
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
