"""Pages in English and Spanish: a column per language, the English page at the
Spanish address until the Spanish one is complete, "Spanish out of date", drafts
and revisions carrying the Spanish text, and the Spanish readability editors see."""

import importlib
import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone, translation
from reversion.models import Version

from education import services
from education.models import Page, PageDraft, PagePart, Procedure
from education.readability import SCALES, section_grades
from education.text import hard_sentences, reading_grade

from .conftest import admin_form_data

pytestmark = pytest.mark.django_db

NOTICE = "Esta página aún no está en español"
SPANISH = {
    "title_es": "Cifoplastia",
    "summary_es": "La cifoplastia trata un hueso roto de la columna.",
}
SPANISH_PARTS = {
    "What is it?": ("¿Qué es?", "Es un tratamiento corto. Ayuda al hueso."),
    "How do I prepare?": ("¿Cómo me preparo?", "No coma nada esa mañana."),
    "Placing the needle": ("Poner la aguja", "El médico pone una aguja fina."),
    "Does it hurt?": ("¿Duele?", "Puede sentir presión."),
    "First week": ("La primera semana", "Camine un poco más cada día."),
}


def change_url(page):
    return reverse("admin:education_procedure_change", args=[page.pk])


def spanish_url(page):
    with translation.override("es"):
        return page.get_absolute_url()


def translate(page):
    """Give ``page`` (from ``make_full_page``) its whole Spanish text."""
    page = Page.objects.get(pk=page.pk)
    for name, value in SPANISH.items():
        setattr(page, name, value)
    parts = list(PagePart.objects.filter(page=page))
    for part in parts:
        part.heading_es, part.body_es = SPANISH_PARTS[part.heading_en]
        if part.illustration:
            part.alt_es = "Una aguja entra en el hueso."
    return services.page_save(page=page, by=None, parts=parts)


def test_every_text_of_a_page_and_its_parts_has_a_spanish_column():
    page_columns = {f.name for f in Page._meta.get_fields()}
    part_columns = {f.name for f in PagePart._meta.get_fields()}
    for name in ("title", "summary", "alternative_terms", "glance_time"):
        assert {f"{name}_en", f"{name}_es"} <= page_columns
    for name in ("heading", "body", "alt", "body_html"):
        assert {f"{name}_en", f"{name}_es"} <= part_columns
    assert "slug_es" not in page_columns  # one address, with /es/ in front


def test_the_migration_moves_todays_text_into_the_english_columns(page):
    migration = importlib.import_module("education.migrations.0007_spanish")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE education_page SET title = 'Old title', title_en = NULL, "
            "summary = 'Old summary', summary_en = NULL"
        )
        cursor.execute(
            "UPDATE education_pagepart SET heading = 'Old heading', heading_en = NULL"
        )
    state = MigrationExecutor(connection).loader.project_state(
        ("education", "0007_spanish")
    )
    migration.english_columns(state.apps, None)
    saved = Page.objects.get(pk=page.pk)
    assert (saved.title_en, saved.summary_en) == ("Old title", "Old summary")
    assert saved.title_es is None
    assert set(PagePart.objects.values_list("heading_en", flat=True)) == {"Old heading"}


def test_body_html_search_text_and_score_are_kept_in_each_language(page):
    page = translate(page)
    part = PagePart.objects.get(page=page, heading_en="What is it?")
    assert part.body_html_es == "<p>Es un tratamiento corto. Ayuda al hueso.</p>"
    assert "Kyphoplasty" in page.search_text_en
    assert "Cifoplastia" in page.search_text_es
    assert page.spanish_complete
    assert page.reading_grade_en is not None and page.reading_grade_es > 60


def test_a_page_without_spanish_shows_in_english_at_its_spanish_address(client, page):
    response = client.get(spanish_url(page))
    html = response.content.decode()
    assert response.status_code == 200
    assert NOTICE in html
    assert re.search(r'<h1 id="page-title" lang="en">Kyphoplasty</h1>', html)
    assert 'lang="en"' in html.split("What is it?")[0].rsplit("<h2", 1)[1]


