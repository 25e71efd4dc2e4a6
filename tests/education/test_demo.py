import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from reversion.models import Version

from education import demo
from education.models import Condition, Page, PageRedirect, Procedure, Step
from education.outline import page_outline
from education.readability import READING_GRADE_TARGET

pytestmark = pytest.mark.django_db

DEMO_SLUGS = {
    "kyphoplasty",
    "vertebroplasty",
    "vertebral-compression-fracture",
    "osteoporosis",
}

SAMPLE = [
    {
        "kind": "procedure",
        "slug": "sample-procedure",
        "title": "Sample procedure",
        "summary": "A short sample.",
        "reviewed_by": "Dr. Sample",
        "reviewer_credentials": "MD",
        "at_a_glance": {"time": "An hour", "anesthesia": "Sedation"},
        "sections": [
            {"anchor": "what-it-is", "heading": "What is it?", "body": "It helps."},
            {"anchor": "urgent-care", "heading": "When to call", "body": "Call."},
        ],
        "steps": [
            {
                "title": "Needle",
                "body": "A needle goes in.",
                "illustration": "kyphoplasty-1-needle.svg",
                "alt": "A needle in the bone.",
            }
        ],
        "faqs": [{"question": "Does it hurt?", "answer": "A little."}],
        "timeline": [{"when": "Day 1", "body": "Rest."}],
        "related": ["sample-condition"],
    },
    {
        "kind": "condition",
        "slug": "sample-condition",
        "title": "Sample condition",
        "summary": "A condition.",
        "reviewed_by": "Dr. Sample",
        "reviewer_credentials": "MD",
        "at_a_glance": {},
        "sections": [{"anchor": "overview", "heading": "Overview", "body": "Text."}],
        "steps": [],
        "faqs": [],
        "timeline": [],
        "related": ["sample-procedure"],
    },
]


def load_demo(tmp_path, *args):
    call_command("load_demo", *args, accounts_file=tmp_path / "a.txt")


