"""Patient-education pages: procedures and conditions."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def procedures(self):
        return self.filter(kind=Page.Kind.PROCEDURE)

    def conditions(self):
        return self.filter(kind=Page.Kind.CONDITION)


class Page(models.Model):
    class Kind(models.TextChoices):
        PROCEDURE = "procedure", _("Procedure")
        CONDITION = "condition", _("Condition")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(_("address (slug)"), max_length=120, unique=True)
    summary = models.CharField(_("summary"), max_length=160)
    is_published = models.BooleanField(_("published"), default=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(f"education:{self.kind}-detail", kwargs={"slug": self.slug})
