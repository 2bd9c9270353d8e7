import base64
import datetime
import hashlib
import json

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID

from tracking.attachments import parse_multipart
from tracking.models import AttachmentFile, Statement

pytestmark = pytest.mark.django_db

BOUNDARY = "xapi-boundary-7d3f"
SIGNATURE = "http://adlnet.gov/expapi/attachments/signature"


def multipart(statements, parts, *, encoding="binary"):
    chunks = [
        f"--{BOUNDARY}\r\nContent-Type: application/json\r\n\r\n".encode(),
        json.dumps(statements).encode(),
    ]
    for content_type, content in parts:
        digest = hashlib.sha256(content).hexdigest()
        headers = f"Content-Type: {content_type}\r\nX-Experience-API-Hash: {digest}\r\n"
        if encoding:
            headers += f"Content-Transfer-Encoding: {encoding}\r\n"
        chunks.append(f"\r\n--{BOUNDARY}\r\n{headers}\r\n".encode() + content)
    chunks.append(f"\r\n--{BOUNDARY}--\r\n".encode())
    return b"".join(chunks)


def attachment_entry(content, content_type="text/plain", usage="http://example.org/usage/report"):
    return {
        "usageType": usage,
        "display": {"en-US": "Report"},
        "contentType": content_type,
        "length": len(content),
        "sha2": hashlib.sha256(content).hexdigest(),
    }


def post_multipart(lrs, statements, parts, **kwargs):
    return lrs.post(
        "statements",
        multipart(statements, parts, **kwargs),
        content_type=f'multipart/mixed; boundary="{BOUNDARY}"',
    )


def test_multipart_statement_with_attachment_is_stored(lrs, make_statement):
    content = b"\x00\x01binary\r\n--not-a-boundary"
    statement = make_statement(attachments=[attachment_entry(content, "application/octet-stream")])
    response = post_multipart(lrs, statement, [("application/octet-stream", content)])
    assert response.status_code == 200, response.content
    stored = AttachmentFile.objects.get()
    with stored.file.open("rb") as handle:
        assert handle.read() == content


def test_attachment_with_wrong_hash_is_rejected(lrs, make_statement):
    content = b"report"
    statement = make_statement(attachments=[attachment_entry(content)])
    body = multipart(statement, [("text/plain", content)]).replace(b"report\r\n--", b"tampered\r\n--")
    response = lrs.post("statements", body, content_type=f'multipart/mixed; boundary="{BOUNDARY}"')
    assert response.status_code == 400
    assert Statement.objects.count() == 0


def test_attachment_part_without_binary_encoding_is_rejected(lrs, make_statement):
    content = b"report"
    statement = make_statement(attachments=[attachment_entry(content)])
    assert post_multipart(lrs, statement, [("text/plain", content)], encoding=None).status_code == 400


def test_missing_attachment_part_is_rejected(lrs, make_statement):
    statement = make_statement(attachments=[attachment_entry(b"report")])
    assert post_multipart(lrs, statement, []).status_code == 400


def test_extra_part_without_attachment_entry_is_rejected(lrs, make_statement):
    assert post_multipart(lrs, make_statement(), [("text/plain", b"stray")]).status_code == 400


def test_json_request_with_attachment_needing_a_part_is_rejected(lrs, make_statement):
    assert lrs.post("statements", make_statement(attachments=[attachment_entry(b"x")])).status_code == 400


def test_json_request_with_file_url_attachment_is_accepted(lrs, make_statement):
    entry = {**attachment_entry(b"x"), "fileUrl": "https://files.example.org/x.txt"}
    assert lrs.post("statements", make_statement(attachments=[entry])).status_code == 200


def test_multipart_without_boundary_is_400(lrs, make_statement):
    response = lrs.post("statements", json.dumps(make_statement()), content_type="multipart/mixed")
    assert response.status_code == 400


