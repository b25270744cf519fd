"""Test settings: fast hashing, in-memory email, and the same middleware as production."""

from .base import *
from .base import env_list

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SAMEN_DEMO_ALLOWED = True
AXES_FAILURE_LIMIT = 5
# No collected static files outside production: whitenoise and runserver use the finders.
STATIC_ROOT = None
# Tests run each task as it is enqueued, so a test sees its result without a worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
