"""Path converters: ``<id:…>`` for database ids and ``<token:…>`` for secret tokens in URLs.

Django's ``<int:…>`` accepts any number of digits, and an id beyond 64 bits makes SQLite raise
OverflowError (a 500) before the view can answer 404. ``<id:…>`` matches at most 18 digits, which
always fit a 64-bit integer, so longer ids fall through to the ordinary 404.

``<token:…>`` matches what ``secrets.token_urlsafe`` writes (letters, digits, ``-`` and ``_``), at
most 128 of them. Django's ``<str:…>`` takes anything but ``/``, and a NUL character in a token made
PostgreSQL refuse the lookup (a 500); now such a URL is simply not found."""

from django.urls import register_converter


class IdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


class TokenConverter:
    regex = "[A-Za-z0-9_-]{1,128}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return str(value)


register_converter(IdConverter, "id")
register_converter(TokenConverter, "token")
