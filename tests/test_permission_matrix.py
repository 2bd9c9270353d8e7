"""Every URL pattern of the project, and every page type, requested as every role against objects
of another organisation, with the outcome each app's ``tests/access_rules.py`` declares.

A pattern or a page type without an entry fails this test: a new app adds its entries (see
docs/permissions.md, "Adding a new app")."""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from django.urls import URLResolver, get_resolver
from django_otp import DEVICE_ID_SESSION_KEY
from wagtail.models import get_page_models

from website.tests.access import ANONYMOUS, ROLES, World

pytestmark = pytest.mark.django_db


def project_apps():
    root = Path(settings.BASE_DIR).resolve()
    # The virtualenv lives inside the checkout too: its packages (Wagtail's own test apps) are not ours.
    return [
        config
        for config in apps.get_app_configs()
        if root in Path(config.path).resolve().parents and "site-packages" not in Path(config.path).parts
    ]


def rule_modules():
    found = []
    for config in project_apps():
        try:
            found.append(importlib.import_module(f"{config.name}.tests.access_rules"))
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.tests.access_rules" and error.name != f"{config.name}.tests":
                raise
    return found


def url_patterns(patterns=None, route="", namespace=""):
    """(route, "namespace:name", module of the view) for every pattern, i18n prefixes included."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_patterns(pattern.url_patterns, route + str(pattern.pattern), inner)
        else:
            view = getattr(pattern.callback, "view_class", pattern.callback)
            name = f"{namespace}{pattern.name}" if pattern.name else ""
            yield route + str(pattern.pattern), name, getattr(view, "__module__", "")


def without_language(route):
    codes = {f"{code}/" for code, _name in settings.LANGUAGES}
    return route[3:] if route[:3] in codes else route


def covering_rule(rules, route, name, owned):
    for rule in rules:
        for claim in rule.patterns:
            if claim == name or (claim.endswith(":*") and name.startswith(claim[:-1])):
                return rule
    if owned:
        return None  # the platform's own views need an entry by name, not a route prefix
    best = None
    for rule in rules:
        for claim in rule.patterns:
            if claim.startswith("route:") and without_language(route).startswith(claim[6:]):
                if best is None or len(claim) > len(best[1]):
                    best = (rule, claim)
    return best[0] if best else None


@pytest.fixture
def matrix(settings):
    settings.TWO_FACTOR_REQUIRED_FOR_ADMIN = True
    modules = rule_modules()
    world = World()
    for module in modules:
        if hasattr(module, "build"):
            module.build(world)
    rules = [rule for module in modules for rule in getattr(module, "RULES", [])]
    pages = [page_rule for module in modules for page_rule in getattr(module, "PAGES", [])]
    return world, rules, pages


def client_for(world, role):
    client = Client()
    if role == ANONYMOUS:
        return client
    user = world.users[role]
    client.force_login(user)
    device = world.devices.get(role)
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def test_every_url_pattern_and_page_type_has_an_entry_and_every_role_gets_its_outcome(matrix):
    world, rules, pages = matrix
    owned_modules = tuple(f"{config.name}." for config in project_apps())

    uncovered = []
    for route, name, module in url_patterns():
        if covering_rule(rules, route, name, module.startswith(owned_modules)) is None:
            uncovered.append(f"{route} ({name or 'no name'}, {module})")
    declared_pages = {page_rule.model.lower() for page_rule in pages}
    for model in get_page_models():
        label = model._meta.label_lower
        if label != "wagtailcore.page" and label not in declared_pages:
            uncovered.append(f"page type {model._meta.label}")
    assert not uncovered, "No permission-matrix entry for:\n  " + "\n  ".join(uncovered)

    clients = {role: client_for(world, role) for role in ROLES}
    mismatches = []
    for rule in rules:
        for role in ROLES:
            method, path, data = rule.request(world)
            kwargs = dict(rule.extra)
            if data is not None:
                kwargs["data"] = data
            response = getattr(clients[role], method)(path, **kwargs)
            if not rule.expect[role].matches(response):
                mismatches.append(
                    f"{', '.join(rule.patterns)} {method.upper()} {path} as {role}: expected "
                    f"{rule.expect[role]}, got {response.status_code} {response.get('Location', '')}"
                )
    for page_rule in pages:
        page = page_rule.page(world)
        assert page is not None and page.live, f"no live {page_rule.model} in the world"
        for role in ROLES:
            response = clients[role].get(page.url)
            if not page_rule.expect[role].matches(response):
                mismatches.append(
                    f"page {page_rule.model} {page.url} as {role}: expected {page_rule.expect[role]}, "
                    f"got {response.status_code} {response.get('Location', '')}"
                )
    assert not mismatches, "Outcomes that differ from the matrix:\n  " + "\n  ".join(mismatches)
