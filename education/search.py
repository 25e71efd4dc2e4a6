"""Search of education pages, forgiving of typos and lay words.

``PageQuerySet.search`` finds pages by the words as typed: PostgreSQL full-text
search with ranking, a simpler match on other databases, both over the title, the
summary, the page text and the editors' alternative terms ("hunchback"), in the
active language: English, or Spanish (PostgreSQL's ``spanish`` configuration),
where a text not written in Spanish is searched in English. Spanish search ignores
accents, so "vertebra" finds "vértebra": ``unaccent()`` on both sides, the
PostgreSQL extension, or on SQLite a Python function of the same name that
``_register_unaccent`` gives every new connection.
``forgiving_search`` is what the search page uses: when nothing matches as typed it
looks for titles and alternative terms close to the query (trigram similarity of
pg_trgm on PostgreSQL, difflib elsewhere) and names the closest one as a "did you
mean".
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.lookups import Unaccent
from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models import (
    Case,
    F,
    IntegerField,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest, NullIf
from django.utils.translation import get_language

# PostgreSQL's text search configuration for each language of the site.
SEARCH_CONFIGS = {"en": "english", "es": "spanish"}
# What is searched, and how much a match counts on PostgreSQL.
SEARCHED = {"title": "A", "alternative_terms": "A", "summary": "B", "search_text": "C"}

# pg_trgm's word similarity of the query to a title or an alternative term, 0 to 1:
# "kyphoplsty" is 0.64 from "Kyphoplasty" and 0.21 from "Vertebroplasty".
MIN_TRIGRAM_SIMILARITY = 0.5
# difflib's ratio of the query to a title or term: "kyphoplsty" scores 0.95 against
# "kyphoplasty" and 0.5 against "vertebroplasty".
MIN_CLOSE_RATIO = 0.75
# Single words shorter than this are too short to guess from ("the", "ok").
MIN_GUESS_LENGTH = 4


@dataclass
class Found:
    """What the search page shows: ``pages`` matched as typed unless ``suggestion``
    is set, in which case they are close to the query and ``suggestion`` is the
    title or alternative term nearest to it."""

    pages: list = field(default_factory=list)
    suggestion: str = ""


def alternative_terms(text: str) -> list[str]:
    """The editor's alternative terms: one per line or separated by commas."""
    return [term.strip() for term in re.split(r"[,;\n]", text or "") if term.strip()]


def normalize(query: str) -> str:
    return " ".join((query or "").split())


def fold(text: str) -> str:
    """``text`` in lowercase without accents: "Vértebra" is "vertebra"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def search_language() -> str:
    """The language searched: the page's, English unless it is Spanish."""
    language = get_language() or "en"
    return language if language in SEARCH_CONFIGS else "en"


def _shown(name: str, language: str):
    """The field ``name`` as the page shows it in ``language``: its text in that
    language, or in English where there is none; without accents in Spanish."""
    if language == "en":
        return F(f"{name}_en")
    text = Coalesce(
        NullIf(F(f"{name}_{language}"), Value("")),
        F(f"{name}_en"),
        output_field=TextField(),
    )
    return Unaccent(text)


