"""Conditional polling of a live session: the version in the cache, the viewer's signed token and
the 304 answer.

Every change of a session's state bumps ``LiveSession.version`` in the database and, after the
commit, the copy under ``scenarios:live:<id>:version`` in the cache. A poll carries the ETag it got
last time and a signed viewer token from the page; when the token is genuine and the ETag names the
cached version, the answer is 304 without reading the session, the user or the database at all.
Anything else goes the full way (permission check, state from the database).

With a cache shared by all workers (``CACHE_URL``) a bump is seen everywhere at once. A cache inside
each process cannot see other workers' bumps, so there the version is kept only for
``SCENARIOS_VERSION_CACHE_SECONDS`` (1 s by default without ``CACHE_URL``), after which one cheap
query refreshes it."""

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.db.models import F

SALT = "scenarios.live.viewer"


def _key(session_id):
    return f"scenarios:live:{session_id}:version"


def viewer_token(session_id, viewer):
    """A token naming who polls (``"trainer"``, ``"projector"`` or ``"p<participant id>"``)."""
    return signing.Signer(salt=SALT).sign(f"{session_id}:{viewer}")


def read_token(session_id, token):
    """The viewer named by a genuine token for this session, else None."""
    try:
        value = signing.Signer(salt=SALT).unsign(token or "")
    except signing.BadSignature:
        return None
    found_session, _sep, viewer = value.partition(":")
    return viewer if found_session == str(session_id) and viewer else None


def etag(session_id, version, viewer):
    return f'"{session_id}.{version}.{viewer}"'


def cached_version(session_id):
    return cache.get(_key(session_id))


def remember(session_id, version):
    cache.set(_key(session_id), version, settings.SCENARIOS_VERSION_CACHE_SECONDS)


def bump(session):
    """Record a change of ``session``: the database first, the cache once the change is committed."""
    type(session).objects.filter(pk=session.pk).update(version=F("version") + 1)
    session.refresh_from_db(fields=["version"])
    session_id, version = session.pk, session.version
    # Forget the old version at once (a poll meanwhile reads the database), and cache the new one
    # only when it is committed, so no worker can cache a version that was rolled back.
    cache.delete(_key(session_id))
    transaction.on_commit(lambda: remember(session_id, version))
    return version


def unchanged(session_id, token, if_none_match):
    """True when the client's copy is current: a 304 may be sent without touching the database."""
    if not if_none_match:
        return False
    viewer = read_token(session_id, token)
    if viewer is None:
        return False
    version = cached_version(session_id)
    if version is None:
        return False
    return etag(session_id, version, viewer) in [tag.strip() for tag in if_none_match.split(",")]
