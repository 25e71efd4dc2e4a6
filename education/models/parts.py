"""The parts a page is made of: sections, steps, questions and timeline entries.

They share one table, ``PagePart``, with a ``type`` column and a proxy model per type.
One table means a page with any number of parts loads in a fixed number of queries,
one ``order`` field sorts them, and django-reversion follows one relation, while
editors still get an inline per type.
"""

import reversion
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .pages import Page

MARKDOWN_HELP = _(
    "Plain text. Leave an empty line between paragraphs. Start lines with “- ” for a "
    "bulleted list and wrap words in **two stars** for bold."
)


@reversion.register()
class PagePart(models.Model):
    class Type(models.TextChoices):
        SECTION = "section", _("Section")
        STEP = "step", _("Step")
        FAQ = "faq", _("Question and answer")
        TIMELINE = "timeline", _("Timeline entry")

    class Group(models.TextChoices):
        STEPS = "steps", _("The numbered steps")
        TIMELINE = "timeline", _("The recovery timeline")
        FAQS = "faqs", _("The questions and answers")

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="parts")
    type = models.CharField(
        _("type"), max_length=20, choices=Type.choices, editable=False
    )
    order = models.PositiveSmallIntegerField(
        _("order"),
        default=0,
        help_text=_(
            "Lowest number first. Numbering 10, 20, 30 leaves room to add one between."
        ),
    )
    heading = models.CharField(_("heading"), max_length=200)
    anchor = models.SlugField(
        _("link name"),
        max_length=60,
        blank=True,
        help_text=_(
            "Used in links to this section (#link-name). Left empty, it is made from "
            "the heading."
        ),
    )
    body = models.TextField(_("text"), help_text=MARKDOWN_HELP)
    body_html = models.TextField(_("text as shown"), blank=True, editable=False)
    show_after = models.CharField(
        _("show after this section"),
        max_length=20,
        choices=Group.choices,
        blank=True,
        help_text=_("Place a group of the page's parts right after this section."),
    )
    # Uploads are checked by forms.PictureField, which also gives the size below.
    # No width_field/height_field: Django would read the stored file again on every
    # save, and the SVG drawings that ship with the demo are stored here too.
    illustration = models.ImageField(
        _("illustration"),
        upload_to="education/illustrations/",
        blank=True,
        help_text=_(
            "A PNG, JPEG, GIF or WebP picture: at most 5 MB, 6000 pixels wide or "
            "high and 24 megapixels."
        ),
    )
    alt = models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_(
            "Required with an illustration: say what the picture shows for people "
            "who cannot see it, in a sentence or two."
        ),
    )
    illustration_width = models.PositiveIntegerField(null=True, blank=True)
    illustration_height = models.PositiveIntegerField(null=True, blank=True)

    TYPE: str | None = None

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("page part")
        verbose_name_plural = _("page parts")
        constraints = [
            models.CheckConstraint(
                # The English alt text: every page has its English text.
                condition=Q(illustration="")
                | (Q(alt_en__isnull=False) & ~Q(alt_en="")),
                name="education_part_illustration_has_alt",
                violation_error_message=_(
                    "Add alt text that describes the illustration, or remove it."
                ),
            ),
            models.CheckConstraint(
                condition=Q(type__in=["section", "step", "faq", "timeline"]),
                name="education_part_type_valid",
            ),
        ]
        indexes = [models.Index(fields=["page", "order"])]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.TYPE:
            self.type = self.TYPE

    def __str__(self) -> str:
        return self.heading


class PartTypeManager(models.Manager):
    """The parts of one type: the proxy's ``TYPE``."""

    def get_queryset(self):
        return super().get_queryset().filter(type=self.model.TYPE)


@reversion.register()
class Section(PagePart):
    TYPE = PagePart.Type.SECTION

    objects = PartTypeManager()

    class Meta:
        proxy = True
        verbose_name = _("section")
        verbose_name_plural = _("sections")


@reversion.register()
class Step(PagePart):
    TYPE = PagePart.Type.STEP

    objects = PartTypeManager()

    class Meta:
        proxy = True
        verbose_name = _("step")
        verbose_name_plural = _("steps, numbered in this order")


@reversion.register()
class Faq(PagePart):
    TYPE = PagePart.Type.FAQ

    objects = PartTypeManager()

    class Meta:
        proxy = True
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers (FAQs)")


@reversion.register()
class TimelineEntry(PagePart):
    TYPE = PagePart.Type.TIMELINE

    objects = PartTypeManager()

    class Meta:
        proxy = True
        verbose_name = _("timeline entry")
        verbose_name_plural = _("recovery timeline")
