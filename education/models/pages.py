"""Pages: procedures and conditions, the reads reused on them, and their old addresses.

``Procedure`` and ``Condition`` are proxies of ``Page`` so each has its own entry,
list and permissions in the admin.
"""

import reversion
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..search import search_pages


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
