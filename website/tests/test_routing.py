"""Cached page routing (website.routing): fewer queries, and never a stale answer after a change."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.core.checks import run_checks
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from accounts.selectors import may_use_admin
from website import treecache


def privacy_page():
    return Page.objects.get(slug="privacy", locale__language_code="en").specific


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response, len(context)


def test_a_second_visit_is_routed_from_the_cache_with_fewer_queries(client, site_content):
    url = privacy_page().url
    first, cold = queries_for(client, url)
    second, warm = queries_for(client, url)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    # The cold visit walks the tree (site, locale, home, each level, restrictions); the warm one
    # loads the page alone.
    assert warm <= 2 < cold


def test_an_unpublished_page_is_not_served_from_a_cached_route(client, site_content):
    page = privacy_page()
    url = page.url
    assert client.get(url).status_code == 200
    page.unpublish()
    assert client.get(url).status_code == 404


def test_a_page_made_private_is_not_served_from_a_cached_route(client, site_content, make_user, password):
    page = privacy_page()
    url = page.url
    assert client.get(url).status_code == 200
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    user = make_user(email="reader@example.org")
    client.force_login(user)
    assert client.get(url).status_code == 200


def test_a_renamed_page_moves_its_address_at_once(client, site_content):
    page = privacy_page()
    old_url = page.url
    assert client.get(old_url).status_code == 200
    page.slug = "privacy-notice"
    page.save_revision().publish()
    assert client.get(old_url).status_code == 404
    assert client.get(Page.objects.get(pk=page.pk).url).status_code == 200


def test_a_deleted_page_is_a_404(client, site_content):
    page = privacy_page()
    url = page.url
    assert client.get(url).status_code == 200
    page.delete()
    assert client.get(url).status_code == 404


def test_a_flushed_cache_starts_a_new_version_so_process_memory_is_not_reused(client, site_content):
    page = privacy_page()
    url = page.url
    assert client.get(url).status_code == 200
    before = treecache.version()
    # A change that sends no signal (a raw update), then the cache is flushed (a Redis restart):
    # the process memory still holds the old route, but under a number that is never used again.
    Page.objects.filter(pk=page.pk).update(
        slug="privacy-moved", url_path=page.url_path.replace("privacy", "privacy-moved")
    )
    cache.clear()
    assert treecache.version() != before
    assert client.get(url).status_code == 404
    assert client.get(url.replace("privacy", "privacy-moved")).status_code == 200


def test_learners_get_no_editor_bar_and_editors_do(client, site_content, make_user):
    learner = make_user(email="learner@example.org")
    client.force_login(learner)
    assert "wagtail-userbar" not in client.get("/en/").content.decode()
    editor = make_user(email="editor@example.org", is_staff=True, is_superuser=True)
    client.force_login(editor)
    assert "wagtail-userbar" in client.get("/en/").content.decode()


def test_whether_a_user_may_edit_is_read_once_then_remembered_until_access_changes(site_content, make_user):
    from django.contrib.auth.models import Group, Permission

    user = make_user(email="new-editor@example.org")
    treecache.request_started()  # as in a request: the version is read once
    try:
        assert may_use_admin(user) is False
        # Remembered: no query and no cache round trip the second time.
        with CaptureQueriesContext(connection) as context, mock.patch.object(cache, "get") as cache_get:
            assert may_use_admin(user) is False
        assert len(context) == 0 and cache_get.call_count == 0
    finally:
        treecache.request_finished()
    # A new group with editor access is seen at once …
    group = Group.objects.create(name="Case library curators")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    assert may_use_admin(type(user).objects.get(pk=user.pk)) is True
    # … and so is losing it, by leaving the group or by the group being deleted.
    user.groups.remove(group)
    assert may_use_admin(type(user).objects.get(pk=user.pk)) is False
    user.groups.add(group)
    assert may_use_admin(type(user).objects.get(pk=user.pk)) is True
    group.delete()
    assert may_use_admin(type(user).objects.get(pk=user.pk)) is False


def test_a_login_or_a_new_learner_does_not_bump_the_version_and_a_deactivation_does(site_content, make_user):
    before = treecache.version()
    user = make_user(email="someone@example.org")
    assert treecache.version() == before
    user.save(update_fields=["last_login"])
    user.first_name = "Renamed"
    user.save()  # a profile change
    assert treecache.version() == before
    user.is_active = False
    user.save()
    assert treecache.version() != before


def test_deploy_check_warns_when_the_cache_is_per_process(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert "website.W001" in [message.id for message in run_checks(include_deployment_checks=True)]
    settings.CACHES = {
        "default": {"BACKEND": "website.cache.RedisCache", "LOCATION": "redis://127.0.0.1:6379/9"}
    }
    assert "website.W001" not in [message.id for message in run_checks(include_deployment_checks=True)]


def redis_available():
    import redis

    try:
        return redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


@pytest.mark.skipif(not redis_available(), reason="needs Redis on 127.0.0.1:6379 (CI has it)")
def test_the_redis_cache_keeps_one_client_per_pool_and_works():
    from website.cache import RedisCache

    backend = RedisCache("redis://127.0.0.1:6379/9", {})
    backend.set("routing-test", {"a": 1}, 30)
    assert backend.get("routing-test") == {"a": 1}
    assert backend._cache.get_client() is backend._cache.get_client()
    assert backend._cache.get_client(write=True) is backend._cache.get_client(write=True)
    backend.delete("routing-test")
    assert backend.get("routing-test") is None


def test_changing_an_image_or_a_document_starts_a_new_version(site_content):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    before = treecache.version()
    document = Document.objects.create(title="Checklist", file=ContentFile(b"%PDF-1.4", name="checklist.pdf"))
    assert treecache.version() != before
    before = treecache.version()
    document.delete()
    assert treecache.version() != before


def test_a_warm_visit_reads_the_page_from_process_memory(client, site_content):
    url = privacy_page().url
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200 and "Privacy" in response.content.decode()
    assert not [query for query in context.captured_queries if '"wagtailcore_page"' in query["sql"]]


def test_each_request_gets_its_own_page_instance(site_content):
    from website.routing import _cached_live_page

    page = privacy_page()
    first = _cached_live_page(type(page), page.pk)
    first.title = "Changed by one request"
    second = _cached_live_page(type(page), page.pk)
    assert first is not second and second.title == page.title


def test_a_page_saved_directly_is_served_as_saved_and_a_draft_is_not(client, site_content):
    page = privacy_page()
    url = page.url
    client.get(url)
    page.title = "Privacy, saved by a script"
    page.save()
    assert "Privacy, saved by a script" in client.get(url).content.decode()
    before = treecache.version()
    page.title = "A draft title"
    page.save_revision()
    assert treecache.version() == before
    html = client.get(url).content.decode()
    assert "A draft title" not in html and "Privacy, saved by a script" in html


def test_wagtail_still_reads_the_site_from_the_request_attribute_routing_sets(rf, site_content):
    """website.routing hands Wagtail the cached site through a private attribute (Wagtail 8.0.1);
    if Wagtail stops reading it, this fails and routing must change with it."""
    from wagtail.models import Site

    from website import routing

    request = rf.get("/")
    marker = Site(hostname="cached.example", port=80)
    routing._remember_site(request, marker)
    with CaptureQueriesContext(connection) as context:
        assert Site.find_for_request(request) is marker
    assert context.captured_queries == []


def test_wagtail_still_reads_the_route_from_the_request_attribute_routing_sets(rf, site_content):
    from website import routing

    request = rf.get("/en/privacy/")
    page = privacy_page()
    routing._remember_route(request, page)
    with CaptureQueriesContext(connection) as context:
        assert Page.route_for_request(request, "/en/privacy/") == (page, [], {})
    assert context.captured_queries == []


def test_every_page_type_routes_through_the_base_page():
    from django.apps import apps

    from website.models import BasePage

    page_models = [model for model in apps.get_models() if issubclass(model, Page) and model is not Page]
    ours = [model for model in page_models if not model.__module__.startswith("wagtail")]
    assert ours and all(issubclass(model, BasePage) for model in ours)


def test_a_password_protected_page_opens_with_its_password_and_not_without(client, site_content):
    page = privacy_page()
    url = page.url
    assert client.get(url).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="shared-with-trainers"
    )
    asked = client.get(url)
    assert asked.status_code == 200
    assert "Password required" in asked.content.decode()
    assert '<footer class="site-footer">' in asked.content.decode()  # the site's own layout
    action = f"/en/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    assert action in asked.content.decode()

    wrong = client.post(action, {"password": "guess", "return_url": url})
    assert wrong.status_code == 200 and "Password required" in wrong.content.decode()
    assert "Password required" in client.get(url).content.decode()

    right = client.post(action, {"password": "shared-with-trainers", "return_url": url})
    assert right.status_code == 302 and right["Location"] == url
    opened = client.get(url)
    assert opened.status_code == 200 and page.title in opened.content.decode()
    assert "Password required" not in opened.content.decode()
