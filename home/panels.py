"""Admin panels shared by the page types."""

from django.forms.formsets import ORDERING_FIELD_NAME
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel


class EmptyNewRowMixin:
    """A row added to an inline panel whose fields are all left empty has not changed, although the
    editor's JavaScript numbered it: Django's formset then skips it, as it does an untouched extra
    row, instead of refusing the save (and pausing Wagtail's autosave) over its required fields."""

    def has_changed(self):
        if self.instance.pk is None:
            return any(name != ORDERING_FIELD_NAME for name in self.changed_data)
        return super().has_changed()

    def full_clean(self):
        super().full_clean()
        if hasattr(self, "cleaned_data") and ORDERING_FIELD_NAME in self.fields:
            # Wagtail's InlinePanel sorts the rows by it when it shows the form again; a skipped row has none.
            self.cleaned_data.setdefault(ORDERING_FIELD_NAME, None)


class OptionalRowsInlinePanel(InlinePanel):
    """An InlinePanel whose rows added and left empty are dropped on save instead of being errors."""

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        row_form = formset.get("form", WagtailAdminModelForm)
        formset["form"] = type(f"Optional{row_form.__name__}", (EmptyNewRowMixin, row_form), {})
        return options
