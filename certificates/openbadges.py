"""Open Badges 3.0 credentials, secured as JWTs (``typ: vc+jwt``) signed with Ed25519 (EdDSA).

Data Integrity proofs (``eddsa-rdfc-2022``) need JSON-LD canonicalisation; the JWT form of Open Badges
3.0 (section 8.2) needs only the key, so any JOSE library can check it. The payload carries the
credential under ``vc`` plus the registered claims Open Badges asks for (iss, jti, nbf, exp)."""

import json
from datetime import UTC, datetime, time

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from . import keys

CONTEXTS = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
MEDIA_TYPE = "application/vc+jwt"


class InvalidCredential(ValueError):
    """The token is malformed, signed by an unknown key, or its signature does not match."""


def absolute(name, *args):
    with translation.override(settings.LANGUAGE_CODE):
        return f"{settings.SITE_URL}{reverse(name, args=args)}"


def issuer_profile(organisation, name):
    profile = {"type": ["Profile"], "name": name, "url": settings.SITE_URL}
    profile["id"] = absolute("certificates:issuer", organisation.slug) if organisation else settings.SITE_URL
    return profile


def _iso(moment):
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def valid_until(certificate):
    if not certificate.expires_on:
        return None
    end = datetime.combine(certificate.expires_on, time(23, 59, 59))
    return timezone.make_aware(end, timezone.get_default_timezone())


def build_credential(certificate, issuer_name):
    from tracking.services import activity_iri

    achievement_id = activity_iri("course", str(certificate.course_key))
    credential = {
        "@context": CONTEXTS,
        "id": certificate.verification_url(),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer_profile(certificate.issuer, issuer_name),
        "validFrom": _iso(certificate.issued_at),
        "name": certificate.course_title,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": certificate.holder_name,
                }
            ],
            "achievement": {
                "id": achievement_id,
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": certificate.course_title,
                "description": certificate.course_title,
                "criteria": {"id": achievement_id},
                "inLanguage": certificate.language,
            },
        },
    }
    until = valid_until(certificate)
    if until:
        credential["validUntil"] = _iso(until)
    return credential


def sign(claims, key=None):
    key = key or keys.private_key()
    header = {"alg": "EdDSA", "typ": "vc+jwt", "kid": keys.public_jwk(key)["kid"]}
    signing_input = ".".join(
        keys.b64url(json.dumps(part, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
        for part in (header, claims)
    )
    signature = key.sign(signing_input.encode("ascii"))
    return f"{signing_input}.{keys.b64url(signature)}"


def credential_claims(certificate, issuer_name):
    credential = build_credential(certificate, issuer_name)
    claims = {
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "iat": int(timezone.now().timestamp()),
        "nbf": int(certificate.issued_at.timestamp()),
        "vc": credential,
    }
    until = valid_until(certificate)
    if until:
        claims["exp"] = int(until.timestamp())
    return claims


def credential_jwt(certificate):
    from .selectors import issuer_of

    return sign(credential_claims(certificate, issuer_of(certificate)["name"]))


def verify(token, jwks):
    """Return the claims of ``token`` when a key in ``jwks`` signed it; raise InvalidCredential if not.

    Expiry is deliberately not judged here: an expired credential is still authentic, and the
    verification page says whether it is current."""
    if isinstance(token, bytes):
        token = token.decode("ascii", errors="replace")
    parts = token.strip().split(".")
    if len(parts) != 3:
        raise InvalidCredential("A compact JWS has three parts.")
    try:
        header = json.loads(keys.b64url_decode(parts[0]))
        signature = keys.b64url_decode(parts[2])
    except ValueError as error:
        raise InvalidCredential("The header or signature is not valid base64url JSON.") from error
    if not isinstance(header, dict) or header.get("alg") != "EdDSA":
        raise InvalidCredential("Only EdDSA (Ed25519) signatures are accepted.")
    candidates = [k for k in jwks.get("keys", []) if k.get("kty") == "OKP" and k.get("crv") == "Ed25519"]
    if header.get("kid"):
        candidates = [k for k in candidates if k.get("kid") == header["kid"]]
    for jwk in candidates:
        public = Ed25519PublicKey.from_public_bytes(keys.b64url_decode(jwk["x"]))
        try:
            public.verify(signature, f"{parts[0]}.{parts[1]}".encode("ascii"))
        except (InvalidSignature, UnicodeEncodeError):
            continue
        try:
            return json.loads(keys.b64url_decode(parts[1]))
        except ValueError as error:
            raise InvalidCredential("The payload is not JSON.") from error
    raise InvalidCredential("No published key matches the signature.")
