"""Every public page, in one list: the browser tests, axe, Lighthouse, the HTML check,
the page cache's and the Spanish pages' tests all read it.

A page is named by its URL name (and arguments), never by a literal path, so a moved
URL moves here too. To cover a new public page, add one line to ``PUBLIC_PAGES``.
Pages reached only by submitting a form (the form's error state, the confirmation)
are not here: they need a browser to fill the form first, which the tests that use
them do.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse


@dataclass(frozen=True)
class PublicPage:
    """A page anyone can open. ``indexed=False`` marks a page kept out of search
    engines on purpose (``<meta name="robots" content="noindex">``): Lighthouse's
    is-crawlable audit then fails by design, and the audit says so.
    ``cached=False`` marks a page that ``clinic.pagecache`` does not keep whole (it
    carries a per-visit token, or answers a query)."""

    name: str
    url_name: str
    kwargs: tuple[tuple[str, str], ...] = ()
    query: tuple[tuple[str, str], ...] = ()
    indexed: bool = True
    cached: bool = True

    @property
    def path(self) -> str:
        path = reverse(self.url_name, kwargs=dict(self.kwargs))
        return f"{path}?{urlencode(self.query)}" if self.query else path

    def __str__(self) -> str:
        return self.name


PUBLIC_PAGES: tuple[PublicPage, ...] = (
    PublicPage("home", "clinic:home"),
    PublicPage("procedure-list", "education:procedure-list"),
    PublicPage(
        "procedure-detail",
        "education:procedure-detail",
        kwargs=(("slug", "kyphoplasty"),),
    ),
    PublicPage("condition-list", "education:condition-list"),
    PublicPage(
        "condition-detail",
        "education:condition-detail",
        kwargs=(("slug", "vertebral-compression-fracture"),),
    ),
    PublicPage("search", "education:search"),
    # Search results are kept out of search engines, as search engines ask.
    PublicPage(
        "search-results",
        "education:search",
        query=(("q", "fracture"),),
        indexed=False,
        cached=False,
    ),
    PublicPage("locations", "clinic:locations"),
    PublicPage("privacy", "clinic:privacy"),
    PublicPage("request-form", "appointments:request-create", cached=False),
)
