"""Demo content of the case library: the library page in four languages and every case of the
fixture (``cases/fixtures/cases.json``) in English, with German translations where it has them.

Loading twice changes nothing: pages are looked up first and a case is rewritten only when its
fixture entry changed."""

from django.db import transaction
from wagtail.models import Locale

from website.models import HomePage

from . import services

LIBRARY = {
    "en": (
        "Best-practice cases",
        "<p>What other employers did to hire and integrate refugees and migrants: the challenge, "
        "what they tried, what came of it and what they would tell you.</p>",
    ),
    "de": (
        "Gute Praxis",
        "<p>Was andere Arbeitgeber getan haben, um Geflüchtete und Zugewanderte einzustellen und zu "
        "integrieren: die Ausgangslage, die Maßnahmen, die Ergebnisse und ihre Tipps.</p>",
    ),
    "nl": (
        "Goede praktijken",
        "<p>Wat andere werkgevers deden om vluchtelingen en migranten aan te nemen en te laten "
        "integreren: de uitdaging, de aanpak, het resultaat en hun lessen.</p>",
    ),
    "ar": (
        "أفضل الممارسات",
        "<p>ما فعله أصحاب عمل آخرون لتوظيف اللاجئين والمهاجرين ودمجهم: التحدي، وما جرّبوه، "
        "والنتائج، ونصائحهم لك.</p>",
    ),
}


@transaction.atomic
def load(fixture=None):
    en = Locale.objects.filter(language_code="en").first()
    home = HomePage.objects.filter(locale=en).first() if en else None
    if home is None:
        return []
    index, created = services.ensure_library(home, LIBRARY)
    created += services.ensure_moderation()
    path = fixture or services.FIXTURE_PATH
    if path.exists():
        created += services.load_cases(index, services.read_fixture(path))
    return created
