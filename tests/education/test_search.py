import pytest
from django.db import connection
from django.urls import reverse

from education import services
from education.demo import load
from education.models import Page
from education.search import alternative_terms, forgiving_search

from .conftest import make_page, new_part

pytestmark = pytest.mark.django_db

ON_POSTGRESQL = connection.vendor == "postgresql"


def searchable(**fields) -> Page:
    body = fields.pop("body", "")
    parts = [new_part("section", heading="About", body=body)] if body else []
    return services.page_save(page=make_page(**fields), by=None, parts=parts)


def titles(query: str) -> list[str]:
    return [page.title for page in Page.objects.published().search(query)]


def test_search_finds_a_word_in_the_body():
    searchable(title="Kyphoplasty", body="Bone cement fills the space.")
    searchable(title="Osteoporosis", body="Bones become thin.")
    assert titles("cement") == ["Kyphoplasty"]


def test_search_finds_a_word_in_the_summary():
    searchable(title="Kyphoplasty", summary="A balloon makes room first.")
    assert titles("balloon") == ["Kyphoplasty"]


def test_search_puts_title_matches_first():
    searchable(title="Recovery tips", body="Rest.")
    searchable(title="Kyphoplasty", body="Recovery takes a few days.")
    assert titles("recovery") == ["Recovery tips", "Kyphoplasty"]


def test_search_leaves_out_drafts():
    searchable(title="Draft page", status=Page.Status.DRAFT, body="Cement.")
    assert titles("cement") == []


def test_search_with_only_spaces_finds_nothing():
    searchable(title="Kyphoplasty")
    assert titles("   ") == []


def test_every_word_of_the_query_must_match():
    searchable(title="Kyphoplasty", body="Bone cement.")
    searchable(title="Vertebroplasty", body="Cement, no balloon is used.")
    searchable(title="Balloon care", body="Nothing else.")
    assert titles("cement balloon") == ["Vertebroplasty"]


@pytest.mark.skipif(not ON_POSTGRESQL, reason="stemming is PostgreSQL full-text search")
def test_postgresql_search_matches_other_forms_of_a_word():
    searchable(title="Vertebral Compression Fracture", body="A broken bone.")
    assert titles("fractures") == ["Vertebral Compression Fracture"]


@pytest.mark.skipif(not ON_POSTGRESQL, reason="ranking is PostgreSQL full-text search")
def test_postgresql_search_ranks_by_relevance():
    searchable(title="Osteoporosis", body="Cement is not used here.")
    searchable(title="Kyphoplasty", summary="Bone cement steadies the bone.")
    results = list(Page.objects.published().search("cement"))
    assert [p.title for p in results] == ["Kyphoplasty", "Osteoporosis"]
    assert results[0].rank > results[1].rank


def test_search_finds_a_title_typed_in_part():
    # Full-text search alone would miss it on PostgreSQL; a title match adds it.
    searchable(title="Kyphoplasty")
    assert titles("kypho") == ["Kyphoplasty"]


# --- The page ---------------------------------------------------------------------


def test_search_page_lists_results_with_links(client, clinic_settings):
    searchable(title="Kyphoplasty", body="Bone cement.")
    response = client.get(reverse("education:search"), {"q": "cement"})
    html = response.content.decode()
    assert "1 result for “cement”" in html
    assert 'href="/procedures/kyphoplasty/">Kyphoplasty</a>' in html


def test_search_page_says_when_nothing_matches(client, clinic_settings):
    html = client.get("/search/?q=zebra").content.decode()
    assert "0 results for “zebra”" in html
    assert "No page matches those words" in html


def test_search_form_is_a_labelled_search_field(client, clinic_settings):
    html = client.get("/search/").content.decode()
    assert '<label class="edu-search__label" for="search-q">' in html
    assert 'type="search" id="search-q" name="q"' in html


def test_search_results_are_kept_out_of_search_engines(client, clinic_settings):
    html = client.get("/search/?q=x").content.decode()
    assert '<meta name="robots" content="noindex">' in html


def test_the_empty_search_page_may_be_indexed(client, clinic_settings):
    assert "noindex" not in client.get("/search/").content.decode()
    assert "/search/" not in client.get("/robots.txt").content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "\x00",
        "cement\x00drop",
        "'; DROP TABLE education_page; --",
        '"unbalanced',
        "!!! & | ! <-> :*",
        "-",
        "a" * 101,
        "a" * 5000,
        "%_%",
        "\ud7ff émoji 🦴",
        "the and of",
    ],
)
def test_no_query_breaks_the_search_page(client, clinic_settings, query):
    searchable(title="Kyphoplasty", body="Bone cement.")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200


def test_a_too_long_query_is_explained(client, clinic_settings):
    html = client.get("/search/", {"q": "a" * 101}).content.decode()
    assert 'aria-invalid="true"' in html
    assert "Please use 100 characters or fewer." in html


def test_a_null_character_is_dropped_and_the_search_answers(client, clinic_settings):
    searchable(title="Kyphoplasty", body="Bone cement.")
    html = client.get("/search/", {"q": "cement\x00"}).content.decode()
    assert 'id="search-q-error"' not in html
    assert "1 result for “cement”" in html


