"""Load the demo content and demo accounts. Safe to run any number of times."""

import importlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import Membership, Organisation
from accounts.services import add_member, default_organisation

DEMO_ACCOUNTS = [
    # email, password, first name, last name, superuser
    ("admin@comein.example", "ComeIn-Admin-2026", "Dana", "Editor", True),
    ("learner@comein.example", "ComeIn-Learner-2026", "Lena", "Learner", False),
]


class Command(BaseCommand):
    help = "Load demo pages, courses and accounts (idempotent) and print the demo logins."

    def handle(self, *args, **options):
        created = []
        with transaction.atomic():
            operator = default_organisation()
            company, made = Organisation.objects.get_or_create(
                slug="demo-logistics",
                defaults={"name": "Demo Logistics GmbH", "kind": Organisation.Kind.COMPANY, "country": "DE"},
            )
            if made:
                created.append("organisation Demo Logistics GmbH")
            User = get_user_model()
            for email, password, first, last, is_admin in DEMO_ACCOUNTS:
                user = User.objects.filter(email=email).first()
                if user is None:
                    factory = User.objects.create_superuser if is_admin else User.objects.create_user
                    user = factory(email=email, password=password, first_name=first, last_name=last)
                    created.append(f"user {email}")
                if is_admin:
                    add_member(user, operator, Membership.Role.TRAINER)
                else:
                    add_member(user, company, Membership.Role.LEARNER)
        for dotted in settings.DEMO_CONTENT_LOADERS:
            module = importlib.import_module(dotted)
            created.extend(module.load() or [])
        if created:
            self.stdout.write("Created: " + ", ".join(created))
        else:
            self.stdout.write("Demo content already present; nothing changed.")
        self.stdout.write(self.style.SUCCESS("Demo logins:"))
        for email, password, _first, _last, is_admin in DEMO_ACCOUNTS:
            role = "admin (Wagtail editor, /admin/)" if is_admin else "learner"
            self.stdout.write(f"  {role:34} {email} / {password}")
        # Loaders with accounts of their own list them in DEMO_LOGINS: (role, email, password).
        for dotted in settings.DEMO_CONTENT_LOADERS:
            for role, email, password in getattr(importlib.import_module(dotted), "DEMO_LOGINS", []):
                self.stdout.write(f"  {role:34} {email} / {password}")
