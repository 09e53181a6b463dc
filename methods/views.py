"""The public "propose a method" form."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from home.suggestions import page_context, suggestion_view
from methods.models import MethodIndexPage
from methods.proposals import ProposeMethodForm, create_proposal


def index_context(title):
    return page_context(title, MethodIndexPage.objects.live().first())


propose_method = suggestion_view(
    ProposeMethodForm,
    "methods/propose_method.html",
    lambda form: create_proposal(form.cleaned_data),
    "methods:propose_method_done",
    lambda request: index_context(_("Propose a method")),
    rate_group="propose_method",
)


def propose_method_done(request):
    return render(request, "methods/propose_method_done.html", index_context(_("Thank you for your proposal")))
