"""Every model that points at a person or holds personal fields is covered by some app's
personal_data module, and every app's module is found without registering it anywhere."""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model

from privacy import registry

# Field names that hold a person's identity wherever they appear.
PERSONAL_FIELDS = {"email", "first_name", "last_name", "hire_name", "holder_name", "actor_name", "phone"}


def project_apps():
    root = Path(settings.BASE_DIR).resolve()
    return [
        config
        for config in apps.get_app_configs()
        if root in Path(config.path).resolve().parents and "site-packages" not in Path(config.path).parts
    ]


def personal_models():
    user_model = get_user_model()
    found = {}
    for config in project_apps():
        for model in config.get_models():
            # Only the model's own fields: a page's owner lives on Wagtail's Page, not on the page type.
            fields = list(model._meta.local_fields) + list(model._meta.local_many_to_many)
            reasons = [
                field.name
                for field in fields
                if (field.is_relation and field.related_model is user_model) or field.name in PERSONAL_FIELDS
            ]
            if reasons:
                found[model._meta.label_lower] = reasons
    return found


def test_every_model_with_personal_data_is_covered_by_an_app():
    missing = {
        label: why for label, why in personal_models().items() if label not in registry.covered_models()
    }
    assert not missing, f"no app's personal_data module declares these models (fields): {missing}"


def test_each_app_declares_only_its_own_models():
    for entry in registry.entries():
        for label in entry.models:
            assert label.split(".")[0] == entry.app_label, (entry.app_label, label)
            apps.get_model(label)  # the declared model exists


def test_every_app_with_personal_data_has_registered_export_and_erase():
    apps_with_data = {label.split(".")[0] for label in personal_models()}
    registered = {entry.app_label for entry in registry.entries()}
    assert apps_with_data <= registered
    assert {
        "accounts",
        "courses",
        "h5p",
        "tracking",
        "certificates",
        "scenarios",
        "plans",
        "cases",
        "workshops",
    } <= (registered)
    for entry in registry.entries():
        assert callable(entry.export) and callable(entry.erase)


def test_a_model_nobody_declares_is_reported(monkeypatch):
    # The check above would catch a new app: without its declaration the models show up as missing.
    monkeypatch.setattr(registry, "_entries", {k: v for k, v in registry._entries.items() if k != "courses"})
    missing = {label for label in personal_models() if label not in registry.covered_models()}
    assert {"courses.enrolment", "courses.reflectionanswer"} <= missing
