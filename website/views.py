from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from wagtail.models import Locale, Page


def healthz(request):
    """Liveness for load balancers: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without the request context: whatever broke may be what a context processor needs.
    return HttpResponseServerError(loader.get_template("500.html").render())


def search(request):
    # Control characters (a NUL breaks PostgreSQL's text search) never belong in a search.
    query = "".join(char for char in request.GET.get("q", "") if char.isprintable() or char.isspace())
    query = query.strip()[:200]
    results = Page.objects.none()
    if query:
        pages = Page.objects.live().public().specific()
        locale = Locale.objects.filter(language_code=translation.get_language()).first()
        if locale is not None:
            pages = pages.filter(locale=locale)
        results = pages.search(query)
    paginator = Paginator(results, 10)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page_obj = paginator.page(1)
    return render(request, "website/search.html", {"query": query, "results": page_obj})
