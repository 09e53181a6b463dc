"""The edit page for those who cannot publish: "Envoyer en relecture" is the main button."""

from wagtail import hooks

PUBLISH, SUBMIT = "action-publish", "action-submit"


@hooks.register("construct_page_action_menu")
def submit_first_for_who_cannot_publish(menu_items, request, context):
    """Without the right to publish, sending for review is what an editor does once the card is
    written (autosave keeps the draft): it becomes the main button, one click instead of two."""
    names = [item.name for item in menu_items]
    if PUBLISH in names or SUBMIT not in names:
        return
    menu_items.insert(0, menu_items.pop(names.index(SUBMIT)))
