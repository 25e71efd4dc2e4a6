"""The Spanish demo pages (issue 14, item 3): every English field and part has its
Spanish text, in the same order, translated, fitting the model's fields, and plain:
a Fernández-Huerta readability of 70 or more for each page and each of its parts."""

import re

import pytest
import textstat

from education.demo_content import PAGES
from education.demo_content_es import PAGES_ES
from education.models import Page, PagePart
from education.text import as_sentences, html_blocks, render_markdown, sentences

READABILITY_FLOOR = 70

ENGLISH = {page["slug"]: page for page in PAGES}
# Page keys that are the same in both languages, so the Spanish pages leave them out.
SHARED_PAGE_KEYS = {"kind", "slug", "reviewed_by", "related"}
# Part keys that are the same in both languages: the drawing is left out, and the
# section's anchor is kept, equal to the English one, to name the section.
SHARED_PART_KEYS = {"illustration"}
KEPT_PART_KEYS = {"anchor"}
# Words the same in both languages, the only Spanish texts allowed to equal English.
SAME_IN_BOTH = {"Osteoporosis", "osteopenia"}
HEADING_KEYS = ("heading", "title", "question", "when")
BODY_KEYS = ("body", "answer")
ENGLISH_WORDS = re.compile(
    r"\b(the|and|you|your|with|this|that|is|are|of|to|for|or|it|if|will)\b",
    re.IGNORECASE,
)
PLACEHOLDERS = re.compile(r"TODO|TBD|FIXME|XXX|(?i:lorem)|\{|\}|%s|\?\?|\.\.\.|…")
BULLET = re.compile(r"^- ", re.MULTILINE)
LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")


@pytest.fixture
def spanish_textstat():
    """textstat's language is global: Spanish for the test, English again after, as
    ``education.text.reading_grade`` expects."""
    textstat.set_lang("es")
    yield textstat
    textstat.set_lang("en_US")


def _pairs(english, spanish, path):
    """(path, English, Spanish) for every translated text, walking both structures
    side by side; fails where Spanish lacks or adds a field or a part."""
    if isinstance(english, str):
        assert isinstance(spanish, str), path
        yield path, english, spanish
    elif isinstance(english, list):
        assert isinstance(spanish, list), path
        assert len(spanish) == len(english), f"{path}: {len(spanish)} parts in Spanish"
        for index, (en, es) in enumerate(zip(english, spanish, strict=True)):
            yield from _pairs(en, es, f"{path}[{index}]")
    else:
        assert isinstance(spanish, dict), path
        shared = SHARED_PAGE_KEYS if "slug" in english else SHARED_PART_KEYS
        assert set(spanish) == set(english) - shared, path
        for key in spanish:
            if key in KEPT_PART_KEYS:
                assert spanish[key] == english[key], f"{path}.{key}"
            else:
                yield from _pairs(english[key], spanish[key], f"{path}.{key}")


def _all_pairs():
    for slug, english in ENGLISH.items():
        yield from _pairs(english, PAGES_ES[slug], slug)


def _part_text(part: dict) -> str:
    """A part's heading and text as the site grades them: Markdown rendered, then
    each paragraph and list item as a sentence."""
    heading = next(part[key] for key in HEADING_KEYS if key in part)
    body = next(part[key] for key in BODY_KEYS if key in part)
    return as_sentences([heading, *html_blocks(render_markdown(body))])


def _parts(page: dict) -> list[dict]:
    return [
        *page["sections"],
        *page.get("steps", []),
        *page.get("faqs", []),
        *page.get("timeline", []),
    ]


def _page_text(page: dict) -> str:
    """All a patient reads on the page, as ``services.pages._plain_text`` has it."""
    blocks = [page["title"], page["summary"], *page["at_a_glance"].values()]
    blocks.extend(_part_text(part) for part in _parts(page))
    return as_sentences(blocks)


PARTS = [
    pytest.param(part, id=f"{slug}-{index}")
    for slug, page in PAGES_ES.items()
    for index, part in enumerate(_parts(page))
]


def test_every_english_demo_page_has_a_spanish_page_and_no_other():
    assert set(PAGES_ES) == set(ENGLISH)


def test_each_spanish_page_has_every_english_field_and_part_in_the_same_order():
    # The walk asserts as it goes: same fields, same number of parts, same anchors.
    paths = [path for path, _, _ in _all_pairs()]
    assert "kyphoplasty.steps[7].alt" in paths
    assert "osteoporosis.faqs[3].answer" in paths


