"""The actor's admin form: a partner lab's editor files the actor under one of their own labs."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from ecosystem.permissions import editable_labs


class ActorAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or user.has_perm("ecosystem.change_actor"):
            return
        # A partner editor: their own labs as a plain list (no chooser pop-up), one of them required,
        # so that the actor stays theirs to edit.
        field = self.fields["lab"]
        field.queryset = editable_labs(user)
        field.required = True
        field.empty_label = None
        field.widget = forms.Select(choices=field.choices)
        field.help_text = _("The actor stays yours to edit; a communicator reviews it before it appears on the map.")
