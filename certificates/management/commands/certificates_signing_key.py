import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from certificates import keys


class Command(BaseCommand):
    help = (
        "Create the Ed25519 key that signs Open Badges credentials (at CERTIFICATES_SIGNING_KEY_PATH, or "
        "print a seed for the CERTIFICATES_SIGNING_KEY variable) and show the published JWKS."
    )

    def add_arguments(self, parser):
        parser.add_argument("--generate", action="store_true", help="Write a new key file if none exists.")
        parser.add_argument(
            "--print-seed",
            action="store_true",
            help="Print a new base64url seed for CERTIFICATES_SIGNING_KEY.",
        )

    def handle(self, *args, **options):
        if options["print_seed"]:
            from cryptography.hazmat.primitives import serialization
            from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

            seed = Ed25519PrivateKey.generate().private_bytes(
                serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
            )
            self.stdout.write(keys.b64url(seed))
            return
        if options["generate"]:
            if settings.CERTIFICATES_SIGNING_KEY:
                raise CommandError("CERTIFICATES_SIGNING_KEY is set; the key comes from the environment.")
            path = Path(settings.CERTIFICATES_SIGNING_KEY_PATH)
            created = keys.generate_key_file(path)
            self.stderr.write(f"{'Created' if created else 'Kept the existing'} key at {path}")
            keys.reset_cache()
        self.stdout.write(json.dumps(keys.jwks(), indent=2))
