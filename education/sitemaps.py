"""The sitemap: the list pages and every published page with its last change."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Page


class PageSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Page.objects.published().only("kind", "slug", "updated_at")

    def lastmod(self, page):
        return page.updated_at


class SectionSitemap(Sitemap):
    """The home page and the lists that lead to the pages."""

    changefreq = "weekly"
    priority = 0.6

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
