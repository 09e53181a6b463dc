"""Admin panels shared by the page types."""

import os

from django import forms
from django.forms.formsets import ORDERING_FIELD_NAME
from django.utils.translation import gettext_lazy as _
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


class UploadInRowInput(forms.FileInput):
    """The file input of a row; its script keeps the file out of Wagtail's autosave, so that the
    editor's own save sends it once and one file makes one document."""

    def __init__(self, attrs=None):
        super().__init__({"data-upload-in-row": "", **(attrs or {})})

    class Media:
        js = ["home/js/upload-in-row.js"]


class UploadedDocumentMixin:
    """A row whose document may be uploaded in place ("upload") instead of chosen in the chooser's
    pop-up: the file becomes a document in the editor's first collection, checked by the admin's
    document form (WAGTAILDOCS_DOCUMENT_FORM_BASE) as any upload is."""

    document_field = "document"
    upload_field = "upload"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound and self.files.get(self.add_prefix(self.upload_field)):
            self.fields[self.document_field].required = False

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get(self.upload_field)
        if upload and not cleaned_data.get(self.document_field) and not self.errors:
            document_form = self.document_form(upload)
            if document_form.is_valid():
                document = document_form.save(commit=False)
                document.uploaded_by_user = self.for_user
                document.save()
                cleaned_data[self.document_field] = document
            else:
                for errors in document_form.errors.values():
                    self.add_error(self.upload_field, errors)
        return cleaned_data

    def document_form(self, upload):
        from wagtail.documents import get_document_model
        from wagtail.documents.forms import get_document_form
        from wagtail.permissions import policy_registry

        document_model = get_document_model()
        policy = policy_registry.get_by_type(document_model)
        collection = policy.collections_user_has_permission_for(self.for_user, "add").order_by("path").first()
        title = os.path.splitext(os.path.basename(upload.name))[0]
        return get_document_form(document_model)(
            {"title": title, "collection": collection.pk if collection else ""},
            {"file": upload},
            user=self.for_user,
        )


class DocumentRowsInlinePanel(OptionalRowsInlinePanel):
    """Rows of documents (worksheets...) where the editor picks a file from their computer, in the
    row, without the chooser's pop-up; choosing an existing document stays possible."""

    upload_label = _("or upload a file from your computer")

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        upload = forms.FileField(label=self.upload_label, required=False, widget=UploadInRowInput)
        formset["form"] = type(formset["form"].__name__, (UploadedDocumentMixin, formset["form"]), {"upload": upload})
        formset["inherit_kwargs"] = ["for_user"]
        return options
