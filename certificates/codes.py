"""Verification codes: 12 Crockford base32 characters (60 random bits), shown as XXXX-XXXX-XXXX.

Crockford's alphabet leaves out I, L, O and U, so what people mistype (O for 0, I or L for 1) can be
mapped back instead of rejected."""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 12
GROUP = 4
_TRANSLATE = str.maketrans({"O": "0", "I": "1", "L": "1"})
_VALID = re.compile(rf"^[{ALPHABET}]{{{LENGTH}}}$")


class MalformedCode(ValueError):
    """The text cannot be a verification code (wrong length or characters)."""


def generate():
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(text):
    """Return the canonical 12-character code for what a person typed, or raise MalformedCode."""
    if not isinstance(text, str):
        raise MalformedCode(text)
    cleaned = re.sub(r"[\s\-_.]", "", text[:64]).upper().translate(_TRANSLATE)
    if not _VALID.match(cleaned):
        raise MalformedCode(text)
    return cleaned


def grouped(code):
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))