def test_search_accepts_only_reading(client, clinic_settings):
    assert client.post("/search/", {"q": "x"}).status_code == 405


# --- Forgiving search: alternative terms, typos, "did you mean" -------------------


def found(query: str):
    return forgiving_search(Page.objects.published(), query, limit=10)


def test_an_alternative_term_finds_the_page():
    searchable(title="Vertebral Compression Fracture", alternative_terms="hunchback")
    searchable(title="Osteoporosis")
    assert titles("hunchback") == ["Vertebral Compression Fracture"]


def test_alternative_terms_may_be_one_per_line_or_separated_by_commas():
    assert alternative_terms("brittle bones, thin bones\nbone loss;\n\n") == [
        "brittle bones",
        "thin bones",
        "bone loss",
    ]


def test_a_misspelt_title_finds_the_page_with_a_suggestion():
    searchable(title="Kyphoplasty")
    searchable(title="Vertebroplasty")
    result = found("kyphoplsty")
    assert [page.title for page in result.pages] == ["Kyphoplasty"]
    assert result.suggestion == "Kyphoplasty"


def test_a_misspelt_alternative_term_is_suggested_as_the_editor_wrote_it():
    searchable(title="Osteoporosis", alternative_terms="brittle bones\nthin bones")
    result = found("britle bones")
    assert [page.title for page in result.pages] == ["Osteoporosis"]
    assert result.suggestion == "brittle bones"


def test_a_query_found_as_typed_has_no_suggestion():
    searchable(title="Kyphoplasty")
    result = found("kyphoplasty")
    assert [page.title for page in result.pages] == ["Kyphoplasty"]
    assert result.suggestion == ""


def test_nothing_close_finds_nothing():
    searchable(title="Kyphoplasty", alternative_terms="spine cement")
    assert found("zebra crossing").pages == []


def test_close_matches_leave_out_drafts():
    searchable(title="Kyphoplasty", status=Page.Status.DRAFT)
    assert found("kyphoplsty").pages == []


@pytest.mark.skipif(not ON_POSTGRESQL, reason="pg_trgm is a PostgreSQL extension")
def test_the_migration_creates_pg_trgm_on_postgresql():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone() == (1,)


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("kyphoplsty", "kyphoplasty"),
        ("kyphoplasty", "kyphoplasty"),
        ("hunchback", "vertebral-compression-fracture"),
        ("kyphosis", "vertebral-compression-fracture"),
        ("hunchbak", "vertebral-compression-fracture"),
        ("brittle bones", "osteoporosis"),
        ("vertebroplsty", "vertebroplasty"),
    ],
)
def test_lay_words_and_misspellings_find_the_right_demo_page(demo_pages, query, first):
    assert found(query).pages[0].slug == first


def test_spine_cement_finds_both_cement_treatments(demo_pages):
    slugs = {page.slug for page in found("spine cement").pages}
    assert {"kyphoplasty", "vertebroplasty"} <= slugs


@pytest.fixture
def demo_pages(db, clinic_settings):
    load(log=lambda line: None)


# --- The page: suggestion, every page on an empty search, the header box ----------


def test_search_page_offers_did_you_mean_with_a_link(client, clinic_settings):
    searchable(title="Kyphoplasty")
    html = client.get("/search/", {"q": "kyphoplsty"}).content.decode()
    assert 'Did you mean <a href="/search/?q=Kyphoplasty">Kyphoplasty</a>?' in html
    assert 'href="/procedures/kyphoplasty/">Kyphoplasty</a>' in html


def test_an_empty_search_lists_every_published_page(client, clinic_settings):
    searchable(title="Kyphoplasty")
    searchable(title="Osteoporosis", kind=Page.Kind.CONDITION)
    searchable(title="Secret draft", status=Page.Status.DRAFT)
    html = client.get("/search/").content.decode()
    assert "All our patient guides" in html
    assert 'href="/procedures/kyphoplasty/">Kyphoplasty</a>' in html
    assert 'href="/conditions/osteoporosis/">Osteoporosis</a>' in html
    assert "Secret draft" not in html


def test_search_page_makes_a_fixed_number_of_queries(
    client, clinic_settings, django_assert_max_num_queries
):
    for number in range(5):
        searchable(title=f"Kyphoplasty {number}", slug=f"kyphoplasty-{number}")
    client.get("/search/")  # the site context is cached after the first request
    with django_assert_max_num_queries(4):
        client.get("/search/", {"q": "kyphoplsty"})


@pytest.mark.parametrize("url_name", ["clinic:home", "education:procedure-list"])
def test_the_header_has_a_search_box(client, clinic_settings, url_name):
    html = client.get(reverse(url_name)).content.decode()
    assert '<form class="site-search no-print" action="/search/"' in html
    assert '<label class="visually-hidden" for="site-search-q">' in html


def test_a_page_has_the_header_search_box(client, clinic_settings):
    page = searchable(title="Kyphoplasty")
    html = client.get(page.get_absolute_url()).content.decode()
    assert 'id="site-search-q"' in html


def test_the_search_page_has_one_search_box_only(client, clinic_settings):
    html = client.get("/search/").content.decode()
    assert html.count('role="search"') == 1
