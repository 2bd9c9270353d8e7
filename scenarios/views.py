"""Endpoints that change a play or a live session; the scenario pages themselves are Wagtail pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from . import selectors, services
from .models import ScenarioPage


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _wants_fragment(request):
    return request.headers.get("X-Requested-With") == "fetch"


def _back(request, page):
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = page.get_url(request) or "/"
    return target


def _solo_target(request, page_id):
    page = ScenarioPage.objects.live().filter(pk=page_id).first()
    if page is None:
        raise Http404(_("This scenario is not available."))
    lesson = None
    lesson_id = _int(request.POST.get("lesson"))
    block_id = request.POST.get("block", "")[:64]
    if request.POST.get("lesson"):
        lesson = Page.objects.live().filter(pk=lesson_id).specific().first() if lesson_id else None
        if lesson is None or not hasattr(lesson, "body"):
            raise Http404(_("This lesson is not available."))
    return page, lesson, block_id


def _answer(request, page, lesson, block_id, error=None, play=None):
    anchor = f"scenario-{block_id or page.pk}"
    if _wants_fragment(request):
        state = selectors.solo_state(request, page, lesson=lesson, block_id=block_id, play=play)
        state["back_url"] = _back(request, page)
        html = render_to_string(
            "scenarios/includes/solo_play.html", {"solo": state, "error": error}, request=request
        )
        return HttpResponse(html, status=error.status if error else 200)
    if error is not None:
        messages.error(request, error.message)
    return redirect(f"{_back(request, page)}#{anchor}")


@require_POST
@login_required
def choose(request, page_id):
    page, lesson, block_id = _solo_target(request, page_id)
    try:
        play = services.choose(
            request.user,
            page,
            request.POST.get("choice", "")[:64],
            _int(request.POST.get("step")),
            lesson=lesson,
            block_id=block_id,
        )
    except services.ScenarioActionError as error:
        if error.status == 404:
            raise Http404(error.message) from None
        return _answer(request, page, lesson, block_id, error=error)
    return _answer(request, page, lesson, block_id, play=play)


@require_POST
@login_required
def start_again(request, page_id):
    page, lesson, block_id = _solo_target(request, page_id)
    try:
        play = services.start_again(request.user, page, lesson=lesson, block_id=block_id)
    except services.ScenarioActionError as error:
        if error.status == 404:
            raise Http404(error.message) from None
        return _answer(request, page, lesson, block_id, error=error)
    return _answer(request, page, lesson, block_id, play=play)
