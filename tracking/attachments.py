"""multipart/mixed statement requests and responses, SHA-2 checks and JWS statement signatures."""

import base64
import hashlib
import re
import secrets

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from .models import AttachmentFile
from .store import with_comparable_durations
from .validation import SIGNATURE_USAGE, StatementError, load_json

HASHES = {56: hashlib.sha224, 64: hashlib.sha256, 96: hashlib.sha384, 128: hashlib.sha512}
JWS_HASHES = {"RS256": hashes.SHA256, "RS384": hashes.SHA384, "RS512": hashes.SHA512}


class MultipartError(ValueError):
    pass


def boundary_of(content_type):
    match = re.search(r'boundary="?([^";]+)"?', content_type or "", re.IGNORECASE)
    if not match:
        raise MultipartError(_("multipart/mixed needs a boundary parameter"))
    return match.group(1).encode("latin-1")


def parse_multipart(body, content_type):
    """Split a multipart/mixed body into (headers, content) parts; header names are lower-case."""
    delimiter = b"--" + boundary_of(content_type)
    chunks = body.split(delimiter)
    if len(chunks) < 3:
        raise MultipartError(_("the multipart body has no parts"))
    parts = []
    for chunk in chunks[1:]:
        if chunk.startswith(b"--"):
            break
        if chunk.startswith(b"\r\n"):
            chunk = chunk[2:]
        elif chunk.startswith(b"\n"):
            chunk = chunk[1:]
        head, separator, content = chunk.partition(b"\r\n\r\n")
        if not separator:
            head, separator, content = chunk.partition(b"\n\n")
            if not separator:
                if chunk.strip():
                    raise MultipartError(_("a multipart part has no header section"))
                head, content = b"", chunk
        if content.endswith(b"\r\n"):
            content = content[:-2]
        elif content.endswith(b"\n"):
            content = content[:-1]
        headers = {}
        for line in head.decode("latin-1").splitlines():
            if ":" in line:
                name, _sep, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        parts.append((headers, content))
    else:
        raise MultipartError(_("the multipart body has no closing boundary"))
    if not parts:
        raise MultipartError(_("the multipart body has no parts"))
    return parts


def build_multipart(json_body, attachments):
    """A multipart/mixed response: the statements, then each attachment's content."""
    boundary = secrets.token_hex(16)
    out = [
        f"--{boundary}\r\nContent-Type: application/json\r\n\r\n".encode(),
        json_body if isinstance(json_body, bytes) else json_body.encode("utf-8"),
        b"\r\n",
    ]
    for attachment in attachments:
        with attachment.file.open("rb") as handle:
            content = handle.read()
        out.append(
            (
                f"--{boundary}\r\nContent-Type: {attachment.content_type}\r\n"
                f"Content-Transfer-Encoding: binary\r\nX-Experience-API-Hash: {attachment.sha2}\r\n\r\n"
            ).encode()
        )
        out.append(content)
        out.append(b"\r\n")
    out.append(f"--{boundary}--\r\n".encode())
    return b"".join(out), f'multipart/mixed; boundary="{boundary}"'


def sha2_of(content, length):
    return HASHES[length](content).hexdigest()


def check_parts(statements, parts):
    """Match attachment parts to the statements' attachment entries by SHA-2; return {sha2: (type, bytes)}."""
    by_hash = {}
    for index, (headers, content) in enumerate(parts, start=1):
        declared = headers.get("x-experience-api-hash", "").lower()
        if not declared:
            raise StatementError(
                _("attachment part %(n)s: the X-Experience-API-Hash header is missing") % {"n": index}
            )
        if headers.get("content-transfer-encoding", "").lower() != "binary":
            raise StatementError(
                _("attachment part %(n)s: Content-Transfer-Encoding must be binary") % {"n": index}
            )
        if len(declared) not in HASHES or sha2_of(content, len(declared)) != declared:
            raise StatementError(
                _("attachment part %(n)s: the content does not match its SHA-2 hash %(hash)s")
                % {"n": index, "hash": declared}
            )
        by_hash[declared] = (headers.get("content-type", "application/octet-stream")[:255], content)
    expected = set()
    for statement in statements:
        for attachment in statement.get("attachments") or []:
            sha2 = attachment["sha2"].lower()
            if sha2 in by_hash:
                expected.add(sha2)
            elif "fileUrl" not in attachment:
                raise StatementError(
                    _("attachments: no part was sent for sha2 %(hash)s and it has no fileUrl")
                    % {"hash": sha2}
                )
    unused = set(by_hash) - expected
    if unused:
        raise StatementError(
            _("a multipart part with hash %(hash)s matches no attachment of the statements")
            % {"hash": sorted(unused)[0]}
        )
    return by_hash


