"""Editors' Markdown to safe HTML, HTML to plain text, and the reading grade.

Markdown is rendered once, when a part is saved, and the HTML is stored: pages never
render Markdown on a request. Everything Markdown produces goes through nh3 with a
short allow-list, so a ``<script>``, an event handler or a ``javascript:`` link typed
into content never reaches a page.
"""

import re
from html.parser import HTMLParser

import markdown
import nh3
import textstat
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from textstat.textstat import textstatistics

# Each part already sits under the page's <h1> and its own <h2>: headings typed in a
# body become <h3> and below, one level per level used, so the outline stays in order.
FIRST_BODY_HEADING = 3

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "em",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "sub",
    "sup",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_URL_SCHEMES,
    clean_content_tags={"script", "style"},
    strip_comments=True,
)


class _ShiftHeadings(Treeprocessor):
    def run(self, root):
        headings = [el for el in root.iter() if re.fullmatch(r"h[1-6]", el.tag)]
        levels = sorted({el.tag for el in headings})
        for element in headings:
            level = FIRST_BODY_HEADING + levels.index(element.tag)
            element.tag = f"h{min(6, level)}"


class _ShiftHeadingsExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Markdown's API name)
        md.treeprocessors.register(_ShiftHeadings(md), "shift_headings", 0)


def render_markdown(source: str) -> str:
    """Editor's Markdown as sanitized HTML, safe to show as is."""
    html = markdown.markdown(
        source or "",
        extensions=["sane_lists", _ShiftHeadingsExtension()],
        output_format="html",
    )
    return _cleaner.clean(html).strip()


_BLOCK_TAGS = {
    "blockquote",
    "br",
    "dd",
    "div",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "ul",
}


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []

    def _end_block(self):
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self._end_block()

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self._end_block()

    def handle_data(self, data):
        self._current.append(data)

    def close(self):
        super().close()
        self._end_block()


def html_blocks(html: str) -> list[str]:
    """The text of each paragraph, list item and heading in ``html``."""
    parser = _TextExtractor()
    parser.feed(html or "")
    parser.close()
    return parser.blocks


def as_sentences(blocks: list[str]) -> str:
    """Join text blocks into prose: a heading or list item without a full stop still
    ends its sentence, as a reader takes it, instead of running into the next."""
    sentences = []
    for block in blocks:
        block = block.strip()
        if not block:
            continue
        if block[-1] not in ".!?:":
            block += "."
        sentences.append(block)
    return "\n".join(sentences)


_SPANISH = textstatistics()
_SPANISH.set_lang("es")


def reading_grade(text: str, language: str = "en") -> float | None:
    """How hard plain ``text`` in ``language`` is to read, one decimal; None when
    there is none. English: the Flesch-Kincaid grade (lower is easier). Spanish:
    the Fernández-Huerta readability (0 to about 120, higher is easier), with
    Spanish syllables. ``readability.SCALES`` holds each one's target.

    textstat 0.7.8 counts syllables with pyphen only, offline. Later versions fetch
    NLTK data over the network on first use, which is why requirements pin it.
    """
    if not re.search(r"[^\W\d_]", text or ""):
        return None
    if language == "es":
        return round(float(_SPANISH.fernandez_huerta(text)), 1)
    return round(float(textstat.flesch_kincaid_grade(text)), 1)


# Sentences end at . ! or ? followed by a space, or at the end of a line.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text or "") if s.strip()]


def hard_sentences(text: str, *, scale) -> list[tuple[str, float]]:
    """The sentences of plain ``text`` that miss the target of ``scale`` (a
    ``readability.Scale``), hardest first, each with its own score."""
    named = [s for s in sentences(text) if len(s.split()) >= scale.shortest_named]
    graded = [(s, reading_grade(s, scale.language)) for s in named]
    hard = [(s, g) for s, g in graded if g is not None and scale.misses(g)]
    return sorted(hard, key=lambda item: scale.hardest_first(item[1]))
