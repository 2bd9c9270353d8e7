"""Response headers under the production settings: a nonce-based Content-Security-Policy on public
pages, a policy Wagtail works under on /admin/, HSTS, frame options and the referrer policy."""

import importlib.util
import re
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

SECURITY_SETTINGS = (
    "SECURE_",
    "X_FRAME_OPTIONS",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "CONTENT_SECURITY_POLICY",
    "ADMIN_CONTENT_SECURITY_POLICY",
    "MIDDLEWARE",
)


def production_security_settings(monkeypatch):
    """The security settings exactly as website.settings.production defines them."""
    monkeypatch.setenv("SECRET_KEY", "headers-test-key-" + "x" * 40)
    path = Path(__file__).resolve().parent.parent / "website" / "settings" / "production.py"
    spec = importlib.util.spec_from_file_location("website.settings._production_under_test", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {name: getattr(module, name) for name in dir(module) if name.startswith(SECURITY_SETTINGS)}


@pytest.fixture
def production_client(monkeypatch):
    with override_settings(**production_security_settings(monkeypatch)):
        # The client loads the middleware on its first request, inside the override.
        yield Client()


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_public_pages_carry_a_nonce_policy_hsts_frame_options_and_referrer_policy(
    production_client, site_content, make_user
):
    from certificates.models import CertificateExport

    person = make_user(email="trainer@example.org")
    export = CertificateExport.objects.create(
        requested_by=person, course_key="5b1e4f0e-2b7c-4a55-9d7e-0c8a3e7f1a10", course_title="Hiring"
    )
    production_client.force_login(person)
    response = production_client.get(reverse("certificates:export", args=[export.uuid]), secure=True)
    assert response.status_code == 200

    policy = directives(response["Content-Security-Policy"])
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    assert "'self'" in policy["script-src"]
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    # The page's inline script carries the same nonce; no inline script goes without it.
    html = response.content.decode()
    scripts = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")([^>]*)>", html)
    assert scripts and all(f'nonce="{nonce}"' in attributes for attributes in scripts)

    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "includeSubDomains" in response["Strict-Transport-Security"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_home_page_allows_no_inline_or_eval_scripts(production_client, site_content):
    first = production_client.get("/en/", secure=True)["Content-Security-Policy"]
    assert "'unsafe-inline'" not in directives(first)["script-src"]
    assert "'unsafe-eval'" not in first


def test_the_admin_has_a_policy_wagtail_works_under(production_client):
    response = production_client.get("/admin/login/", secure=True)
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_plain_http_is_redirected_to_https(production_client, site_content):
    response = production_client.get("/en/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_the_h5p_frame_bootstrap_hash_matches_the_installed_player(settings):
    """The policy allows H5P's one inline frame script by hash; an upgraded player must still match."""
    bundle = Path(settings.BASE_DIR) / "node_modules" / "h5p-standalone" / "dist" / "frame.bundle.js"
    if not bundle.exists():
        pytest.skip("h5p-standalone is not installed (npm install)")
    script = settings.H5P_FRAME_BOOTSTRAP_SCRIPT
    assert f"<script>{script}<\\/script>" in bundle.read_text(encoding="utf-8")
    assert settings.H5P_FRAME_BOOTSTRAP_HASH in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"]
