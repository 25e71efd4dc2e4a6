"""Search of education pages: PostgreSQL full-text search with ranking, a simpler
match on other databases. ``PageQuerySet.search`` is the way in."""

from django.db import connections
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When


def search_pages(pages: QuerySet, query: str) -> QuerySet:
    """``pages`` matching ``query`` in their title, summary or body, best first.

    PostgreSQL ranks full-text matches, title above summary above body, and also
    finds a title typed in part ("kypho"). Elsewhere every word must appear
    somewhere, titles first.
    """
    query = " ".join((query or "").split())
    if not query:
        return pages.none()
    if connections[pages.db].vendor == "postgresql":
        return _search_postgresql(pages, query)
    return _search_simple(pages, query)


def _search_postgresql(pages: QuerySet, query: str) -> QuerySet:
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = (
        SearchVector("title", weight="A", config="english")
        + SearchVector("summary", weight="B", config="english")
        + SearchVector("search_text", weight="C", config="english")
    )
    search_query = SearchQuery(query, search_type="websearch", config="english")
    return (
        pages.annotate(document=vector, rank=SearchRank(vector, search_query))
        .filter(Q(document=search_query) | Q(title__icontains=query))
        .order_by("-rank", "title")
    )


def _search_simple(pages: QuerySet, query: str) -> QuerySet:
    matches = Q()
    for word in query.split():
        matches &= (
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(search_text__icontains=word)
        )
    rank = Case(
        When(title__icontains=query, then=Value(2)),
        When(summary__icontains=query, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return pages.filter(matches).annotate(rank=rank).order_by("-rank", "title")
