"""Public pages: lists, a page, search, plus robots.txt. Drafts are previewed by staff
at the page's own address."""

from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView

from clinic.pagecache import public_page

from . import services, translation
from .forms import SearchForm
from .models import Page, PageDraft, PageRedirect
from .outline import page_outline
from .readability import section_grades
from .search import Found, forgiving_search

MAX_SEARCH_RESULTS = 50


@method_decorator(public_page, name="dispatch")
class PageListView(ListView):
    template_name = "education/page_list.html"
    context_object_name = "pages"
    kind: str = Page.Kind.PROCEDURE
    heading = ""
    intro = ""

    def get_queryset(self):
        pages = super().get_queryset().published()
        return pages.only("kind", "title", "slug", "summary").order_by("title")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            kind=self.kind,
            heading=self.heading,
            intro=self.intro,
            canonical_url=self.request.build_absolute_uri(self.request.path),
            **kwargs,
        )


class ProcedureListView(PageListView):
    queryset = Page.objects.procedures()
    kind = Page.Kind.PROCEDURE
    heading = _("Procedures we offer")
    intro = _(
        "What each treatment is, who it helps, how it is done and what recovery "
        "is like, in plain words."
    )


class ConditionListView(PageListView):
    queryset = Page.objects.conditions()
    kind = Page.Kind.CONDITION
    heading = _("Conditions we treat")
    intro = _(
        "The causes, signs and treatments of common spine problems, and when to "
        "get care."
    )


@method_decorator(public_page, name="dispatch")
class PageDetailView(DetailView):
    """A published page for everyone; a draft for staff allowed to view it, with a
    "Draft preview" banner and never cached. An old address answers with a 301."""

    context_object_name = "page"
    kind: str = Page.Kind.PROCEDURE

    def get(self, request, *args, slug, **kwargs):
        if request.GET.get("draft") and request.user.is_authenticated:
            response = self.render_pending_changes(request, slug)
            if response is not None:
                return response
        page = Page.objects.with_parts().filter(slug=slug).first()
        if page is None or not page.is_visible_to(request.user):
            # An old address, possibly taken by a draft that is not live yet.
            moved = PageRedirect.objects.select_related("page").filter(old_slug=slug)
            target = next((r.page for r in moved), None)
            if target is not None and target.is_visible_to(request.user):
                return HttpResponsePermanentRedirect(target.get_absolute_url())
            raise Http404
        if page.kind != self.kind:
            return HttpResponsePermanentRedirect(page.get_absolute_url())
        self.object = page
        response = self.render_to_response(self.get_context_data(object=page))
        if not page.is_published:
            add_never_cache_headers(response)
            patch_vary_headers(response, ["Cookie"])
        return response

    def render_pending_changes(self, request, slug):
        """A live page with its pending changes, for staff (``?draft=1``), under a
        banner, never cached: rendered while the database shows the draft."""
        live = Page.objects.filter(slug=slug, status=Page.Status.PUBLISHED).first()
        if live is None or not live.is_visible_to(request.user):
            return None
        pending = PageDraft.objects.filter(page=live, content__isnull=False)
        if not request.user.is_staff or not pending.exists():
            return None
        with services.page_draft_session(page=live, by=request.user):
            self.object = Page.objects.with_parts().get(pk=live.pk)
            context = self.get_context_data(object=self.object)
            context.update(is_preview=True, is_pending_changes=True)
            context["grades"] = section_grades(
                self.object, self.object.parts.all(), get_language()
            )
            response = self.render_to_response(context)
            response.render()
        add_never_cache_headers(response)
        patch_vary_headers(response, ["Cookie"])
        return response

    def get_template_names(self):
        return [f"education/{self.object.kind}_detail.html"]

    def get_context_data(self, **kwargs):
        page = self.object
        # Not wholly in Spanish: the English page, never a 404, under a notice.
        in_english = get_language() != "en" and not page.spanish_complete
        if in_english:
            translation.show_in_english(page, *page.parts.all())
        canonical_url = self.request.build_absolute_uri(page.get_absolute_url())
        outline = page_outline(page)
        return super().get_context_data(
            # The English text is marked as such, for screen readers.
            lang_attr=mark_safe(' lang="en"') if in_english else "",  # noqa: S308
            is_preview=not page.is_published,
            admin_url=reverse(f"admin:education_{page.kind}_change", args=[page.pk]),
            canonical_url=canonical_url,
            outline=outline,
            has_care_section=any(block.is_care for block in outline),
            **kwargs,
        )


class ProcedureDetailView(PageDetailView):
    kind = Page.Kind.PROCEDURE


class ConditionDetailView(PageDetailView):
    kind = Page.Kind.CONDITION


@public_page
@require_safe
def search(request):
    """Results for the words typed, or pages close to them with a "did you mean";
    with no words, every published page, so an empty search is never a dead end."""
    form = SearchForm(request.GET)
    query, found, error = "", Found(), ""
    if form.is_valid():
        query = form.cleaned_data["q"]
        if query:
            found = forgiving_search(
                Page.objects.published(), query, limit=MAX_SEARCH_RESULTS
            )
    else:
        error = " ".join(form.errors.get("q", []))
    every_page = []
    if not query:
        every_page = Page.objects.published().only("kind", "title", "slug", "summary")
    return render(
        request,
        "education/search.html",
        {
            "query": query,
            "results": found.pages,
            "suggestion": found.suggestion,
            "every_page": every_page,
            "search_error": error,
        },
    )


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