def test_a_page_with_some_spanish_still_shows_wholly_in_english(client, page):
    Page.objects.filter(pk=page.pk).update(title_es="Cifoplastia")
    html = client.get(spanish_url(page)).content.decode()
    assert NOTICE in html
    assert "Cifoplastia" not in html.split("<main")[1]
    assert "Kyphoplasty" in html.split("<main")[1]


def test_a_page_in_spanish_shows_in_spanish_without_the_notice(client, page):
    translate(page)
    html = client.get(spanish_url(page)).content.decode()
    assert NOTICE not in html
    assert '<h1 id="page-title">Cifoplastia</h1>' in html
    assert "¿Cómo me preparo?" in html
    assert "How do I prepare?" not in html
    with translation.override("en"):
        english = client.get(page.get_absolute_url()).content.decode()
    assert '<h1 id="page-title">Kyphoplasty</h1>' in english


def test_changing_the_english_marks_the_spanish_out_of_date(page):
    page = translate(page)
    assert not page.spanish_out_of_date
    part = PagePart.objects.get(page=page, heading_en="What is it?")
    part.body_en = "It is a short treatment. It steadies the bone."
    page = services.page_save(page=Page.objects.get(pk=page.pk), by=None, parts=[part])
    assert page.spanish_out_of_date
    part.body_es = "Es un tratamiento corto. Deja firme el hueso."
    page = services.page_save(page=Page.objects.get(pk=page.pk), by=None, parts=[part])
    assert not page.spanish_out_of_date


def test_moving_a_part_changes_no_language(page):
    page = translate(page)
    stamps = (page.english_changed_at, page.spanish_changed_at)
    part = PagePart.objects.get(page=page, heading_en="What is it?")
    part.order = 99
    page = services.page_save(page=Page.objects.get(pk=page.pk), by=None, parts=[part])
    assert (page.english_changed_at, page.spanish_changed_at) == stamps


def test_the_list_and_the_form_say_whether_spanish_exists_and_is_current(
    client, editor_user, page
):
    client.force_login(editor_user)
    changelist = reverse("admin:education_procedure_changelist")

    def column():
        html = client.get(changelist).content.decode()
        return re.search(r'<td class="field-spanish_column">([^<]*)</td>', html)[1]

    assert column() == "None"
    Page.objects.filter(pk=page.pk).update(title_es="Cifoplastia")
    assert column() == "Incomplete"
    translate(page)
    assert column() == "Up to date"
    Page.objects.filter(pk=page.pk).update(
        english_changed_at=timezone.now() + timezone.timedelta(minutes=1)
    )
    assert column() == "Out of date"
    for state, count in (("up_to_date", 0), ("out_of_date", 1), ("none", 0)):
        response = client.get(changelist, {"spanish": state})
        assert response.context["cl"].result_count == count, state
    form = client.get(change_url(page)).content.decode()
    assert "Spanish out of date" in form
    assert "Title (Spanish)" in form


def test_the_form_shows_the_fernandez_huerta_score_of_each_spanish_part(
    client, editor_user, page
):
    translate(page)
    client.force_login(editor_user)
    html = client.get(change_url(page)).content.decode()
    spanish = html.split("Spanish last changed")[1]
    assert "Fernández-Huerta readability by section" in spanish
    row = spanish.split("“¿Qué es?”")[1].split("</tr>")[0]
    score = reading_grade("¿Qué es?.\nEs un tratamiento corto. Ayuda al hueso.", "es")
    assert str(score) in row
    assert "Target: 70 or more" in spanish


