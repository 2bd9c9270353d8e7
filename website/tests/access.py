"""The permission matrix: what each role may do with each URL, declared by the app that owns it.

Every project app keeps its entries in ``<app>/tests/access_rules.py``:

- ``build(world)`` (optional) adds the app's objects to the shared ``world``. Objects that a rule
  requests belong to ANOTHER organisation than the acting users (``world.org_b``), unless the rule
  says otherwise in its ``note``.
- ``RULES``: a list of ``Rule``; each names the URL patterns it covers (``"namespace:name"``, or a
  route prefix such as ``"admin/"`` for third-party screens), says how to request it against the
  world, and the outcome for every role.
- ``PAGES`` (optional): a list of ``PageRule``, one per page type the app defines, with a
  representative live page of that type in the world.

``tests/test_permission_matrix.py`` walks every URL pattern of the project and every page type,
fails for any without an entry, and requests each entry as every role."""

from dataclasses import dataclass, field

ANONYMOUS = "anonymous"
LEARNER = "learner"
TRAINER = "trainer"
COMPANY_ADMIN = "company admin"
EDITOR = "editor"
MODERATOR = "moderator"
SUPERUSER = "superuser"
ROLES = (ANONYMOUS, LEARNER, TRAINER, COMPANY_ADMIN, EDITOR, MODERATOR, SUPERUSER)
SIGNED_IN = ROLES[1:]
ADMINS = (EDITOR, MODERATOR, SUPERUSER)
NOT_ADMINS = (ANONYMOUS, LEARNER, TRAINER, COMPANY_ADMIN)


@dataclass(frozen=True)
class Outcome:
    """What a role gets: a status code (one of ``statuses``) and, for a redirect, where to."""

    label: str
    statuses: tuple
    location: str = ""

    def matches(self, response):
        if response.status_code not in self.statuses:
            return False
        if self.location:
            return self.location in response.get("Location", "")
        return True

    def __str__(self):
        return self.label


OK = Outcome("allowed", (200, 201, 204, 206))
# Allowed, answered with a redirect to the next step (a form that was sent, a file in object storage).
DONE = Outcome("allowed (redirect)", (302, 303))
LOGIN = Outcome("login first", (302,), "/login/")
ADMIN_LOGIN = Outcome("admin login first", (302,), "/admin/login/")
# Signed in but without admin rights: Wagtail sends the person back with a message.
NO_ADMIN = Outcome("no admin access", (302, 403))
DENIED = Outcome("refused (403)", (403,))
NOT_FOUND = Outcome("not found (404)", (404,))
GONE = Outcome("not found (410)", (410,))
BAD = Outcome("invalid input (400)", (400,))
NOT_ALLOWED = Outcome("method not allowed (405)", (405,))
UNAUTHORISED = Outcome("LRS key needed (401)", (401,))
REDIRECT = Outcome("redirect", (301, 302))


def everyone(outcome):
    return dict.fromkeys(ROLES, outcome)


def roles(default, **overrides):
    """``roles(NOT_FOUND, superuser=OK)``: keyword names use underscores (company_admin)."""
    table = everyone(default)
    for name, outcome in overrides.items():
        table[name.replace("_", " ")] = outcome
    return table


@dataclass
class Rule:
    patterns: tuple
    request: object  # callable(world) -> (method, path, data)
    expect: dict
    note: str = ""
    extra: dict = field(default_factory=dict)  # extra client keyword arguments (headers)

    def __post_init__(self):
        if isinstance(self.patterns, str):
            self.patterns = (self.patterns,)
        missing = set(ROLES) - set(self.expect)
        if missing:
            raise ValueError(f"{self.patterns}: no outcome for {sorted(missing)}")


@dataclass
class PageRule:
    model: str  # "app_label.ModelName"
    page: object  # callable(world) -> a live page of that type
    expect: dict
    note: str = ""

    def __post_init__(self):
        missing = set(ROLES) - set(self.expect)
        if missing:
            raise ValueError(f"{self.model}: no outcome for {sorted(missing)}")


def get(path):
    return lambda world: ("get", path(world) if callable(path) else path, None)


def post(path, data=None):
    return lambda world: (
        "post",
        path(world) if callable(path) else path,
        data(world) if callable(data) else data,
    )


class World:
    """The objects rules request, built by each app's ``build(world)`` in INSTALLED_APPS order."""
