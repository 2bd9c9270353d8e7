import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test extracts into its own folder, so 'nothing was stored' can be checked on disk."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    # Packages are extracted into the private storage: the same folder here, to look at one place.
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": settings.MEDIA_ROOT, "base_url": None},
        },
    }
    return settings.MEDIA_ROOT


@pytest.fixture
def stored_files(media_root):
    def list_files():
        return sorted(p.relative_to(media_root).as_posix() for p in media_root.rglob("*") if p.is_file())

    return list_files


@pytest.fixture
def editor(make_user):
    return make_user(email="editor@example.org", is_staff=True, is_superuser=True, first_name="Edith")


H5P_BLOCK_ID = "6d0b0c2e-1f0a-4e35-9a55-0b7f6c1a2b3c"
SECOND_BLOCK_ID = "9f4d5a61-3c2b-4b8e-8f7a-1e2d3c4b5a69"


@pytest.fixture
def package(db, editor):
    from h5p import services
    from h5p.tests.packages import true_false_package, upload

    return services.upload_package(uploaded_file=upload(true_false_package(), "work-permit.h5p"), user=editor)


@pytest.fixture
def make_lesson(site_content):
    """A live course > module > lesson with the given H5P blocks (dicts of block values)."""
    import json

    from wagtail.models import Locale

    from courses.models import CourseCatalogPage, CoursePage, LessonPage, ModulePage
    from website.models import HomePage

    def make(*blocks, slug="lesson"):
        home = HomePage.objects.get(locale=Locale.objects.get(language_code="en"))
        catalog = CourseCatalogPage.objects.child_of(home).first()
        if catalog is None:
            catalog = home.add_child(instance=CourseCatalogPage(title="Courses", slug="courses"))
        course = catalog.add_child(
            instance=CoursePage(title="Hiring refugees", slug=f"course-{slug}", summary="s")
        )
        module = course.add_child(instance=ModulePage(title="Legal basics", slug=f"module-{slug}"))
        body = [{"type": "h5p", "id": block_id, "value": value} for block_id, value in blocks]
        lesson = module.add_child(instance=LessonPage(title="Work permits", slug=slug, body=json.dumps(body)))
        return lesson

    return make


@pytest.fixture
def lesson(make_lesson, package):
    return make_lesson((H5P_BLOCK_ID, {"package": package.pk, "completion": "statement", "required": True}))


@pytest.fixture
def learner(make_user, lesson):
    from courses.selectors import course_of
    from courses.services import enrol

    user = make_user(email="learner@example.org", first_name="Lena")
    enrol(user, course_of(lesson))
    return user
