from wagtail import hooks

from portal.rich_text import LocalizedPageLinkHandler


# After Wagtail's own registration (order 0), so that it replaces its page link handler.
@hooks.register("register_rich_text_features", order=1)
def link_pages_in_the_readers_language(features):
    features.register_link_type(LocalizedPageLinkHandler)
