import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_the_root_redirects_to_a_language(client, site_content):
    response = client.get("/")
    assert response.status_code == 302
    assert response.url == "/en/"


def test_the_home_page_says_what_the_platform_offers_and_for_whom(client, site_content):
    html = client.get("/en/").content.decode()
    assert "Legal hiring, country by country" in html
    assert "Trainers" in html and "Companies" in html
    assert 'lang="en"' in html and 'dir="ltr"' in html


def test_the_arabic_home_page_is_right_to_left_and_in_arabic(client, site_content):
    html = client.get("/ar/").content.decode()
    assert 'lang="ar"' in html and 'dir="rtl"' in html
    assert "وظّف اللاجئين" in html


def test_the_language_switcher_links_to_each_translation(client, site_content):
    html = client.get("/de/privacy/").content.decode()
    for href in ('href="/en/privacy/"', 'href="/nl/privacy/"', 'href="/ar/privacy/"'):
        assert href in html


def test_the_footer_links_privacy_and_imprint_in_the_current_language(client, site_content):
    html = client.get("/nl/").content.decode()
    assert "Privacyverklaring" in html and "Colofon" in html


def test_an_unknown_page_gets_a_friendly_404(client, site_content):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


@override_settings(DEBUG=False)
def test_a_server_error_gets_a_friendly_500(client, site_content, monkeypatch):
    from website import views

    client.raise_request_exception = False
    monkeypatch.setattr(views, "healthz", lambda request: 1 / 0)
    from django.urls import clear_url_caches

    clear_url_caches()
    response = views.server_error(None)
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_search_finds_pages_in_the_current_language(client, site_content):
    html = client.get("/en/search/", {"q": "privacy"}).content.decode()
    assert "Privacy notice" in html


def test_public_pages_send_a_content_security_policy(client, site_content):
    response = client.get("/en/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_healthz_answers_ok(client):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_a_miss_under_an_api_prefix_is_a_404_not_a_redirect_to_a_language(client, site_content):
    assert client.get("/xapi/no-such-resource").status_code == 404
    assert client.get("/h5p/no-such-thing/").status_code == 404


def test_a_miss_without_a_language_prefix_on_pages_still_redirects(client, site_content):
    response = client.get("/privacy/")
    assert response.status_code == 302 and response.url == "/en/privacy/"


def test_a_trusted_proxy_passes_on_the_client_address(rf, settings):
    from website.middleware import TrustedProxyMiddleware

    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    seen = {}
    middleware = TrustedProxyMiddleware(lambda request: seen.setdefault("ip", request.META["REMOTE_ADDR"]))
    middleware(rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7, 10.0.0.2"))
    assert seen["ip"] == "198.51.100.7"


def test_an_untrusted_peer_cannot_claim_another_address(rf, settings):
    from website.middleware import TrustedProxyMiddleware

    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    seen = {}
    middleware = TrustedProxyMiddleware(lambda request: seen.setdefault("ip", request.META["REMOTE_ADDR"]))
    middleware(rf.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.7"))
    assert seen["ip"] == "203.0.113.9"


def test_favicon_ico_is_a_real_icon_and_pages_link_it(client, site_content):
    import io

    from PIL import Image

    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    icon = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert icon.format == "ICO" and (32, 32) in icon.info["sizes"]
    assert '<link rel="icon" href="/favicon.ico"' in client.get("/en/").content.decode()
