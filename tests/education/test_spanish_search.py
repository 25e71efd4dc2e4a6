"""Search in the language of the page: Spanish at /es/, accents ignored, on
PostgreSQL (the ``spanish`` configuration and ``unaccent``) and on SQLite (a Python
``unaccent``); the parts that only PostgreSQL's stemming can do run there in CI."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from education import services
from education.models import Page, PagePart
from education.search import fold, forgiving_search

from .conftest import make_page, new_part

pytestmark = pytest.mark.django_db

ON_POSTGRESQL = connection.vendor == "postgresql"


def spanish_page(title, title_es, body_es, **fields) -> Page:
    """A published page wholly in Spanish, with one section."""
    page = make_page(title=title, title_es=title_es, summary_es="Resumen.", **fields)
    part = new_part("section", heading="About", heading_es="Acerca de", body_es=body_es)
    return services.page_save(page=page, by=None, parts=[part])


def titles_in(language: str, query: str) -> list[str]:
    with translation.override(language):
        return [page.title for page in Page.objects.published().search(query)]


@pytest.fixture
def spine_pages(db):
    spanish_page(
        "Vertebroplasty",
        "Vertebroplastia",
        "El médico pone cemento en la vértebra rota.",
    )
    spanish_page("Osteoporosis", "Osteoporosis", "Los huesos se vuelven frágiles.")


def test_fold_drops_accents_and_case():
    assert fold("Vértebra ÑANDÚ") == "vertebra nandu"


def test_spanish_search_finds_the_spanish_title(spine_pages):
    assert titles_in("es", "vertebroplastia") == ["Vertebroplastia"]


@pytest.mark.parametrize("query", ["vértebra", "vertebra", "VÉRTEBRA"])
def test_spanish_search_ignores_accents(spine_pages, query):
    assert titles_in("es", query) == ["Vertebroplastia"]


def test_a_word_without_its_accent_finds_the_accented_text(spine_pages):
    assert titles_in("es", "fragiles") == ["Osteoporosis"]


def test_english_search_does_not_read_the_spanish_text(spine_pages):
    assert titles_in("en", "cemento") == []
    assert titles_in("es", "cemento") == ["Vertebroplastia"]


def test_a_page_not_in_spanish_is_found_by_its_english_text_at_es(db):
    page = make_page(title="Kyphoplasty")
    services.page_save(
        page=page, by=None, parts=[new_part("section", body="Bone cement.")]
    )
    assert titles_in("es", "cement") == ["Kyphoplasty"]


def test_a_typo_in_spanish_suggests_the_spanish_title(spine_pages):
    with translation.override("es"):
        found = forgiving_search(Page.objects.published(), "vertebroplastya", limit=5)
    assert [page.title_es for page in found.pages] == ["Vertebroplastia"]
    assert found.suggestion == "Vertebroplastia"


def test_the_spanish_search_page_lists_spanish_results(client, spine_pages):
    with translation.override("es"):
        url = reverse("education:search")
    assert url.startswith("/es/")
    html = client.get(url, {"q": "vertebra"}).content.decode()
    assert "Vertebroplastia" in html


def test_spanish_search_costs_the_queries_english_search_does(
    client, clinic_settings, spine_pages
):
    client.get(reverse("education:search"))  # fills the site's cached context
    counts = []
    for language, query in (("en", "vertebroplasty"), ("es", "vértebra")):
        with translation.override(language):
            url = reverse("education:search")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, {"q": query}).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 6  # the budget of tests/education/test_views.py


@pytest.mark.skipif(not ON_POSTGRESQL, reason="stemming is PostgreSQL full-text")
def test_postgresql_stems_spanish_words(spine_pages):
    # "rotas" and "rota" share the Spanish stem; a substring match would miss it.
    assert titles_in("es", "rotas") == ["Vertebroplastia"]
    assert titles_in("es", "vértebras") == ["Vertebroplastia"]


@pytest.mark.skipif(not ON_POSTGRESQL, reason="unaccent is a PostgreSQL extension")
def test_postgresql_has_the_unaccent_extension():
    with connection.cursor() as cursor:
        cursor.execute("SELECT unaccent('vértebra')")
        assert cursor.fetchone()[0] == "vertebra"


def test_sqlite_and_postgresql_both_answer_unaccent(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT UNACCENT(%s)", ["Fractura vertebral por compresión"])
        assert cursor.fetchone()[0].lower() == "fractura vertebral por compresion"


def test_changing_the_spanish_text_changes_what_spanish_search_finds(spine_pages):
    part = PagePart.objects.get(heading_es="Acerca de", page__title_en="Osteoporosis")
    part.body_es = "Los huesos se vuelven débiles."
    services.page_save(page=part.page, by=None, parts=[part])
    assert titles_in("es", "fragiles") == []
    assert titles_in("es", "debiles") == ["Osteoporosis"]
