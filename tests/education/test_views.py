import json
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from education import services
from education.models import Page, PageRedirect

from .conftest import make_full_page, make_page, make_part, new_part

pytestmark = pytest.mark.django_db


class Outline(HTMLParser):
    """Headings, images, details and external resources of a page."""

    def __init__(self):
        super().__init__()
        self.headings, self.images, self.resources = [], [], []
        self.details = self.summaries = 0
        self.inline_styles = 0
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "img":
            self.images.append(attrs)
        if tag == "details":
            self.details += 1
        if tag == "summary":
            self.summaries += 1
        if "style" in attrs:
            self.inline_styles += 1
        if tag == "script":
            self.scripts.append(attrs)
        for name in ("src", "href"):
            if tag in {"img", "script", "link", "iframe", "source"} and name in attrs:
                # The page's own addresses (canonical, each language's): not loaded.
                if tag == "link" and attrs.get("rel") in ("canonical", "alternate"):
                    continue
                self.resources.append(attrs[name])


def outline_of(response) -> Outline:
    parser = Outline()
    parser.feed(response.content.decode())
    return parser


def detail(client, page):
    return client.get(page.get_absolute_url())


# --- Lists ---------------------------------------------------------------------


def test_procedure_list_shows_published_procedures_only(client, clinic_settings):
    make_page(title="Kyphoplasty")
    make_page(title="Secret draft", status=Page.Status.DRAFT)
    make_page(title="Osteoporosis", kind=Page.Kind.CONDITION)
    html = client.get(reverse("education:procedure-list")).content.decode()
    assert "Kyphoplasty" in html
    assert "Secret draft" not in html and "Osteoporosis" not in html


def test_condition_list_shows_published_conditions_only(client, clinic_settings):
    make_page(title="Kyphoplasty")
    make_page(title="Osteoporosis", kind=Page.Kind.CONDITION)
    html = client.get(reverse("education:condition-list")).content.decode()
    assert "Osteoporosis" in html and "Kyphoplasty" not in html


def test_home_page_leads_to_the_pages_and_the_search(client, clinic_settings):
    make_page(title="Kyphoplasty")
    html = client.get(reverse("clinic:home")).content.decode()
    assert 'href="/procedures/kyphoplasty/"' in html
    assert f'action="{reverse("education:search")}"' in html


# --- A procedure page ---------------------------------------------------------


def test_procedure_page_has_contents_linking_every_section(client, page):
    html = detail(client, page).content.decode()
    for anchor in ("at-a-glance", "what-it-is", "prepare", "steps", "questions"):
        assert f'href="#{anchor}"' in html
        assert f'id="{anchor}"' in html


def test_procedure_page_shows_the_at_a_glance_box(client, page):
    html = detail(client, page).content.decode()
    assert "At a glance" in html
    assert "<dt>Anesthesia</dt><dd>Sedation</dd>" in html


def test_steps_are_numbered_with_illustrations_and_alt_text(client, page):
    make_part(page, "step", heading="Filling the balloon", order=20)
    response = detail(client, page)
    html = response.content.decode()
    assert "Step 1:</span> Placing the needle" in html
    assert "Step 2:</span> Filling the balloon" in html
    images = outline_of(response).images
    assert images[0]["src"] == "/media/education/demo/needle.svg"
    assert images[0]["alt"] == "A needle going into the bone"
    assert images[0]["width"] == "400"


def test_every_image_on_a_page_has_alt_text(client, page):
    assert all(img.get("alt") for img in outline_of(detail(client, page)).images)


def test_questions_are_disclosure_widgets_that_need_no_javascript(client, page):
    response = detail(client, page)
    parsed = outline_of(response)
    assert parsed.details == parsed.summaries == 1
    assert "<summary>Does it hurt?</summary>" in response.content.decode()


def test_review_line_names_reviewer_credentials_and_date(client, page):
    html = detail(client, page).content.decode()
    assert (
        "Medically reviewed by Dr. Ada Reviewer, MD, Spine on "
        '<time datetime="2026-03-01">March 1, 2026</time>'
    ) in html


def test_call_to_action_asks_for_an_appointment_about_this_procedure(client, page):
    html = detail(client, page).content.decode()
    url = reverse("appointments:request-create") + "?topic=kyphoplasty"
    assert f'href="{url}">Request an appointment about Kyphoplasty</a>' in html


def test_related_conditions_and_other_treatments_are_listed(client, page):
    page.related.add(
        make_page(title="Osteoporosis", kind=Page.Kind.CONDITION),
        make_page(title="Vertebroplasty"),
        make_page(title="Hidden draft", status=Page.Status.DRAFT),
    )
    html = detail(client, page).content.decode()
    conditions = html.index("Related conditions")
    treatments = html.index("Other treatments")
    assert conditions < html.index("Osteoporosis</a>") < treatments
    assert treatments < html.index("Vertebroplasty</a>")
    assert "Hidden draft" not in html