@pytest.fixture
def loaded(tmp_path, clinic_settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        load_demo(tmp_path)


def test_demo_loads_the_four_pages_published(loaded):
    published = Page.objects.published().values_list("slug", flat=True)
    assert set(published) == DEMO_SLUGS


def test_demo_kyphoplasty_page_is_complete(loaded, client):
    html = client.get("/procedures/kyphoplasty/").content.decode()
    assert 'id="at-a-glance"' in html
    assert "Step 1:</span>" in html and "Step 4:</span>" in html
    assert html.count('<img class="step__image"') == 8
    assert html.count("<details") >= 5
    assert "Medically reviewed by Dr. Maya Okafor, MD, Interventional Spine on" in html
    assert 'href="/conditions/osteoporosis/"' in html
    assert "?topic=kyphoplasty" in html


def test_demo_kyphoplasty_parts_follow_the_issue_order(loaded):
    page = Page.objects.with_parts().get(slug="kyphoplasty")
    anchors = [block.anchor for block in page_outline(page)]
    assert anchors.index("benefits") + 1 == anchors.index("steps")
    assert anchors.index("recovery") + 1 == anchors.index("timeline")
    assert anchors.index("questions") + 1 == anchors.index("urgent-care")


@pytest.mark.parametrize("slug", ["vertebral-compression-fracture", "osteoporosis"])
def test_demo_condition_warning_signs_follow_the_symptoms(loaded, client, slug):
    page = Page.objects.with_parts().get(slug=slug)
    blocks = page_outline(page)
    anchors = [block.anchor for block in blocks]
    care = anchors.index("symptoms") + 1
    assert blocks[care].is_care
    assert anchors[-1] == "questions"
    html = client.get(page.get_absolute_url()).content.decode()
    assert html.index('id="symptoms"') < html.index('id="when-to-get-care"')
    assert html.index('id="when-to-get-care"') < html.index('id="causes"')


def test_demo_drawings_are_copied_into_media_storage(loaded, client):
    for step in Step.objects.filter(page__slug="kyphoplasty"):
        if step.illustration:
            assert default_storage.exists(step.illustration.name)
            assert step.alt
            assert step.illustration_width == 400


def test_every_demo_page_reads_at_grade_8_or_below(loaded):
    for page in Page.objects.all():
        assert page.reading_grade is not None
        assert page.reading_grade <= READING_GRADE_TARGET, page.slug


def test_demo_pages_have_a_revision_in_their_history(loaded):
    page = Procedure.objects.get(slug="kyphoplasty")
    assert Version.objects.get_for_object(page).count() == 1


def test_each_demo_page_has_a_revision_of_its_own(loaded):
    pages = [*Procedure.objects.all(), *Condition.objects.all()]
    assert len(pages) == len(DEMO_SLUGS)
    for page in pages:
        revision = Version.objects.get_for_object(page).get().revision
        owners = set()
        for version in revision.version_set.all():
            fields = version.field_dict
            owners.add(fields["page_id"] if "page_id" in fields else fields["id"])
        assert owners == {page.pk}, page.slug
        assert revision.comment == "Demo content loaded."


def test_a_second_demo_run_creates_nothing(loaded, tmp_path, capsys):
    counts = (Page.objects.count(), Page.objects.get(slug="kyphoplasty").parts.count())
    load_demo(tmp_path)
    assert "Created 0 demo objects" in capsys.readouterr().out
    again = (Page.objects.count(), Page.objects.get(slug="kyphoplasty").parts.count())
    assert again == counts


def test_demo_keeps_an_editors_changes(loaded, tmp_path):
    Page.objects.filter(slug="osteoporosis").update(title="Thin bones")
    load_demo(tmp_path)
    assert Page.objects.get(slug="osteoporosis").title == "Thin bones"


def test_demo_does_not_bring_back_a_renamed_page(loaded, tmp_path):
    page = Page.objects.get(slug="vertebroplasty")
    PageRedirect.objects.create(old_slug="vertebroplasty", page=page)
    Page.objects.filter(pk=page.pk).update(slug="cement-treatment")
    load_demo(tmp_path)
    assert not Page.objects.filter(slug="vertebroplasty").exists()


def test_a_dry_run_creates_no_page_and_copies_no_file(
    tmp_path, clinic_settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        load_demo(tmp_path, "--dry-run")
    assert not Page.objects.exists()
    assert not default_storage.exists("education/demo")


def test_loader_builds_pages_parts_and_links_from_the_content_schema(db):
    created = demo.load(log=lambda message: None, pages=SAMPLE)
    assert created == 2 + 5 + 1  # pages, the procedure's parts, the condition's
    procedure = Page.objects.with_parts().get(slug="sample-procedure")
    assert [p.slug for p in procedure.related.all()] == ["sample-condition"]
    assert procedure.glance_time == "An hour" and procedure.glance_stay == ""
    assert (
        Step.objects.get(page=procedure).illustration.name
        == "education/demo/kyphoplasty-1-needle.svg"
    )
    assert procedure.next_review_due is not None
    assert [b.kind for b in page_outline(procedure)] == [
        "section",
        "steps",
        "section",
        "timeline",
        "faqs",
    ]


def test_every_demo_step_has_a_drawing_with_alt_text():
    from education.demo import STEP_DRAWINGS
    from education.demo_content import PAGES

    steps = [step for page in PAGES for step in page.get("steps", [])]
    assert steps
    for step in steps:
        assert step["illustration"], step["title"]
        assert (STEP_DRAWINGS / step["illustration"]).is_file(), step["illustration"]
        assert len(step["alt"]) > 20, step["title"]


def test_every_demo_drawing_is_named_and_described():
    from education.demo import STEP_DRAWINGS

    for drawing in STEP_DRAWINGS.glob("*.svg"):
        text = drawing.read_text(encoding="utf-8")
        assert 'role="img"' in text and "<title" in text and "<desc" in text, drawing
        assert "<script" not in text, drawing


DEMO_GRADE_CEILING = 6  # issue 9: every demo page reads at grade 6 or below


def test_every_demo_page_and_each_of_its_parts_reads_at_grade_6_or_below(loaded):
    from education.models import PagePart
    from education.text import as_sentences, html_blocks, reading_grade

    for page in Page.objects.all():
        assert reading_grade(page.search_text) <= DEMO_GRADE_CEILING, page.slug
    for part in PagePart.objects.select_related("page"):
        text = as_sentences([part.heading, *html_blocks(part.body_html)])
        grade = reading_grade(text)
        assert grade is None or grade <= DEMO_GRADE_CEILING, (part.page.slug, part)
