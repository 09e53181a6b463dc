from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.documents import get_document_model
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .models import Synonym
        from .signals import document_saved, forget_facet_pages
        from .synonyms import forget_synonyms

        post_save.connect(document_saved, sender=get_document_model(), dispatch_uid="search_document_text")
        for signal in (post_save, post_delete, page_published, page_unpublished, post_page_move):
            signal.connect(forget_facet_pages, dispatch_uid="search_facet_pages")
        for signal in (post_save, post_delete):
            signal.connect(forget_synonyms, sender=Synonym, dispatch_uid="search_synonyms")
