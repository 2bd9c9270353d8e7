import pytest
from django.core.management import call_command
from wagtail.models import Page

from accounts.models import User

pytestmark = pytest.mark.django_db


def test_loading_the_demo_twice_changes_nothing(capsys):
    call_command("load_demo")
    pages, users = Page.objects.count(), User.objects.count()
    call_command("load_demo")
    assert (Page.objects.count(), User.objects.count()) == (pages, users)
    output = capsys.readouterr().out
    assert "nothing changed" in output
    assert "admin@comein.example" in output and "learner@comein.example" in output