def test_get_with_attachments_true_returns_multipart_with_the_content(lrs, make_statement):
    content = b"certificate bytes"
    statement = make_statement(attachments=[attachment_entry(content)])
    statement_id = post_multipart(lrs, statement, [("text/plain", content)]).json()[0]
    response = lrs.get("statements", {"statementId": statement_id, "attachments": "true"})
    assert response["Content-Type"].startswith("multipart/mixed")
    parts = parse_multipart(response.content, response["Content-Type"])
    assert json.loads(parts[0][1])["id"] == statement_id
    assert parts[1][1] == content
    assert parts[1][0]["x-experience-api-hash"] == hashlib.sha256(content).hexdigest()


def test_statement_list_with_attachments_true_is_multipart(lrs, make_statement):
    lrs.post("statements", make_statement())
    response = lrs.get("statements", {"attachments": "true"})
    parts = parse_multipart(response.content, response["Content-Type"])
    assert len(json.loads(parts[0][1])["statements"]) == 1


# --- signed statements -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def signing_key():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "xAPI signer")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    return key, certificate


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jws(payload, key, certificate, alg="RS256"):
    header = {
        "alg": alg,
        "x5c": [base64.b64encode(certificate.public_bytes(serialization.Encoding.DER)).decode()],
    }
    signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(payload).encode())}"
    algorithm = {"RS256": hashes.SHA256(), "RS384": hashes.SHA384(), "RS512": hashes.SHA512()}.get(
        alg, hashes.SHA256()
    )
    signature = key.sign(signing_input.encode(), padding.PKCS1v15(), algorithm)
    return f"{signing_input}.{b64url(signature)}".encode()


def signed(make_statement, signing_key, *, payload=None, alg="RS256"):
    statement = make_statement(id="5b7f1f4b-8f0a-4c49-9d2a-52b5b5e4d7a1")
    token = jws(payload or statement, *signing_key, alg=alg)
    statement["attachments"] = [attachment_entry(token, "application/octet-stream", SIGNATURE)]
    return statement, token


def test_correctly_signed_statement_is_accepted(lrs, make_statement, signing_key):
    statement, token = signed(make_statement, signing_key)
    response = post_multipart(lrs, statement, [("application/octet-stream", token)])
    assert response.status_code == 200, response.content


def test_signature_over_a_different_statement_is_rejected(lrs, make_statement, signing_key):
    other = make_statement(verb={"id": "http://adlnet.gov/expapi/verbs/failed"})
    statement, token = signed(make_statement, signing_key, payload=other)
    response = post_multipart(lrs, statement, [("application/octet-stream", token)])
    assert response.status_code == 400
    assert "does not match" in response.json()["error"]


def test_signature_with_unsupported_algorithm_is_rejected(lrs, make_statement, signing_key):
    statement, token = signed(make_statement, signing_key, alg="HS256")
    assert post_multipart(lrs, statement, [("application/octet-stream", token)]).status_code == 400


def test_forged_signature_is_rejected(lrs, make_statement, signing_key):
    statement, token = signed(make_statement, signing_key)
    head, payload, signature = token.decode().split(".")
    forged = f"{head}.{payload}.{b64url(b'0' * 256)}".encode()
    statement["attachments"] = [attachment_entry(forged, "application/octet-stream", SIGNATURE)]
    assert post_multipart(lrs, statement, [("application/octet-stream", forged)]).status_code == 400


def test_malformed_jws_is_rejected(lrs, make_statement):
    token = b"not-a-jws"
    statement = make_statement(attachments=[attachment_entry(token, "application/octet-stream", SIGNATURE)])
    assert post_multipart(lrs, statement, [("application/octet-stream", token)]).status_code == 400


def test_signature_attachment_must_be_octet_stream(lrs, make_statement, signing_key):
    statement, token = signed(make_statement, signing_key)
    statement["attachments"][0]["contentType"] = "text/plain"
    assert post_multipart(lrs, statement, [("application/octet-stream", token)]).status_code == 400
