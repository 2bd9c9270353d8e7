from django.conf import settings
from django.db import migrations


def move_packages(apps, schema_editor):
    from website.private_files import move_public_folder

    move_public_folder(settings.H5P_STORAGE_PREFIX)


class Migration(migrations.Migration):
    """Extracted packages move out of MEDIA_ROOT, which a web server may serve to anyone."""

    dependencies = [("h5p", "0003_editor_permissions")]

    operations = [migrations.RunPython(move_packages, migrations.RunPython.noop, elidable=True)]
