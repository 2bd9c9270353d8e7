from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from accounts.tests.factories import UserFactory
from cases import services, tasks
from cases.models import CaseIndexPage, DigestSubscription

from .factories import add_case, load_sample_library

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    return load_sample_library()


@pytest.fixture
def subscriber(library):
    user = UserFactory(preferred_language="de")
    services.subscribe_to_digest(user, "de")
    return user


def test_a_logged_in_person_opts_in_and_out_of_the_digest(library):
    user = UserFactory()
    client = Client()
    client.force_login(user)
    assert "You do not get the weekly e-mail." in client.get("/en/case-library/digest/").content.decode()
    client.post("/en/case-library/digest/", {"action": "subscribe"})
    subscription = DigestSubscription.objects.get(user=user)
    assert subscription.active and subscription.language == "en"
    client.post("/en/case-library/digest/", {"action": "unsubscribe"})
    subscription.refresh_from_db()
    assert not subscription.active


def test_the_digest_lists_the_cases_published_this_week_in_the_subscribers_language(subscriber):
    index = CaseIndexPage.objects.get(locale__language_code="en")
    add_case(index, title="Brand-new buddy scheme")
    sent = tasks.send_weekly_digest()
    assert sent == 1
    (message,) = mail.outbox
    assert message.to == [subscriber.email]
    assert "neue Fälle in der Fallsammlung" in message.subject
    # German where translated, English where not yet.
    assert "Auszubildende in einer Dorfbäckerei" in message.body and "Brand-new buddy scheme" in message.body
    assert "/de/cases/bakery-apprentices/" in message.body
    token = DigestSubscription.objects.get(user=subscriber).token
    assert f"/de/case-library/digest/unsubscribe/{token}/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_nothing_is_sent_twice_and_nobody_gets_an_empty_digest(subscriber):
    assert services.send_weekly_digest() == 1
    assert services.send_weekly_digest() == 0
    assert services.send_weekly_digest(now=timezone.now() + timedelta(days=8)) == 0
    assert len(mail.outbox) == 1


def test_the_unsubscribe_link_works_without_logging_in(subscriber):
    token = DigestSubscription.objects.get(user=subscriber).token
    client = Client()
    page = client.get(f"/de/case-library/digest/unsubscribe/{token}/")
    assert page.status_code == 200 and subscriber.email in page.content.decode()
    assert DigestSubscription.objects.get(
        user=subscriber
    ).active  # a prefetching mail scanner changes nothing
    assert client.post(f"/de/case-library/digest/unsubscribe/{token}/").status_code == 200
    assert not DigestSubscription.objects.get(user=subscriber).active
    assert services.send_weekly_digest() == 0


def test_an_unknown_unsubscribe_token_answers_not_found(library):
    response = Client().post("/en/case-library/digest/unsubscribe/not-a-token/")
    assert response.status_code == 404


def test_the_digest_is_in_the_beat_schedule_weekly():
    from django.conf import settings

    entry = settings.CELERY_BEAT_SCHEDULE["cases-weekly-digest"]
    assert entry["task"] == "cases.tasks.send_weekly_digest"
    assert entry["schedule"].day_of_week == {1}
