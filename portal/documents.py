"""Document uploads: an empty, damaged, mislabelled or inflating file is refused with a message."""

import os

from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm

from search.documents import UnreadableDocument, check_file


class DocumentForm(BaseDocumentForm):
    """The admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE), with the file checked from its
    headers and zip directory (search.documents.check_file) before it is stored."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded is None or uploaded == self.original_file:
            return uploaded
        extension = os.path.splitext(uploaded.name)[1].lower().lstrip(".")
        try:
            check_file(uploaded, extension)
        except UnreadableDocument as error:
            raise ValidationError(str(error), code="unreadable_document") from error
        return uploaded
