"""The ``<id:…>`` path converter for database ids in URLs.

Django's ``<int:…>`` accepts any number of digits, and an id beyond 64 bits makes SQLite raise
OverflowError (a 500) before the view can answer 404. ``<id:…>`` matches at most 18 digits, which
always fit a 64-bit integer, so longer ids fall through to the ordinary 404."""

from django.urls import register_converter


class IdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(IdConverter, "id")