def _register_unaccent(sender, connection, **kwargs):
    """SQLite has no ``unaccent()``: give each new connection one, in Python."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "UNACCENT", 1, lambda text: fold(text) if text else text, deterministic=True
        )


connection_created.connect(_register_unaccent)


def search_pages(pages: QuerySet, query: str) -> QuerySet:
    """``pages`` matching ``query`` in their title, alternative terms, summary or
    text, best first.

    PostgreSQL ranks full-text matches, title and alternative terms above summary
    above text, and also finds a title or term typed in part ("kypho"). Elsewhere
    every word must appear somewhere, titles and terms first.
    """
    query = normalize(query)
    if not query:
        return pages.none()
    language = search_language()
    if language != "en":
        query = fold(query)
    if connections[pages.db].vendor == "postgresql":
        return _search_postgresql(pages, query, language)
    return _search_simple(pages, query, language)


def forgiving_search(pages: QuerySet, query: str, *, limit: int) -> Found:
    """At most ``limit`` of ``pages`` for ``query``: the matches as typed, or else
    the pages whose title or alternative terms are close to it, with the closest
    of those as the suggestion. Three queries at most."""
    query = normalize(query)
    if not query:
        return Found()
    fields = ("kind", "title", "slug", "summary", "alternative_terms")
    exact = list(search_pages(pages, query).only(*fields)[:limit])
    if exact:
        return Found(pages=exact)
    if connections[pages.db].vendor == "postgresql":
        language = search_language()
        if language != "en":
            query = fold(query)
        close = list(_close_postgresql(pages, query, language).only(*fields)[:limit])
    else:
        close = _close_simple(pages.only(*fields), query)[:limit]
    if not close:
        return Found()
    return Found(pages=close, suggestion=_nearest_term(close, query))


def _searched(pages: QuerySet, language: str) -> QuerySet:
    """``pages`` with what is searched as ``shown_title``, ``shown_summary``, ..."""
    return pages.annotate(
        **{f"shown_{name}": _shown(name, language) for name in SEARCHED}
    )


def _search_postgresql(pages: QuerySet, query: str, language: str) -> QuerySet:
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    config = SEARCH_CONFIGS[language]
    vectors = [
        SearchVector(f"shown_{name}", weight=weight, config=config)
        for name, weight in SEARCHED.items()
    ]
    vector = sum(vectors[1:], vectors[0])
    search_query = SearchQuery(query, search_type="websearch", config=config)
    return (
        _searched(pages, language)
        .annotate(document=vector, rank=SearchRank(vector, search_query))
        .filter(
            Q(document=search_query)
            | Q(shown_title__icontains=query)
            | Q(shown_alternative_terms__icontains=query)
        )
        .order_by("-rank", "shown_title")
    )


def _search_simple(pages: QuerySet, query: str, language: str) -> QuerySet:
    matches = Q()
    for word in query.split():
        matches &= (
            Q(shown_title__icontains=word)
            | Q(shown_alternative_terms__icontains=word)
            | Q(shown_summary__icontains=word)
            | Q(shown_search_text__icontains=word)
        )
    rank = Case(
        When(shown_title__icontains=query, then=Value(3)),
        When(shown_alternative_terms__icontains=query, then=Value(2)),
        When(shown_summary__icontains=query, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return (
        _searched(pages, language)
        .filter(matches)
        .annotate(rank=rank)
        .order_by("-rank", "shown_title")
    )


def _close_postgresql(pages: QuerySet, query: str, language: str) -> QuerySet:
    """Pages whose title or alternative terms hold a stretch of text close to the
    query by pg_trgm's word similarity, closest first."""
    from django.contrib.postgres.search import TrigramWordSimilarity

    similarity = Greatest(
        TrigramWordSimilarity(query, _shown("title", language)),
        TrigramWordSimilarity(query, _shown("alternative_terms", language)),
    )
    return (
        pages.annotate(similarity=similarity)
        .filter(similarity__gte=MIN_TRIGRAM_SIMILARITY)
        .order_by("-similarity", "title")
    )


def _close_simple(pages: QuerySet, query: str) -> list:
    """Pages whose title or alternative terms (or a word of them) difflib finds
    close to the query, closest first. Reads the pages once: there are tens of
    them, not thousands."""
    scored = []
    for page in pages:
        score = _closeness(query, _vocabulary(page))
        if score >= MIN_CLOSE_RATIO:
            scored.append((-score, page.title, page))
    return [page for *_, page in sorted(scored, key=lambda item: item[:2])]


def _vocabulary(page) -> list[str]:
    """The title and alternative terms of ``page``, whole and word by word."""
    terms = [page.title, *alternative_terms(page.alternative_terms)]
    words = [word for term in terms for word in term.split() if len(term.split()) > 1]
    return terms + words


def _closeness(query: str, terms: list[str]) -> float:
    """How close, 0 to 1, the query (or, for several words, its longest word) is
    to the nearest of ``terms``."""
    wanted = [query.lower()]
    if len(query.split()) > 1:
        wanted.append(max(query.lower().split(), key=len))
    wanted = [text for text in wanted if len(text) >= MIN_GUESS_LENGTH]
    best = 0.0
    for text in wanted:
        for term in terms:
            matcher = difflib.SequenceMatcher(None, fold(text), fold(term))
            if matcher.real_quick_ratio() > best and matcher.quick_ratio() > best:
                best = max(best, matcher.ratio())
    return best


def _nearest_term(pages: list, query: str) -> str:
    """The title or alternative term of ``pages`` nearest to the query: what the
    person probably meant. The first page's title when none is near."""
    terms = [term for page in pages for term in _vocabulary(page)]
    lowered = {term.lower(): term for term in reversed(terms)}
    near = difflib.get_close_matches(query.lower(), list(lowered), n=1, cutoff=0)
    return lowered[near[0]] if near else pages[0].title
