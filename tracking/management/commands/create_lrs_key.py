from django.core.management.base import BaseCommand, CommandError

from accounts.models import Organisation
from accounts.services import default_organisation
from tracking.models import LRSKey


class Command(BaseCommand):
    help = "Create an LRS key (HTTP Basic credentials for xAPI clients); prints KEY:SECRET on the last line."

    def add_arguments(self, parser):
        parser.add_argument("name", help="What the key is for, e.g. the client's name.")
        parser.add_argument(
            "--organisation", help="Slug of the organisation (default: the platform operator)."
        )
        parser.add_argument(
            "--scope", choices=[choice.value for choice in LRSKey.Scope], default=LRSKey.Scope.READ_WRITE
        )

    def handle(self, *args, name, organisation=None, scope=LRSKey.Scope.READ_WRITE, **options):
        if organisation:
            try:
                owner = Organisation.objects.get(slug=organisation)
            except Organisation.DoesNotExist as error:
                raise CommandError(f"No organisation with slug {organisation!r}.") from error
        else:
            owner = default_organisation()
        key, secret = LRSKey.generate(organisation=owner, name=name, scope=scope)
        self.stdout.write(f"Created {key.get_scope_display()} LRS key {name!r} for {owner}.")
        self.stdout.write("The secret is shown only now; store it safely.")
        self.stdout.write(f"{key.key}:{secret}")
