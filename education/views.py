from django.views.generic import DetailView, ListView

from .models import Page


class ProcedureListView(ListView):
    template_name = "education/page_list.html"

    def get_queryset(self):
        return Page.objects.published().procedures()


class ConditionListView(ProcedureListView):
    def get_queryset(self):
        return Page.objects.published().conditions()


class PageDetailView(DetailView):
    template_name = "education/page_detail.html"

    def get_queryset(self):
        return Page.objects.published()
