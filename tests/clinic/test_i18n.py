"""English at today's addresses, Spanish under /es/: every public page in Spanish, with
``lang``, ``hreflang`` alternates, a header link to the same page in the other
language, a sitemap of both, and no English interface text left on a Spanish page.

The last check swaps the Spanish catalogue for a marked copy: every translated string
starts each of its text runs with "¤". The test data's own text (clinic, locations,
pages) starts with "§". Rendered in Spanish, every piece of text a visitor reads must
then carry one of the two marks: a piece with neither is an interface string that was
never wrapped in gettext, or has no Spanish translation.
"""

import datetime
import re
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import trans_real

from appointments.botcheck import timing_token
from appointments.models import AppointmentRequest
from clinic.models import ClinicSettings, Location
from education.models import Page
from tests.conftest import make_location
from tests.e2e.pages import PUBLIC_PAGES
from tests.education.conftest import make_page, make_part

pytestmark = pytest.mark.django_db

CATALOGUE_MARK = "¤"
CONTENT_MARK = "§"
LETTER = re.compile(r"[^\W\d_]")
TEXT_RUN = re.compile(r"(^|>)(?=[^<])")
# Read by people: text, and these attributes.
READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "label")
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
# The public pages named without arguments; the two detail pages are made here.
PAGE_NAMES = [p.url_name for p in PUBLIC_PAGES if not p.kwargs and not p.query]


