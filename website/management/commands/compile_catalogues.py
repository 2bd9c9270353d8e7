"""Build the .mo files from the committed .po catalogues.

Pure Python (polib), so a fresh machine needs no gettext tools to run the site; `make messages`
still uses Django's makemessages (xgettext) to update the .po files."""

from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile every project and app locale/*/LC_MESSAGES/*.po into .mo when the .po is newer."

    def handle(self, *args, **options):
        compiled = 0
        # The project catalogue first, then any app that keeps its own (APP/locale/), as Django finds them.
        bases = [Path(path) for path in settings.LOCALE_PATHS]
        # Only this project's apps: installed packages ship their own compiled catalogues.
        bases += [
            Path(config.path) / "locale"
            for config in apps.get_app_configs()
            if Path(config.path).resolve().is_relative_to(settings.BASE_DIR) and ".venv" not in config.path
        ]
        for base in dict.fromkeys(bases):
            for po_path in sorted(Path(base).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                compiled += 1
        self.stdout.write(f"Compiled {compiled} catalogue(s).")