def require_parts_for(statements):
    """A plain JSON request may only carry attachments that point to a fileUrl."""
    for statement in statements:
        for attachment in statement.get("attachments") or []:
            if "fileUrl" not in attachment:
                raise StatementError(
                    _("attachments: an attachment without fileUrl must be sent as a multipart/mixed part")
                )


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _comparable(statement, *, keep_id):
    statement = with_comparable_durations(statement)
    value = {key: item for key, item in statement.items() if key not in ("stored", "authority", "version")}
    attachments = value.get("attachments") or []
    if not isinstance(attachments, list):
        attachments = [attachments]
    # A payload is compared as it is, however odd: anything not a signature entry must match.
    attachments = [
        item for item in attachments if not isinstance(item, dict) or item.get("usageType") != SIGNATURE_USAGE
    ]
    if attachments:
        value["attachments"] = attachments
    else:
        value.pop("attachments", None)
    if keep_id and isinstance(value.get("id"), str):
        value["id"] = value["id"].lower()
    else:
        value.pop("id", None)
    return value


def verify_signatures(statements, by_hash):
    """Every signed statement's JWS must be well formed, RS256/384/512, and sign this very statement."""
    for index, statement in enumerate(statements):
        for attachment in statement.get("attachments") or []:
            if attachment["usageType"] != SIGNATURE_USAGE:
                continue
            prefix = f"statements[{index}] signature"
            part = by_hash.get(attachment["sha2"].lower())
            if part is None:
                raise StatementError(
                    _("%(p)s: the signature must be sent as a multipart part") % {"p": prefix}
                )
            try:
                token = part[1].decode("ascii").strip()
                header_b64, payload_b64, signature_b64 = token.split(".")
                header = load_json(b64url_decode(header_b64).decode("utf-8"))
                payload = load_json(b64url_decode(payload_b64).decode("utf-8"))
                signature = b64url_decode(signature_b64)
            except (UnicodeDecodeError, ValueError, TypeError) as error:
                raise StatementError(_("%(p)s: not a compact JWS") % {"p": prefix}) from error
            if not isinstance(header, dict) or header.get("alg") not in JWS_HASHES:
                raise StatementError(
                    _("%(p)s: the JWS algorithm must be RS256, RS384 or RS512") % {"p": prefix}
                )
            if not isinstance(payload, dict):
                raise StatementError(_("%(p)s: the JWS payload is not a statement") % {"p": prefix})
            keep_id = "id" in payload
            if _comparable(payload, keep_id=keep_id) != _comparable(statement, keep_id=keep_id):
                raise StatementError(
                    _("%(p)s: the signed payload does not match the statement") % {"p": prefix}
                )
            if "x5c" in header:
                try:
                    certificate = x509.load_der_x509_certificate(base64.b64decode(header["x5c"][0]))
                    certificate.public_key().verify(
                        signature,
                        f"{header_b64}.{payload_b64}".encode("ascii"),
                        padding.PKCS1v15(),
                        JWS_HASHES[header["alg"]](),
                    )
                except InvalidSignature as error:
                    raise StatementError(
                        _("%(p)s: the JWS signature is not valid") % {"p": prefix}
                    ) from error
                except (ValueError, TypeError, IndexError, KeyError, AttributeError) as error:
                    raise StatementError(
                        _("%(p)s: the x5c certificate cannot be read") % {"p": prefix}
                    ) from error


def save_attachments(organisation, by_hash):
    existing = set(
        AttachmentFile.objects.filter(organisation=organisation, sha2__in=list(by_hash)).values_list(
            "sha2", flat=True
        )
    )
    for sha2, (content_type, content) in by_hash.items():
        if sha2 in existing:
            continue
        record = AttachmentFile(
            organisation=organisation, sha2=sha2, content_type=content_type, length=len(content)
        )
        record.file.save(sha2, ContentFile(content), save=False)
        record.save()


def attachments_for(organisation, statements):
    hashes = {
        attachment["sha2"].lower()
        for statement in statements
        for attachment in statement.get("attachments") or []
    }
    if not hashes:
        return []
    return list(AttachmentFile.objects.filter(organisation=organisation, sha2__in=hashes))