class ReadText(HTMLParser):
    """The pieces of text a visitor reads on a page: text outside scripts and
    styles, the title and description, and the attributes read out. Text inside an
    element with another ``lang`` (the link to the English page) is left out."""

    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[tuple[str, bool]] = []
        self.pieces: list[str] = []

    def _skipped(self) -> bool:
        return any(skip for _tag, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        other_language = attrs.get("lang") not in (None, self.language)
        skip = tag in ("script", "style") or other_language
        if tag == "html":
            skip = False
        if not (self._skipped() or skip):
            for name in READ_ATTRIBUTES:
                if attrs.get(name):
                    self.pieces.append(attrs[name])
            if tag == "meta" and attrs.get("name") == "description":
                self.pieces.append(attrs.get("content", ""))
        if tag not in VOID:
            self.stack.append((tag, skip))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self._skipped() and data.strip():
            self.pieces.append(data.strip())


def unmarked_text(html: str, language: str = "es") -> list[str]:
    """Pieces of read text with letters and neither mark."""
    parser = ReadText(language)
    parser.feed(html)
    return [
        piece
        for piece in parser.pieces
        if LETTER.search(piece)
        and CATALOGUE_MARK not in piece
        and CONTENT_MARK not in piece
    ]


def mark(translated: str) -> str:
    return TEXT_RUN.sub(r"\1" + CATALOGUE_MARK, translated)


@pytest.fixture
def marked_catalogue():
    """The Spanish catalogue with every translation marked, for one test."""
    catalogue = trans_real.translation("es")._catalog
    saved = catalogue._catalogs
    catalogue._catalogs = [
        {key: mark(value) if key else value for key, value in part.items()}
        for part in saved
    ]
    yield
    catalogue._catalogs = saved


@pytest.fixture
def marked_site(db):
    """A clinic, a location and a page of each kind with all their parts, every
    text of which carries the content mark."""
    ClinicSettings.objects.create(
        name="§Clinic",
        tagline="§Spine care.",
        main_phone="555-0142",
        after_hours_phone="555-0143",
    )
    make_location(
        name="§Riverside",
        slug="riverside",
        address="§1 River Road\n§Example Town",
        opening_hours="§Monday to Friday",
    )
    fields = {
        "reviewed_by": "§Dr. Ada",
        "reviewer_credentials": "§MD",
        "last_reviewed": datetime.date(2026, 3, 1),
    }
    procedure = make_page(
        title="§Kyphoplasty",
        slug="kyphoplasty",
        summary="§What it is.",
        glance_time="§An hour",
        glance_anesthesia="§Sedation",
        glance_stay="§Home the same day",
        glance_recovery="§A few days",
        **fields,
    )
    condition = make_page(
        kind=Page.Kind.CONDITION,
        title="§Osteoporosis",
        slug="osteoporosis",
        summary="§Weak bones.",
        **fields,
    )
    for page in (procedure, condition):
        for order, part in enumerate(("section", "step", "faq", "timeline")):
            make_part(
                page,
                part,
                heading=f"§{part} heading",
                body=f"§Words about the {part}.",
                order=order * 10 + 10,
            )
    procedure.related.add(condition)
    condition.related.add(procedure)
    return procedure, condition


def spanish(name: str, *args) -> str:
    with translation.override("es"):
        return reverse(name, args=args)


def english(name: str, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


def detail_pages():
    return [
        ("education:procedure-detail", "kyphoplasty"),
        ("education:condition-detail", "osteoporosis"),
    ]


# --- Addresses -----------------------------------------------------------------


def test_english_keeps_its_addresses_and_spanish_is_under_es():
    assert english("clinic:home") == "/"
    assert english("appointments:request-create") == "/appointments/request/"
    assert spanish("clinic:home") == "/es/"
    assert spanish("appointments:request-create") == "/es/appointments/request/"


def test_admin_health_sitemap_and_robots_have_one_address(client):
    for name in ("healthz", "sitemap", "robots", "admin:index"):
        assert spanish(name) == english(name)
        assert not spanish(name).startswith("/es/")
    assert client.get("/es/sitemap.xml").status_code == 404
    assert client.get("/es/robots.txt").status_code == 404
    assert client.get("/es/admin/").status_code == 404


def test_the_admin_stays_in_english_whatever_the_browser_asks(client, superuser):
    client.force_login(superuser)
    response = client.get("/admin/", headers={"accept-language": "es"})
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()


def test_an_english_address_is_english_even_for_a_spanish_browser(client, marked_site):
    response = client.get("/", headers={"accept-language": "es"})
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()


# --- Every public page in Spanish ------------------------------------------------


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_spanish_pages_answer_in_spanish(client, marked_site, name):
    response = client.get(spanish(name))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="es">' in html
    assert "Pedir una cita" in html  # the header's call to action


def test_spanish_education_pages_answer_in_spanish(client, marked_site):
    for name, slug in detail_pages():
        response = client.get(spanish(name, slug))
        assert response.status_code == 200
        assert '<html lang="es">' in response.content.decode()


def alternates(html: str) -> dict[str, str]:
    return dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
    )


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_every_public_page_names_both_languages_and_x_default(
    client, marked_site, name
):
    for address in (english(name), spanish(name)):
        found = alternates(client.get(address).content.decode())
        assert found == {
            "en": "http://testserver" + english(name),
            "es": "http://testserver" + spanish(name),
            "x-default": "http://testserver" + english(name),
        }


def test_education_pages_name_their_own_spanish_and_english_addresses(
    client, marked_site
):
    found = alternates(client.get("/procedures/kyphoplasty/").content.decode())
    assert found["es"] == "http://testserver/es/procedures/kyphoplasty/"
    assert found["en"] == found["x-default"]
    assert found["en"] == "http://testserver/procedures/kyphoplasty/"


def language_link(html: str) -> tuple[str, str, str]:
    """The header's link to the other language: (address, lang, words). It is
    written twice (beside the phone number, and beside the button on phones)."""
    header = html.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]
    links = set(
        re.findall(
            r'<a class="site-language[^"]*" href="([^"]*)" lang="([^"]+)" '
            r'hreflang="[^"]+">([^<]+)</a>',
            header,
        )
    )
    assert len(links) == 1, links
    return links.pop()


def test_the_header_links_to_the_same_page_in_the_other_language(client, marked_site):
    html = client.get("/procedures/kyphoplasty/").content.decode()
    assert language_link(html) == ("/es/procedures/kyphoplasty/", "es", "Español")
    html = client.get("/es/procedures/kyphoplasty/").content.decode()
    assert language_link(html) == ("/procedures/kyphoplasty/", "en", "English")


def test_the_language_link_keeps_a_search_and_a_chosen_topic(client, marked_site):
    html = client.get("/search/?q=bone").content.decode()
    assert language_link(html)[0] == "/es/search/?q=bone"
    html = client.get("/es/appointments/request/?topic=kyphoplasty").content.decode()
    assert language_link(html)[0] == "/appointments/request/?topic=kyphoplasty"


