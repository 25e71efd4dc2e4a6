"""Patient-education pages: procedures and conditions, and the parts they are made of.

A page's parts (sections, steps, questions and timeline entries) share one table,
``PagePart``, with a ``type`` column and a proxy model per type. One table means a
page with any number of parts loads in a fixed number of queries, one ``order`` field
sorts them, and django-reversion follows one relation, while editors still get an
inline per type. ``Procedure`` and ``Condition`` are proxies of ``Page`` so each has
its own entry, list and permissions in the admin.
"""

import reversion
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .search import search_pages

MARKDOWN_HELP = _(
    "Plain text. Leave an empty line between paragraphs. Start lines with “- ” for a "
    "bulleted list and wrap words in **two stars** for bold."
)


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Page.Status.PUBLISHED)

    def procedures(self):
        return self.filter(kind=Page.Kind.PROCEDURE)

    def conditions(self):
        return self.filter(kind=Page.Kind.CONDITION)

    def review_overdue(self, today=None):
        return self.filter(next_review_due__lt=today or timezone.localdate())

    def with_parts(self):
        """Everything a page shows, in two extra queries whatever the number of parts:
        its parts, and its related pages that are published."""
        related = Page.objects.published().only("kind", "title", "slug", "summary")
        return self.prefetch_related(
            "parts", Prefetch("related", queryset=related.order_by("title"))
        )

    def search(self, query: str):
        """Pages matching ``query``, best first (see ``education.search``)."""
        return search_pages(self, query)


