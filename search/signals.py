from .documents import update_document_text


def document_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """Keep the document's extracted text in step with its file (and title)."""
    if raw or (update_fields and set(update_fields) <= {"file_hash", "file_size"}):
        return
    update_document_text(instance)
