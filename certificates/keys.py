"""The Ed25519 key that signs Open Badges credentials, and its public half as a JWKS.

The private key comes from ``CERTIFICATES_SIGNING_KEY`` (PEM text, or the 32-byte seed in base64url)
when set, otherwise from the PEM file at ``CERTIFICATES_SIGNING_KEY_PATH``, which is generated on first
use. Losing the key makes every credential already handed out unverifiable, so back the file up."""

import base64
import functools
import hashlib
import json
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text):
    if isinstance(text, str):
        text = text.encode("ascii")
    return base64.urlsafe_b64decode(text + b"=" * (-len(text) % 4))


def _from_text(text):
    text = text.strip()
    if text.startswith("-----BEGIN"):
        key = serialization.load_pem_private_key(text.encode("ascii"), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ImproperlyConfigured("CERTIFICATES_SIGNING_KEY must be an Ed25519 key.")
        return key
    try:
        seed = b64url_decode(text)
    except ValueError as error:
        raise ImproperlyConfigured("CERTIFICATES_SIGNING_KEY is neither PEM nor a base64url seed.") from error
    if len(seed) != 32:
        raise ImproperlyConfigured("CERTIFICATES_SIGNING_KEY must be a 32-byte Ed25519 seed.")
    return Ed25519PrivateKey.from_private_bytes(seed)


def pem_of(key):
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def generate_key_file(path):
    """Write a new key to ``path`` unless one is there; returns True when it created the file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    try:
        # O_EXCL: when two processes start at once, exactly one writes and both then read the same key.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem_of(key))
    return True


@functools.cache
def private_key():
    if settings.CERTIFICATES_SIGNING_KEY:
        return _from_text(settings.CERTIFICATES_SIGNING_KEY)
    path = Path(settings.CERTIFICATES_SIGNING_KEY_PATH)
    if not path.exists():
        generate_key_file(path)
    return _from_text(path.read_text())


def reset_cache():
    private_key.cache_clear()


def public_jwk(key=None):
    key = key or private_key()
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    jwk = {"crv": "Ed25519", "kty": "OKP", "x": b64url(raw)}
    # RFC 7638 thumbprint: the kid changes whenever the key does, so verifiers never mix keys up.
    canonical = json.dumps(jwk, separators=(",", ":"), sort_keys=True).encode("ascii")
    return {**jwk, "kid": b64url(hashlib.sha256(canonical).digest()), "alg": "EdDSA", "use": "sig"}


def previous_public_keys():
    value = settings.CERTIFICATES_PREVIOUS_PUBLIC_KEYS
    try:
        keys = json.loads(value) if isinstance(value, str) else list(value)
    except ValueError as error:
        raise ImproperlyConfigured(
            "CERTIFICATES_PREVIOUS_PUBLIC_KEYS must be a JSON list of JWKs."
        ) from error
    return [key for key in keys if isinstance(key, dict)]


def jwks():
    return {"keys": [public_jwk(), *previous_public_keys()]}