def test_the_structure_check_fails_when_english_gains_a_part_spanish_lacks():
    english = ENGLISH["osteoporosis"]
    grown = english | {"faqs": [*english["faqs"], {"question": "Q?", "answer": "A."}]}
    with pytest.raises(AssertionError, match="4 parts in Spanish"):
        list(_pairs(grown, PAGES_ES["osteoporosis"], "osteoporosis"))


def test_every_english_text_has_a_spanish_text_that_is_not_the_english_one():
    for path, english, spanish in _all_pairs():
        assert bool(spanish.strip()) == bool(english.strip()), path
        if english:
            assert spanish != english or spanish in SAME_IN_BOTH, path


def test_no_english_sentence_or_word_is_left_in_the_spanish_text():
    english_sentences = {s for text in _strings(PAGES) for s in sentences(text)}
    for path, _, spanish in _all_pairs():
        for sentence in sentences(spanish):
            left = sentence in english_sentences and sentence not in SAME_IN_BOTH
            assert not left, (path, sentence)
        assert not ENGLISH_WORDS.search(LINK.sub("", spanish)), path


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def test_no_placeholder_is_left_in_the_spanish_text():
    for path, _, spanish in _all_pairs():
        assert not PLACEHOLDERS.search(spanish), path


def test_spanish_bodies_keep_the_english_lists_bold_and_911_link():
    for path, english, spanish in _all_pairs():
        assert len(BULLET.findall(spanish)) == len(BULLET.findall(english)), path
        assert spanish.count("**") % 2 == 0, path
        assert LINK.findall(spanish) == LINK.findall(english), path
        if "[911](tel:911)" in english:
            assert "Llame al [911](tel:911)" in spanish, path


def test_spanish_texts_fit_the_fields_they_are_loaded_into():
    page_fields = {
        "title": "title",
        "summary": "summary",
        "alternative_terms": "alternative_terms",
        "reviewer_credentials": "reviewer_credentials",
        **{f"at_a_glance.{k}": f"glance_{k}" for k in ("time", "stay", "recovery")},
        "at_a_glance.anesthesia": "glance_anesthesia",
    }
    part_fields = {key: "heading" for key in HEADING_KEYS} | {"alt": "alt"}
    checked = 0
    for path, _, spanish in _all_pairs():
        key = path.split(".", 1)[1]
        if key in page_fields:
            field = Page._meta.get_field(page_fields[key])
        elif key.rsplit(".", 1)[-1] in part_fields:
            field = PagePart._meta.get_field(part_fields[key.rsplit(".", 1)[-1]])
        else:
            continue
        assert field.max_length is None or len(spanish) <= field.max_length, path
        checked += 1
    assert checked > 100


@pytest.mark.parametrize("slug", sorted(PAGES_ES))
def test_each_spanish_page_reads_at_fernandez_huerta_70_or_more(slug, spanish_textstat):
    score = spanish_textstat.fernandez_huerta(_page_text(PAGES_ES[slug]))
    assert score >= READABILITY_FLOOR, (slug, score)


@pytest.mark.parametrize("part", PARTS)
def test_each_spanish_part_reads_at_fernandez_huerta_70_or_more(part, spanish_textstat):
    score = spanish_textstat.fernandez_huerta(_part_text(part))
    assert score >= READABILITY_FLOOR, score


def test_each_spanish_alt_text_reads_at_fernandez_huerta_70_or_more(
    spanish_textstat,
):
    alts = [s["alt"] for page in PAGES_ES.values() for s in page.get("steps", [])]
    assert alts
    for alt in alts:
        assert spanish_textstat.fernandez_huerta(alt) >= READABILITY_FLOOR, alt


def test_the_readability_check_fails_on_hard_spanish(spanish_textstat):
    hard = {
        "heading": "Consideraciones terapéuticas",
        "body": (
            "La intervención percutánea mínimamente invasiva proporciona "
            "estabilización biomecánica inmediata mediante la inyección "
            "intravertebral de polimetilmetacrilato bajo control fluoroscópico "
            "continuo, disminuyendo significativamente la sintomatología dolorosa."
        ),
    }
    assert spanish_textstat.fernandez_huerta(_part_text(hard)) < READABILITY_FLOOR
