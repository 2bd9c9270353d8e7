"""What every app holds about a person, in one place.

Each project app has a ``personal_data`` module that calls ``register`` once::

    register(
        "courses",
        models=["courses.Enrolment", "courses.ReflectionAnswer", ...],
        export=export,  # export(user) -> JSON-serialisable dict or list
        erase=erase,    # erase(user) -> dict of what was done (counts), inside the erasure transaction
    )

``models`` names every model of the app that points at a person or holds personal fields; the test
``privacy/tests/test_registry.py`` fails for a model no app declares, so a new app cannot be
forgotten. The functions use the app's own models: that is the one place an app's personal data is
handled as a whole."""

from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class Entry:
    app_label: str
    models: tuple
    export: object
    erase: object
    # Lower runs earlier when erasing; accounts runs last because the others still need the address
    # and the account to find what belongs to the person.
    order: int = 50


_entries = {}


def register(app_label, *, models, export, erase, order=50):
    _entries[app_label] = Entry(app_label, tuple(models), export, erase, order)


def entries():
    """Registered entries in erasure order (then by app name, for a stable export)."""
    return sorted(_entries.values(), key=lambda entry: (entry.order, entry.app_label))


def covered_models():
    return {label.lower() for entry in _entries.values() for label in entry.models}


def autodiscover():
    autodiscover_modules("personal_data")
