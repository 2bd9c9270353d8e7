"""A real HTTP LRS on 127.0.0.1 that behaves like ADL's reference LRS where forwarding meets it.

It answers ``409 Conflict`` to a POST whose batch holds any id it already has (storing none of the
batch) and to a PUT of a known id, identical or not; it serves ``GET ?statementId=`` and
``?voidedStatementId=`` with the statement as it keeps it (``stored``, ``authority`` and ``version``
added, default ``objectType`` values filled in). Faults are switched on per test:

- ``stall_seconds``: after checking the ids and before storing, the request waits, so a second copy
  of the batch sent meanwhile passes the same check and is stored again (what a real LRS does when
  two copies race);
- ``drop_after_store``: the next N POSTs are stored, then the connection is closed without an answer.

``inserts`` counts how often each id was written, so a test can assert exactly-once delivery.
"""

import json
import threading
import time
import uuid
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

VOIDED = "http://adlnet.gov/expapi/verbs/voided"


def as_kept(statement):
    """The statement as the LRS returns it: its own additions on top of what it was sent."""
    kept = json.loads(json.dumps(statement))
    kept.setdefault("version", "1.0.0")
    kept["stored"] = "2026-12-02T06:00:00.000Z"
    kept["authority"] = {
        "objectType": "Agent",
        "account": {"homePage": "http://lrs.test", "name": "platform"},
    }
    kept["actor"].setdefault("objectType", "Agent")
    kept["object"].setdefault("objectType", "Activity")
    return kept


class LRSDouble:
    def __init__(self):
        self.statements = {}
        self.voided = set()
        self.inserts = Counter()
        self.posts = 0
        self.gets = 0
        self.puts = 0
        self.stall_seconds = 0
        self.drop_after_store = 0
        self.lock = threading.Lock()
        self.server = None
        self.port = None

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.port}/xapi/"

    def hold(self, statement):
        """Store a statement as if it had arrived earlier."""
        self.statements[statement["id"]] = as_kept(statement)
        self.inserts[statement["id"]] += 1

    def _store(self, statements):
        with self.lock:
            for statement in statements:
                self.statements[statement["id"]] = as_kept(statement)
                self.inserts[statement["id"]] += 1
                if statement["verb"]["id"] == VOIDED:
                    self.voided.add(statement["object"]["id"])

    def handler(self):
        lrs = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _answer(self, status, payload=None):
                body = b"" if payload is None else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("X-Experience-API-Version", "1.0.3")
                self.end_headers()
                self.wfile.write(body)

            def _body(self):
                length = int(self.headers.get("Content-Length") or 0)
                return json.loads(self.rfile.read(length))

            def do_POST(self):
                body = self._body()
                statements = body if isinstance(body, list) else [body]
                with lrs.lock:
                    lrs.posts += 1
                    known = [s["id"] for s in statements if s["id"] in lrs.statements]
                    drop = lrs.drop_after_store > 0
                    if drop:
                        lrs.drop_after_store -= 1
                if known:
                    self._answer(409, {"message": f"Statement {known[0]} already exists"})
                    return
                if lrs.stall_seconds:
                    time.sleep(lrs.stall_seconds)
                lrs._store(statements)
                if drop:
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                self._answer(200, [s["id"] for s in statements])

            def do_PUT(self):
                statement = self._body()
                statement_id = parse_qs(urlsplit(self.path).query).get("statementId", [""])[0]
                with lrs.lock:
                    lrs.puts += 1
                    known = statement_id in lrs.statements
                if known:
                    self._answer(409, {"message": f"Statement {statement_id} already exists"})
                    return
                lrs._store([{**statement, "id": statement_id}])
                self._answer(204)

            def do_GET(self):
                query = parse_qs(urlsplit(self.path).query)
                with lrs.lock:
                    lrs.gets += 1
                    if "statementId" in query:
                        wanted = query["statementId"][0]
                        found = lrs.statements.get(wanted) if wanted not in lrs.voided else None
                    elif "voidedStatementId" in query:
                        wanted = query["voidedStatementId"][0]
                        found = lrs.statements.get(wanted) if wanted in lrs.voided else None
                    else:
                        found = None
                if found is None:
                    self._answer(404, {"message": "Not found"})
                else:
                    self._answer(200, found)

            def log_message(self, *args):
                pass

        return Handler

    def up(self):
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port or 0), self.handler())
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def down(self):
        self.server.shutdown()
        self.server.server_close()
        self.server = None


def different_copy(statement):
    """The same id carrying another result: a real conflict."""
    other = json.loads(json.dumps(statement))
    other["verb"] = {"id": "http://adlnet.gov/expapi/verbs/failed", "display": {"en-US": "failed"}}
    other.setdefault("context", {})["registration"] = str(uuid.uuid4())
    return other
