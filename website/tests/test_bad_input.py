"""Input that once answered 500 from the site's own pages (issue 12, "no input causes a 500")."""

import pytest

pytestmark = pytest.mark.django_db

BEYOND_64_BITS = "9" * 25


def test_a_nul_character_in_the_search_query_is_harmless(client, site_content):
    response = client.get("/en/search/", {"q": "a\x00b"})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        f"/en/learning/courses/{BEYOND_64_BITS}/enrol/",
        f"/en/learning/courses/{BEYOND_64_BITS}/enrol-others/",
        f"/en/learning/courses/{BEYOND_64_BITS}/resume/",
        f"/en/learning/courses/{BEYOND_64_BITS}/take-again/",
        f"/en/learning/lessons/{BEYOND_64_BITS}/done/",
        f"/en/learning/lessons/{BEYOND_64_BITS}/quiz/quiz-1/",
        f"/en/learning/lessons/{BEYOND_64_BITS}/reflection/r-1/",
        f"/h5p/xapi/{BEYOND_64_BITS}/block/",
        f"/h5p/done/{BEYOND_64_BITS}/block/",
    ],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_ids_beyond_64_bits_in_urls_answer_404(client, make_user, password, site_content, path, method):
    user = make_user()
    client.force_login(user)
    response = getattr(client, method)(path)
    assert response.status_code in (404, 405)


def test_enrol_others_form_refuses_ids_beyond_64_bits(make_user):
    from django.contrib.auth import get_user_model

    from courses.forms import EnrolOthersForm

    make_user()
    form = EnrolOthersForm({"learners": [BEYOND_64_BITS]}, learners=get_user_model().objects.all())
    assert not form.is_valid()
    assert "learners" in form.errors
