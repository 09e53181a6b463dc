"""Admin hooks: partner lab editors see live pages plus their own lab's drafts in the page chooser."""

from wagtail import hooks

from editorial.partners import restrict_for_partner


@hooks.register("construct_page_chooser_queryset")
def hide_other_labs_drafts_in_chooser(pages, request):
    return restrict_for_partner(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def hide_other_labs_drafts_in_explorer(parent_page, pages, request):
    return restrict_for_partner(pages, request.user)
