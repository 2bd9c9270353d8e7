from django.db import migrations

ACTIONS = {
    "add": "Can add H5P package",
    "change": "Can change H5P package",
    "delete": "Can delete H5P package",
    "view": "Can view H5P package",
}
GROUPS = ("Editors", "Moderators")


def grant_to_editors(apps, schema_editor):
    """Wagtail's Editors and Moderators may upload, replace and choose H5P packages; nobody else."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="h5p", model="h5ppackage")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_h5ppackage", defaults={"name": name}
        )[0]
        for action, name in ACTIONS.items()
    ]
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke_from_editors(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = Permission.objects.filter(
        content_type__app_label="h5p", codename__in=[f"{action}_h5ppackage" for action in ACTIONS]
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("h5p", "0002_user_data_invalidation"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant_to_editors, revoke_from_editors)]
