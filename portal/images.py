"""Image uploads: a broken or truncated file is refused with a message, never a 500."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# What Pillow raises on a damaged file, outside the errors Wagtail turns into "invalid image".
DECODING_ERRORS = (OSError, SyntaxError, ValueError, IndexError, EOFError, PILImage.DecompressionBombError)


class CheckedImageField(WagtailImageField):
    """Wagtail's image field that also decodes the file once, so that a corrupt or truncated
    image is refused at upload instead of failing later in a rendition."""

    default_error_messages = {
        "damaged_image": _(
            "This image file is damaged or incomplete. Save it again from your image software, then upload it again."
        ),
    }

    def to_python(self, data):
        try:
            uploaded = super().to_python(data)
            if uploaded is not None:
                self.check_decodes(uploaded)
        except DECODING_ERRORS as error:
            raise ValidationError(self.error_messages["damaged_image"], code="damaged_image") from error
        return uploaded

    @staticmethod
    def check_decodes(uploaded):
        uploaded.seek(0)
        with PILImage.open(uploaded) as image:
            if image.format == "PNG":
                image.verify()  # every chunk's checksum, without inflating the pixels
            else:
                if image.format == "JPEG":
                    # Decoding at 1/8 scale reads every byte of the file for a fraction of the memory.
                    image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
                image.load()
        uploaded.seek(0)


class ImageForm(BaseImageForm):
    """The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE) with the checked file field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            checked = CheckedImageField(
                required=field.required, label=field.label, help_text=field.help_text, max_length=field.max_length
            )
            checked.widget = field.widget
            self.fields["file"] = checked