def test_a_missing_page_is_in_spanish_under_es_and_links_to_the_english_home(
    client, marked_site
):
    response = client.get("/es/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="es">' in html
    assert "No encontramos esa página" in html
    assert language_link(html)[0] == "/"
    assert not alternates(html)  # an error page is no page to index


def test_the_sitemap_lists_every_page_in_both_languages(client, marked_site):
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)  # noqa: S314
    ns = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    locations = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    for path in ("/", "/procedures/", "/procedures/kyphoplasty/", "/locations/"):
        assert "http://testserver" + path in locations
        assert "http://testserver/es" + path in locations
    first = root.find("s:url", ns)
    links = {
        link.get("hreflang"): link.get("href") for link in first.findall("x:link", ns)
    }
    assert set(links) == {"en", "es", "x-default"}


# --- Localised formats -----------------------------------------------------------


def test_dates_are_written_the_spanish_way_on_spanish_pages(client, marked_site):
    english_html = client.get("/procedures/kyphoplasty/").content.decode()
    spanish_html = client.get("/es/procedures/kyphoplasty/").content.decode()
    assert "March 1, 2026" in english_html
    assert "1 de marzo de 2026" in spanish_html
    assert "March" not in spanish_html


def test_numbers_are_written_the_spanish_way_on_the_privacy_page(
    client, marked_site, settings
):
    settings.APPOINTMENT_RETENTION_DAYS = 913  # 2.5 years
    assert "2.5 years" in client.get("/privacy/").content.decode()
    assert "2,5 años" in client.get("/es/privacy/").content.decode()


# --- No English left ---------------------------------------------------------------


def test_the_check_finds_a_string_left_out_of_gettext():
    html = (
        '<html lang="es"><head><title>¤Inicio · §Clinic</title></head><body>'
        '<p>¤Llame al <a href="tel:911">911</a>¤ o vaya a urgencias.</p>'
        '<p>Call us now</p><button aria-label="Close">×</button>'
        '<a lang="en" href="/">English</a><script>var x = "words";</script>'
        "</body></html>"
    )
    assert unmarked_text(html) == ["Call us now", "Close"]


def spanish_public_pages(client):
    """Every public page and state a patient can reach, rendered in Spanish."""
    pages = {name: client.get(spanish(name)) for name in PAGE_NAMES}
    for name, slug in detail_pages():
        pages[name] = client.get(spanish(name, slug))
    search = spanish("education:search")
    pages["search results"] = client.get(search, {"q": "§Kyphoplasty"})
    pages["search, nothing found"] = client.get(search, {"q": "zzzzqqq"})
    pages["search, too long"] = client.get(search, {"q": "x" * 101})
    pages["not found"] = client.get("/es/no-such-page/")
    form = spanish("appointments:request-create")
    pages["form with errors"] = client.post(
        form,
        {"for_someone_else": "yes", "started": timing_token(), "message": "§" * 1001},
    )
    location = Location.objects.get(slug="riverside")
    valid = {
        "for_someone_else": "no",
        "first_name": "Ana",
        "last_name": "Ruiz",
        "date_of_birth": "04/17/1946",
        "phone": "(202) 555-0143",
        "email": "ana@example.com",
        "contact_method": "phone",
        "best_time": "any",
        "preferred_language": "es",
        "location": str(location.pk),
        "patient_type": "new",
        "pain_started": "under_8_weeks",
        "warning_symptoms": ["fever"],
        "consent": "on",
        "started": timing_token(),
    }
    assert client.post(form, valid).status_code == 302
    pages["confirmation, urgent"] = client.get(spanish("appointments:request-thanks"))
    pages["confirmation, shown already"] = client.get(
        spanish("appointments:request-thanks")
    )
    return pages


def test_no_english_interface_text_is_left_on_spanish_pages(
    client, marked_site, marked_catalogue, settings
):
    settings.APPOINTMENT_MIN_FILL_SECONDS = 0
    pages = spanish_public_pages(client)
    assert len(pages) == 16
    reference = AppointmentRequest.objects.get().reference
    left = {}
    for name, response in pages.items():
        assert response.status_code in (200, 404), name
        # The reference code is the request's data, not interface text.
        html = response.content.decode().replace(reference, CONTENT_MARK)
        assert CATALOGUE_MARK in html, name  # the marked catalogue was used
        if found := unmarked_text(html):
            left[name] = found
    assert left == {}