def test_condition_page_links_the_procedures_that_treat_it(client, clinic_settings):
    condition = make_page(title="Osteoporosis", kind=Page.Kind.CONDITION)
    condition.related.add(make_page(title="Kyphoplasty"))
    html = detail(client, condition).content.decode()
    assert html.index("Treatments we offer") < html.index("Kyphoplasty</a>")


def test_page_has_one_h1_and_headings_never_skip_a_level(client, page):
    make_part(page, "section", heading="More", body="## A sub heading\n\nText.")
    headings = outline_of(detail(client, page)).headings
    assert headings.count(1) == 1 and headings[0] == 1
    assert all(b - a <= 1 for a, b in zip(headings, headings[1:], strict=False))


def test_public_page_loads_nothing_from_other_sites(client, page):
    resources = outline_of(detail(client, page)).resources
    assert resources and all(r.startswith("/") for r in resources)


def test_public_page_has_no_inline_style_or_script(client, page):
    parsed = outline_of(detail(client, page))
    assert parsed.inline_styles == 0
    assert [s.get("type") for s in parsed.scripts] == ["application/ld+json"]


def test_page_loads_the_education_stylesheet(client, page):
    assert "/static/css/education.css" in detail(client, page).content.decode()


def test_printed_page_carries_the_clinic_phone_and_address(client, page):
    html = detail(client, page).content.decode()
    footer = html[html.index('class="print-only') :]
    assert "555-0142" in footer[:400]
    assert "http://testserver/procedures/kyphoplasty/" in footer[:400]


# --- Drafts, redirects, errors ------------------------------------------------


def test_a_draft_is_not_found_for_the_public(client, clinic_settings):
    draft = make_page(status=Page.Status.DRAFT)
    assert detail(client, draft).status_code == 404


def test_a_draft_is_not_found_for_staff_without_permission(
    client, clinic_settings, frontdesk_user
):
    client.force_login(frontdesk_user)
    draft = make_page(status=Page.Status.DRAFT)
    assert detail(client, draft).status_code == 404


def test_an_editor_previews_a_draft_with_a_banner(client, clinic_settings, editor_user):
    client.force_login(editor_user)
    draft = make_page(status=Page.Status.DRAFT, title="Upcoming")
    response = detail(client, draft)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Draft preview." in html
    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_a_draft_preview_is_never_cached(client, clinic_settings, editor_user):
    client.force_login(editor_user)
    response = detail(client, make_page(status=Page.Status.DRAFT))
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_published_page_shows_no_preview_banner(client, editor_user, page):
    client.force_login(editor_user)
    assert "Draft preview" not in detail(client, page).content.decode()


def test_an_old_slug_redirects_permanently_to_the_new_address(
    client, page, reviewer_user
):
    page.slug = "balloon-kyphoplasty"
    services.page_save(page=page, by=reviewer_user)
    response = client.get("/procedures/kyphoplasty/")
    assert response.status_code == 301
    assert response["Location"] == "/procedures/balloon-kyphoplasty/"


def test_an_old_slug_of_a_page_now_in_draft_is_not_found(client, page, reviewer_user):
    page.slug = "balloon-kyphoplasty"
    page.status = Page.Status.DRAFT
    services.page_save(page=page, by=reviewer_user)
    assert client.get("/procedures/kyphoplasty/").status_code == 404


def test_an_old_slug_taken_by_a_draft_redirects_until_the_draft_goes_live(
    client, page, editor_user, reviewer_user
):
    page.slug = "balloon-kyphoplasty"
    services.page_save(page=page, by=reviewer_user)
    draft = make_page(title="New kyphoplasty", status=Page.Status.DRAFT)
    draft.slug = "kyphoplasty"
    services.page_save(page=draft, by=editor_user)
    response = client.get("/procedures/kyphoplasty/")
    assert response.status_code == 301
    assert response["Location"] == "/procedures/balloon-kyphoplasty/"
    client.force_login(editor_user)
    assert "Draft preview" in client.get("/procedures/kyphoplasty/").content.decode()
    client.logout()
    draft.reviewed_by, draft.last_reviewed = "Dr. A", timezone.localdate()
    services.page_publish(page=draft, by=reviewer_user)
    assert not PageRedirect.objects.filter(old_slug="kyphoplasty").exists()
    assert "New kyphoplasty" in client.get("/procedures/kyphoplasty/").content.decode()