def test_one_grading_function_takes_the_language():
    easy_spanish = "El gato es gris. Come y duerme. Es feliz en casa."
    assert reading_grade(easy_spanish, "es") >= SCALES["es"].target
    assert reading_grade("The cat is gray. It eats and sleeps.", "en") < 8
    hard = (
        "La consideración multidisciplinaria de la intervención percutánea "
        "necesariamente comprende evaluaciones radiológicas preoperatorias "
        "individualizadas y exhaustivas."
    )
    assert SCALES["es"].misses(reading_grade(hard, "es"))


def test_spanish_sections_are_graded_and_hard_sentences_named(page):
    page = translate(page)
    part = PagePart.objects.get(page=page, heading_en="What is it?")
    part.body_es = (
        "La consideración multidisciplinaria de la intervención percutánea "
        "necesariamente comprende evaluaciones radiológicas preoperatorias "
        "individualizadas y exhaustivas."
    )
    page = services.page_save(page=Page.objects.get(pk=page.pk), by=None, parts=[part])
    grades = section_grades(page, PagePart.objects.filter(page=page), "es")
    hard = next(g for g in grades if "¿Qué es?" in g.label)
    assert not hard.meets_target and hard.hard
    assert page.reading_grade_es == hard.grade  # the hardest part: the lowest score


def test_a_draft_of_a_live_page_carries_its_spanish_text_to_publication(
    client, editor_user, reviewer_user, page
):
    client.force_login(editor_user)
    data = admin_form_data(client.get(change_url(page)))
    data["title_es"] = "Cifoplastia (borrador)"
    data["steps-0-body_es"] = "El médico pone una aguja fina en el hueso."
    response = client.post(change_url(page), data)
    assert response.status_code == 302
    live = Page.objects.get(pk=page.pk)
    assert not live.title_es  # patients still read the live page
    draft = PageDraft.objects.get(page=page)
    assert draft.content["page"]["fields"]["title_es"] == "Cifoplastia (borrador)"
    services.page_publish_changes(page=live, by=reviewer_user)
    published = Page.objects.get(pk=page.pk)
    assert published.title_es == "Cifoplastia (borrador)"
    step = PagePart.objects.get(page=page, type="step")
    assert step.body_html_es == "<p>El médico pone una aguja fina en el hueso.</p>"
    version = Version.objects.get_for_object(Procedure.objects.get(pk=page.pk))[0]
    assert version.field_dict["title_es"] == "Cifoplastia (borrador)"
    assert "title in Spanish" in version.revision.comment


def test_the_demo_pages_load_with_their_spanish_text():
    from education import demo

    demo.load(log=lambda message: None)
    for page in Page.objects.all():
        assert page.spanish_complete, page.slug
        assert page.reading_grade_es >= SCALES["es"].target, page.slug
        assert page.english_changed_at == page.spanish_changed_at


def test_a_one_word_list_item_is_not_named_as_a_hard_spanish_sentence():
    hard = (
        "La consideración multidisciplinaria de la intervención percutánea "
        "necesariamente comprende evaluaciones radiológicas exhaustivas."
    )
    named = hard_sentences(f"Medicinas.\nEjercicio.\n{hard}", scale=SCALES["es"])
    assert [sentence for sentence, _score in named] == [hard]


def test_the_review_screen_shows_the_spanish_scores_of_the_changes(
    client, reviewer_user, page
):
    translate(page)
    client.force_login(reviewer_user)
    data = admin_form_data(client.get(change_url(page)))
    data["sections-0-body_es"] = "Es un tratamiento corto. El hueso queda firme."
    assert client.post(change_url(page), data).status_code == 302
    review = reverse("admin:education_procedure_review", args=[page.pk])
    html = client.get(review).content.decode()
    spanish = html.split('id="review-spanish"')[1]
    assert "Fernández-Huerta readability by section" in spanish
    row = spanish.split("“¿Qué es?”")[1].split("</tr>")[0]
    score = reading_grade(
        "¿Qué es?.\nEs un tratamiento corto. El hueso queda firme.", "es"
    )
    assert str(score) in row
