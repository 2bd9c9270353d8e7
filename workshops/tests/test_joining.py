import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from courses import selectors as courses_selectors
from workshops import services
from workshops.models import Participant

from .factories import expire, join_people, make_cohort

pytestmark = pytest.mark.django_db


def code_of(cohort):
    return cohort.join_codes.get().code


def test_a_code_typed_in_lower_case_with_spaces_opens_the_cohort(cohort):
    code = code_of(cohort)
    typed = f"  {code[:3].lower()} {code[3:].lower()} "
    assert services.cohort_for_code(typed) == cohort


def test_an_expired_code_is_refused_with_a_clear_message(client, cohort):
    code = code_of(cohort)
    expire(cohort)
    response = client.post(reverse("workshops:join"), {"code": code})
    assert response.status_code == 400
    assert "This code has expired" in response.content.decode()
    assert code in response.content.decode()  # what the person typed stays in the field


def test_an_unknown_code_is_refused(client, cohort):
    response = client.post(reverse("workshops:join"), {"code": "nothing"})
    assert response.status_code == 400
    assert "We do not know this code" in response.content.decode()


def test_a_full_cohort_refuses_the_next_person(client, trainer_setup, course):
    trainer, provider = trainer_setup
    cohort = make_cohort(trainer, provider, [course], capacity=1)
    join_people(cohort, 1)
    response = client.post(reverse("workshops:join"), {"code": code_of(cohort).lower()})
    assert response.status_code == 400
    assert "This workshop is full" in response.content.decode()
    with pytest.raises(services.WorkshopError):
        services.join(UserFactory(), cohort)
    assert cohort.participants.count() == 1


def test_a_newcomer_creates_an_account_and_joins_in_one_step(client, cohort, course):
    url = reverse("workshops:join_code", args=[code_of(cohort)])
    response = client.post(
        url,
        {
            "first_name": "Samir",
            "last_name": "Aziz",
            "email": "samir@example.org",
            "password": "Olive-Tree-2026!",
            "accept_privacy": "on",
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("workshops:mine", args=[cohort.pk])
    place = Participant.objects.get(cohort=cohort)
    assert place.user.email == "samir@example.org" and place.user.is_active
    assert courses_selectors.enrolment_of(place.user, course.translation_key) is not None
    assert client.get(response.url).status_code == 200
    # The ticked box is the person's consent, kept with the notice's version.
    assert [consent.occasion for consent in place.user.privacy_consents.all()] == ["sign_up"]


def test_joining_with_a_code_needs_the_privacy_notice_accepted(client, cohort):
    url = reverse("workshops:join_code", args=[code_of(cohort)])
    response = client.post(
        url,
        {"first_name": "Samir", "email": "samir@example.org", "password": "Olive-Tree-2026!"},
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Please accept the privacy notice to create an account." in text
    assert 'value="samir@example.org"' in text and "Read the privacy notice" in text
    assert not cohort.participants.exists()


def test_a_weak_password_keeps_what_was_typed(client, cohort):
    url = reverse("workshops:join_code", args=[code_of(cohort)])
    response = client.post(url, {"first_name": "Samir", "email": "samir@example.org", "password": "1"})
    assert response.status_code == 400
    assert 'value="samir@example.org"' in response.content.decode()
    assert not cohort.participants.exists()


def test_someone_logged_in_joins_with_one_click(client, cohort, password):
    person = UserFactory()
    client.force_login(person)
    response = client.post(reverse("workshops:join_code", args=[code_of(cohort)]))
    assert response.status_code == 302
    assert cohort.participants.filter(user=person).exists()
    # Joining twice keeps one place.
    client.post(reverse("workshops:join_code", args=[code_of(cohort)]))
    assert cohort.participants.filter(user=person).count() == 1


def test_the_trainer_creates_a_cohort_with_a_join_code(client, trainer_setup, course, password):
    trainer, provider = trainer_setup
    client.force_login(trainer)
    response = client.post(
        reverse("workshops:create"),
        {
            "organisation": provider.pk,
            "title": "Onboarding day",
            "courses": [str(course.translation_key)],
            "days": "2026-12-03, 2026-12-10",
            "place": "Vienna",
            "meeting_url": "",
            "capacity": 12,
            "code_valid_days": 7,
            "stuck_after_days": 5,
        },
    )
    assert response.status_code == 302
    cohort = trainer.cohorts_trained.get()
    assert cohort.days.count() == 2 and cohort.join_codes.count() == 1


def test_a_cohort_without_place_or_link_or_with_a_bad_date_is_refused(
    client, trainer_setup, course, password
):
    trainer, provider = trainer_setup
    client.force_login(trainer)
    response = client.post(
        reverse("workshops:create"),
        {
            "organisation": provider.pk,
            "title": "Onboarding day",
            "courses": [str(course.translation_key)],
            "days": "2026-12-03, tomorrow",
            "capacity": 12,
            "code_valid_days": 7,
            "stuck_after_days": 5,
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "is not a date" in body and "Give a place, an online meeting link, or both." in body
    assert not trainer.cohorts_trained.exists()


def test_the_qr_code_is_an_svg_of_the_join_link(client, cohort, password):
    trainer = cohort.trainers.get()
    client.force_login(trainer)
    response = client.get(reverse("workshops:qr", args=[cohort.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content
