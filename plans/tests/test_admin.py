import pytest

pytestmark = pytest.mark.django_db


def test_editors_find_templates_and_checklists_in_the_wagtail_admin(client, plan_content, make_user):
    from plans.models import LegalChecklist, PlanTemplate

    editor = make_user(is_staff=True, is_superuser=True)
    client.force_login(editor)
    for model in (PlanTemplate, LegalChecklist):
        listing = client.get(f"/admin/snippets/plans/{model._meta.model_name}/")
        assert listing.status_code == 200
        item = model.objects.filter(locale__language_code="en").first()
        edit = client.get(f"/admin/snippets/plans/{model._meta.model_name}/edit/{item.pk}/")
        assert edit.status_code == 200
