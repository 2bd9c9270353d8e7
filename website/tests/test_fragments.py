"""The cached site header and footer ({% treecache %} in base.html): reused, never shared across audiences,
languages or pages, refreshed when the tree changes, and with every visitor's own CSRF token."""

import re
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from website.templatetags import treecache as treecache_tags

pytestmark = pytest.mark.django_db


def privacy(language="en"):
    return Page.objects.get(slug="privacy", locale__language_code=language).specific


def header_of(html):
    return html[html.index('<header class="site-header">') : html.index("</header>")]


def test_the_header_is_rendered_once_per_page_and_audience(client, site_content):
    url = privacy().url
    with mock.patch.object(
        treecache_tags.TreeCacheNode,
        "_render",
        autospec=True,
        side_effect=treecache_tags.TreeCacheNode._render,
    ) as render:
        first = client.get(url).content.decode()
        second = client.get(url).content.decode()
    assert header_of(first) == header_of(second)
    # The header and the footer once each; the second visit reuses both.
    assert render.call_count == 2


def test_audiences_never_see_each_others_header(client, site_content, make_user):
    url = privacy().url
    assert "Log in" in header_of(client.get(url).content.decode())
    learner = make_user(email="learner@example.org")
    client.force_login(learner)
    html = header_of(client.get(url).content.decode())
    assert "Log out" in html and "Log in" not in html and "Editor area" not in html
    staff = make_user(email="staff@example.org", is_staff=True)
    client.force_login(staff)
    assert "Editor area" in header_of(client.get(url).content.decode())
    client.force_login(learner)
    assert "Editor area" not in header_of(client.get(url).content.decode())


def test_each_page_and_language_has_its_own_header(client, site_content):
    english = header_of(client.get(privacy().url).content.decode())
    home = header_of(client.get("/en/").content.decode())
    arabic = header_of(client.get(privacy("ar").url).content.decode())
    # The language links of a page lead to that page's translations.
    assert 'href="/ar/privacy/"' in english and 'href="/ar/privacy/"' not in home
    assert 'aria-current="true">العربية' in arabic and 'aria-current="true">English' in english


def test_a_renamed_navigation_page_shows_in_the_cached_header(client, site_content):
    from website.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="en")
    item = StandardPage(title="About the programme", slug="about", show_in_menus=True)
    home.add_child(instance=item)
    item.save_revision().publish()
    url = privacy().url
    assert "About the programme" in header_of(client.get(url).content.decode())
    item = StandardPage.objects.get(pk=item.pk)
    item.title = "Renamed in the menu"
    item.save_revision().publish()
    html = header_of(client.get(url).content.decode())
    assert "Renamed in the menu" in html and "About the programme" not in html


def test_every_visitor_gets_their_own_working_csrf_token_in_the_cached_header(site_content, make_user):
    url = privacy().url
    tokens = []
    for email in ("first@example.org", "second@example.org"):
        client = Client(enforce_csrf_checks=True)
        client.force_login(make_user(email=email))
        html = header_of(client.get(url).content.decode())
        assert treecache_tags.CSRF_PLACEHOLDER not in html
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        tokens.append(token)
        # The token in the cached header logs this visitor out.
        response = client.post(reverse("accounts:logout"), {"csrfmiddlewaretoken": token})
        assert response.status_code == 302
        assert client.get(reverse("accounts:dashboard")).status_code == 302
    assert tokens[0] != tokens[1]


def test_views_that_are_not_pages_keep_their_query_string_in_the_language_links(client, site_content):
    html = header_of(client.get("/en/accounts/login/?next=/en/privacy/").content.decode())
    assert "/ar/accounts/login/?next=/en/privacy/" in html
