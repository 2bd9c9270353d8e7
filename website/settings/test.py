"""Fast, isolated settings for the test suite."""

import os

from .base import *  # noqa: F401,F403
from .base import BASE_DIR, CELERY_BROKER_URL

SECRET_KEY = "test-only-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Unit tests run tasks in-process; tests/test_celery_worker.py starts a real worker on the broker.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
TEST_BROKER_URL = CELERY_BROKER_URL
MEDIA_ROOT = BASE_DIR / "var" / "test-media" / str(os.getpid())
PRIVATE_FILES_ROOT = BASE_DIR / "var" / "test-private" / str(os.getpid())
STORAGES = {
    **STORAGES,  # noqa: F405
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_FILES_ROOT, "base_url": None},
    },
}
ALLOWED_HOSTS = ["*"]
# Tests of admin screens log in with force_login; accounts/tests/test_two_factor.py, the permission
# matrix and the browser test switch the second step on again.
TWO_FACTOR_REQUIRED_FOR_ADMIN = False
