"""Demo content: the first version of the privacy notice (its text is the site's privacy page,
which website.demo loads in four languages)."""

from .models import NoticeVersion


def load():
    _version, created = NoticeVersion.objects.get_or_create(
        number=1, defaults={"summary": "First version of the privacy notice."}
    )
    return ["privacy notice version 1"] if created else []