class Page(models.Model):
    class Kind(models.TextChoices):
        PROCEDURE = "procedure", _("Procedure")
        CONDITION = "condition", _("Condition")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(
        _("title"),
        max_length=120,
        help_text=_("The name patients know, e.g. “Kyphoplasty”."),
    )
    slug = models.SlugField(
        _("address (slug)"),
        max_length=120,
        unique=True,
        help_text=_(
            "The last part of the page's web address: lowercase words joined by "
            "hyphens. Changing it on a published page keeps the old address working."
        ),
    )
    summary = models.CharField(
        _("summary"),
        max_length=160,
        help_text=_(
            "One or two plain sentences, 160 characters at most. Shown under the "
            "title, in lists, in search results and by search engines."
        ),
    )
    alternative_terms = models.TextField(
        _("other words patients use"),
        blank=True,
        help_text=_(
            "Words people may type into search instead of the title, one per line "
            "or separated by commas, e.g. “hunchback”, “spine cement”, “brittle "
            "bones”. Search finds the page by these words. They are not shown on "
            "the page."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_(
            "A draft is seen only by staff, at the page's own address, under a "
            "“Draft preview” banner. A published page is open to everyone."
        ),
    )
    published_at = models.DateTimeField(_("first published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    glance_time = models.CharField(
        _("time it takes"),
        max_length=200,
        blank=True,
        help_text=_("For example: about 30 to 60 minutes for each treated bone."),
    )
    glance_anesthesia = models.CharField(_("anesthesia"), max_length=200, blank=True)
    glance_stay = models.CharField(_("usual stay"), max_length=200, blank=True)
    glance_recovery = models.CharField(_("recovery"), max_length=200, blank=True)

    reviewed_by = models.CharField(
        _("medical reviewer"),
        max_length=120,
        blank=True,
        help_text=_("The clinician who checked this page, e.g. “Dr. Maya Okafor”."),
    )
    reviewer_credentials = models.CharField(
        _("reviewer's credentials"),
        max_length=120,
        blank=True,
        help_text=_("For example: MD, Interventional Spine."),
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    next_review_due = models.DateField(
        _("next review due"),
        null=True,
        blank=True,
        help_text=_(
            "Set to 12 months after the last review when you save, unless you choose "
            "another date."
        ),
    )

    reading_grade = models.DecimalField(
        _("reading grade"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        editable=False,
    )
    search_text = models.TextField(_("page text"), blank=True, editable=False)
    # Kept by services.page_save: whether the page is wholly in Spanish, and when the
    # English and the Spanish text last changed ("Spanish out of date").
    spanish_complete = models.BooleanField(
        _("in Spanish"), default=False, editable=False
    )
    english_changed_at = models.DateTimeField(
        _("English last changed"), null=True, blank=True, editable=False
    )
    spanish_changed_at = models.DateTimeField(
        _("Spanish last changed"), null=True, blank=True, editable=False
    )
    related = models.ManyToManyField(
        "self",
        verbose_name=_("related pages"),
        symmetrical=False,
        blank=True,
        help_text=_(
            "Shown at the end of the page as related conditions and other "
            "treatments. Only published pages are shown."
        ),
    )

    objects = PageQuerySet.as_manager()

    KIND: str | None = None  # set by the proxies, Procedure and Condition

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        permissions = [
            ("publish_page", _("Can publish, unpublish and edit live pages"))
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["procedure", "condition"]),
                name="education_page_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(status="draft")
                | Q(status="published", published_at__isnull=False),
                name="education_page_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(status="draft")
                | (Q(last_reviewed__isnull=False) & ~Q(reviewed_by="")),
                name="education_page_published_is_reviewed",
                violation_error_message=_(
                    "A page can only be published once it has been medically "
                    "reviewed: fill in the medical reviewer and the date of the last "
                    "review."
                ),
            ),
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.KIND:
            self.kind = self.KIND

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(f"education:{self.kind}-detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def is_visible_to(self, user) -> bool:
        """Published pages are public; drafts only for staff who may view them."""
        if self.is_published:
            return True
        return bool(
            user.is_authenticated
            and user.is_staff
            and user.has_perm(f"education.view_{self.kind}")
        )

    @property
    def at_a_glance(self) -> list[tuple[str, str]]:
        fields = ("glance_time", "glance_anesthesia", "glance_stay", "glance_recovery")
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in fields
            if getattr(self, name)
        ]

    @property
    def spanish_out_of_date(self) -> bool:
        """The Spanish text is older than the last change to the English text."""
        english, spanish = self.english_changed_at, self.spanish_changed_at
        return bool(self.spanish_complete and english and spanish and spanish < english)

    @property
    def related_procedures(self) -> list["Page"]:
        return [p for p in self.related.all() if p.kind == self.Kind.PROCEDURE]

    @property
    def related_conditions(self) -> list["Page"]:
        return [p for p in self.related.all() if p.kind == self.Kind.CONDITION]


class KindManager(models.Manager.from_queryset(PageQuerySet)):
    """The pages of one kind: the proxy's ``KIND``."""

    def get_queryset(self):
        return super().get_queryset().filter(kind=self.model.KIND)


@reversion.register(follow=("parts",), for_concrete_model=False)
class Procedure(Page):
    KIND = Page.Kind.PROCEDURE

    objects = KindManager()

    class Meta:
        proxy = True
        verbose_name = _("procedure")
        verbose_name_plural = _("procedures")


@reversion.register(follow=("parts",), for_concrete_model=False)
class Condition(Page):
    KIND = Page.Kind.CONDITION

    objects = KindManager()

    class Meta:
        proxy = True
        verbose_name = _("condition")
        verbose_name_plural = _("conditions")


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


class PageRedirect(models.Model):
    """An address a page used to have, sent on to the page with a 301."""

    old_slug = models.SlugField(_("old address (slug)"), max_length=120, unique=True)
    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="redirects", verbose_name=_("page")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["old_slug"]
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.page.slug}"


class PageDraft(models.Model):
    """Changes to a page waiting to be published, and where their review stands.

    For a live page, ``content`` holds the whole changed page (its fields, parts and
    related pages, as Django's serializer writes them) while the page's own rows stay
    what patients read. For a page that is not live, the page's rows are the draft
    and ``content`` is empty: the row only records the review.
    """

    class State(models.TextChoices):
        EDITING = "editing", _("Being edited")
        IN_REVIEW = "in_review", _("Awaiting review")
        SENT_BACK = "sent_back", _("Sent back to the editor")
        SCHEDULED = "scheduled", _("Scheduled to publish")

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, related_name="draft", verbose_name=_("page")
    )
    content = models.JSONField(
        _("changed page"), null=True, blank=True, encoder=DjangoJSONEncoder
    )
    changes = models.TextField(_("what changed"), blank=True)
    state = models.CharField(
        _("review"), max_length=20, choices=State.choices, default=State.EDITING
    )
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last edited by"),
    )
    edited_at = models.DateTimeField(_("last edited"), default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    # Scheduled publishing: the task queue publishes the draft at ``publish_at``
    # as the reviewer who scheduled it, with the review date they confirmed.
    publish_at = models.DateTimeField(_("publish on"), null=True, blank=True)
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("scheduled by"),
    )
    scheduled_last_reviewed = models.DateField(
        _("medically reviewed on, as confirmed when scheduled"), null=True, blank=True
    )

    class Meta:
        ordering = ["-edited_at"]
        verbose_name = _("pending change")
        verbose_name_plural = _("pending changes")
        constraints = [
            models.CheckConstraint(
                condition=Q(state="scheduled", publish_at__isnull=False)
                | (~Q(state="scheduled") & Q(publish_at__isnull=True)),
                name="education_draft_scheduled_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.page}: {self.get_state_display()}"
