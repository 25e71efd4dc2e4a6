"""The sitemap: the list pages and every published page with its last change, each in
English and Spanish with the other language (and x-default, English) as alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Page


class PageSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Page.objects.published().only("kind", "slug", "updated_at")

    def lastmod(self, page):
        return page.updated_at


class SectionSitemap(Sitemap):
    """The home page and the lists that lead to the pages."""

    changefreq = "weekly"
    priority = 0.6
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return [
            "clinic:home",
            "education:procedure-list",
            "education:condition-list",
            "clinic:locations",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"sections": SectionSitemap, "pages": PageSitemap}
