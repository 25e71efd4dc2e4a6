"""Forms: the public search box and the editors' parts of a page in the admin."""

from django import forms
from django.forms.models import BaseInlineFormSet
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from .outline import RESERVED_ANCHORS, default_anchor

# What editors may upload, by Pillow's name for the format, with the file extension
# it is stored under. SVG is not among them: it can carry scripts, so the only SVG
# drawings are the ones that ship with the site (the demo loader copies them).
PICTURE_FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}
# A camera's JPEG holding several pictures: Pillow opens it as MPO.
EXTENSIONS = {**PICTURE_FORMATS, "MPO": "jpg"}
MAX_PICTURE_MB = 5
MAX_PICTURE_SIDE = 6000
MAX_PICTURE_MEGAPIXELS = 24


class BoxText(forms.CharField):
    """A text box's words with the line breaks browsers send (``\r\n``) read as the
    text is stored (``\n``), so a box nobody touched never counts as changed."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n").replace("\r", "\n")


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search our patient guides"),
        max_length=100,
        required=False,
        strip=True,
        widget=forms.SearchInput(attrs={"autocomplete": "off", "spellcheck": "true"}),
        error_messages={
            "max_length": _("Please use 100 characters or fewer."),
        },
    )


class PictureField(forms.FileField):
    """An uploaded PNG, JPEG, GIF or WebP picture within the limits above, checked
    by content and renamed after its format. Pillow reads the size from the header
    before decoding anything, then decodes the whole picture, so a decompression
    bomb, a huge header and a truncated or corrupt file are all refused."""

    default_error_messages = {
        "not_picture": _(
            "Upload a PNG, JPEG, GIF or WebP picture. Other files, SVG drawings "
            "included, cannot be uploaded here."
        ),
        "too_large": _(
            "This picture is larger than %(megabytes)s MB. Please save a smaller copy."
        ),
        "too_many_pixels": _(
            "This picture is too big: at most %(side)s pixels wide or high and "
            "%(megapixels)s megapixels in all. Please save a smaller copy."
        ),
        "broken": _(
            "This picture is damaged or incomplete. Please save it again and "
            "upload the new copy."
        ),
    }

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        if upload.size > MAX_PICTURE_MB * 1024 * 1024:
            raise self._error("too_large")
        try:
            with Image.open(upload, formats=list(PICTURE_FORMATS)) as picture:
                width, height = picture.size
                side_too_long = max(width, height) > MAX_PICTURE_SIDE
                if side_too_long or width * height > MAX_PICTURE_MEGAPIXELS * 10**6:
                    raise self._error("too_many_pixels")
                picture.load()
                extension = EXTENSIONS[picture.format]
                upload.image = picture  # as Django's ImageField does
        except forms.ValidationError:
            raise
        except Image.DecompressionBombError as error:
            raise self._error("too_many_pixels") from error
        except UnidentifiedImageError as error:
            raise self._error("not_picture") from error
        except Exception as error:  # Pillow's many ways of saying "cannot decode"
            raise self._error("broken") from error
        upload.seek(0)
        stem = slugify(upload.name.rsplit(".", 1)[0])[:60] or "illustration"
        upload.name = f"{stem}.{extension}"
        return upload

    def _error(self, code: str) -> forms.ValidationError:
        limits = {
            "megabytes": MAX_PICTURE_MB,
            "side": MAX_PICTURE_SIDE,
            "megapixels": MAX_PICTURE_MEGAPIXELS,
        }
        return forms.ValidationError(self.error_messages[code], code, limits)

    def widget_attrs(self, widget):
        accept = ",".join(f"image/{name.lower()}" for name in PICTURE_FORMATS)
        return {**super().widget_attrs(widget), "accept": accept}


class StepForm(forms.ModelForm):
    """A step; its illustration's size is kept for the page's ``<img>``."""

    class Meta:
        field_classes = {"illustration": PictureField}

    def clean(self):
        cleaned = super().clean()
        illustration = cleaned.get("illustration")
        if illustration is False:  # "Clear" was ticked
            self.instance.illustration_width = self.instance.illustration_height = None
        elif hasattr(illustration, "image"):
            width, height = illustration.image.size
            self.instance.illustration_width = width
            self.instance.illustration_height = height
        return cleaned


class PartFormSet(BaseInlineFormSet):
    """A page's parts of one type. Each type gets its own prefix ("sections",
    "steps", ...): they share one table and would otherwise all be "parts"."""

    @classmethod
    def get_default_prefix(cls):
        return f"{cls.model.TYPE}s"


class SectionFormSet(PartFormSet):
    """Each section's link name must be unique on the page and not one the page
    template uses for itself."""

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not form.has_changed() and not form.instance.pk:
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            # The link name is made from the English heading (``heading_en``).
            heading = form.cleaned_data.get("heading_en") or ""
            anchor = form.cleaned_data.get("anchor") or default_anchor(heading)
            if anchor in RESERVED_ANCHORS:
                form.add_error(
                    "anchor",
                    _("“%(anchor)s” is used by the page itself; choose another.")
                    % {"anchor": anchor},
                )
            elif anchor in seen:
                form.add_error(
                    "anchor",
                    _("Two sections would link as “%(anchor)s”; give one another name.")
                    % {"anchor": anchor},
                )
            seen.add(anchor)
