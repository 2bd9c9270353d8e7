import base64
import json
import uuid

import pytest
from django.test import Client

from .factories import LRSKeyFactory


class LRSClient:
    """A Django test client speaking to /xapi/ with one LRS key and the version header."""

    def __init__(self, key=None, version="2.0.0"):
        self.client = Client()
        self.key = key
        self.version = version

    def headers(self, extra=None):
        headers = {}
        if self.key is not None:
            token = base64.b64encode(f"{self.key.key}:{self.key.secret}".encode()).decode()
            headers["HTTP_AUTHORIZATION"] = f"Basic {token}"
        if self.version:
            headers["HTTP_X_EXPERIENCE_API_VERSION"] = self.version
        for name, value in (extra or {}).items():
            headers["HTTP_" + name.upper().replace("-", "_")] = value
        return headers

    def get(self, path, params=None, headers=None):
        return self.client.get("/xapi/" + path, params or {}, **self.headers(headers))

    def head(self, path, params=None, headers=None):
        return self.client.head("/xapi/" + path, params or {}, **self.headers(headers))

    def _send(self, method, path, params, body, content_type, headers):
        from urllib.parse import urlencode

        url = "/xapi/" + path + (("?" + urlencode(params)) if params else "")
        if not isinstance(body, str | bytes):
            body = json.dumps(body)
        return getattr(self.client, method)(url, body, content_type=content_type, **self.headers(headers))

    def post(self, path, body, params=None, content_type="application/json", headers=None):
        return self._send("post", path, params, body, content_type, headers)

    def put(self, path, body, params=None, content_type="application/json", headers=None):
        return self._send("put", path, params, body, content_type, headers)

    def delete(self, path, params=None, headers=None):
        return self._send("delete", path, params, "", "application/json", headers)


@pytest.fixture
def lrs_key(db):
    return LRSKeyFactory()


@pytest.fixture
def lrs(lrs_key):
    return LRSClient(lrs_key)


@pytest.fixture
def make_statement():
    def make(**overrides):
        statement = {
            "actor": {"objectType": "Agent", "mbox": "mailto:learner@example.org", "name": "Learner"},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en-US": "completed"}},
            "object": {
                "objectType": "Activity",
                "id": "http://example.org/activities/lesson-1",
                "definition": {"name": {"en-US": "Lesson 1", "de": "Lektion 1"}},
            },
        }
        statement.update(overrides)
        return statement

    return make


def new_id():
    return str(uuid.uuid4())