def test_a_condition_asked_for_under_procedures_redirects(client, clinic_settings):
    make_page(slug="osteoporosis", kind=Page.Kind.CONDITION)
    response = client.get("/procedures/osteoporosis/")
    assert response.status_code == 301
    assert response["Location"] == "/conditions/osteoporosis/"


def test_an_unknown_page_is_not_found(client, clinic_settings):
    assert client.get("/procedures/no-such-page/").status_code == 404
    assert client.get("/procedures/" + "x" * 500 + "/").status_code == 404


# --- Search engines and sharing --------------------------------------------------


def test_page_has_its_own_title_description_canonical_and_open_graph(client, page):
    html = detail(client, page).content.decode()
    assert "<title>Kyphoplasty: how it is done, risks and recovery" in html
    assert '<meta name="description" content="What Kyphoplasty is' in html
    canonical = "http://testserver/procedures/kyphoplasty/"
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f'<meta property="og:url" content="{canonical}">' in html
    assert '<meta property="og:title" content="Kyphoplasty">' in html


def structured_data(response) -> dict:
    html = response.content.decode()
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html)
    return json.loads(found.group(1))


def test_structured_data_describes_a_reviewed_medical_procedure(client, page):
    data = structured_data(detail(client, page))
    assert data["@type"] == "MedicalWebPage"
    assert data["about"]["@type"] == "MedicalProcedure"
    assert data["lastReviewed"] == "2026-03-01"
    assert data["reviewedBy"] == {
        "@type": "Person",
        "name": "Dr. Ada Reviewer",
        "description": "MD, Spine",
    }


def test_structured_data_of_a_condition_names_its_treatments(client, clinic_settings):
    condition = make_page(title="Osteoporosis", kind=Page.Kind.CONDITION)
    condition.related.add(make_page(title="Kyphoplasty"))
    data = structured_data(detail(client, condition))
    assert data["about"]["@type"] == "MedicalCondition"
    assert data["about"]["possibleTreatment"][0]["name"] == "Kyphoplasty"


def test_structured_data_cannot_close_its_script_element(client, clinic_settings):
    tricky = make_page(title="A </script><script>alert(1)</script> title")
    html = detail(client, tricky).content.decode()
    assert "<script>alert(1)" not in html
    assert structured_data(detail(client, tricky))["name"].startswith("A </script>")


def test_sitemap_lists_published_pages_with_their_last_change(client, page):
    make_page(title="Secret", status=Page.Status.DRAFT)
    xml = client.get(reverse("sitemap")).content.decode()
    assert "<loc>http://testserver/procedures/kyphoplasty/</loc>" in xml
    changed = timezone.localdate(page.updated_at).isoformat()
    assert f"<lastmod>{changed}</lastmod>" in xml
    assert "secret" not in xml


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


# --- Query budgets --------------------------------------------------------------


def big_page() -> Page:
    page = make_full_page(title="Big")
    parts = [
        *(new_part("faq", heading=f"Question {n}?", order=n) for n in range(50)),
        *(new_part("step", heading=f"Step {n}", order=n) for n in range(20)),
        *(
            new_part("section", heading=f"Section {n}", order=100 + n)
            for n in range(10)
        ),
    ]
    services.page_save(page=page, by=None, parts=parts)
    for other in range(5):
        page.related.add(make_page(title=f"Related {other}"))
    return page


def test_a_page_with_50_questions_and_20_steps_costs_at_most_6_queries(
    client, clinic_settings, django_assert_max_num_queries
):
    page = big_page()
    with django_assert_max_num_queries(6):
        response = detail(client, page)
    assert response.status_code == 200
    assert response.content.decode().count("<details") == 51


def test_a_condition_page_costs_at_most_6_queries(
    client, clinic_settings, django_assert_max_num_queries
):
    condition = make_page(title="Osteoporosis", kind=Page.Kind.CONDITION)
    for number in range(30):
        make_part(condition, "faq", heading=f"Question {number}?")
    condition.related.add(make_page(title="Kyphoplasty"))
    with django_assert_max_num_queries(6):
        assert detail(client, condition).status_code == 200


def test_a_list_of_many_pages_costs_at_most_6_queries(
    client, clinic_settings, django_assert_max_num_queries
):
    for number in range(30):
        make_page(title=f"Procedure {number}")
    with django_assert_max_num_queries(6):
        response = client.get(reverse("education:procedure-list"))
    assert response.content.decode().count('<a href="/procedures/procedure-') == 30


def test_search_costs_at_most_6_queries(
    client, clinic_settings, django_assert_max_num_queries
):
    for number in range(30):
        make_page(title=f"Fracture care {number}")
    with django_assert_max_num_queries(6):
        assert client.get("/search/?q=fracture").status_code == 200
