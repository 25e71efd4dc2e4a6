"""Forms: the public search box and the editors' parts of a page in the admin."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from .images import check_uploaded_image
from .outline import RESERVED_ANCHORS, default_anchor


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


class RasterImageField(forms.FileField):
    """An uploaded PNG, JPEG, GIF or WebP picture, renamed to match its content."""

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            info = check_uploaded_image(value)
            stem = default_anchor(value.name.rsplit(".", 1)[0])
            value.name = f"{stem}.{info.format}"
            value.image_info = info
        return value


class StepForm(forms.ModelForm):
    illustration = RasterImageField(
        label=_("Illustration"),
        required=False,
        help_text=_("A PNG, JPEG, GIF or WebP picture, 5 MB at most."),
    )

    def clean(self):
        cleaned = super().clean()
        illustration = cleaned.get("illustration")
        info = getattr(illustration, "image_info", None)
        if info is not None:
            self.instance.illustration_width = info.width
            self.instance.illustration_height = info.height
        elif illustration is False:  # "Clear" was ticked
            self.instance.illustration_width = None
            self.instance.illustration_height = None
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
            anchor = form.cleaned_data.get("anchor") or default_anchor(
                form.cleaned_data.get("heading", "")
            )
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
