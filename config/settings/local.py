"""Development settings: safe defaults so `make run` needs nothing but the repository."""

from .base import *
from .base import env_bool, env_list

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "django-insecure-local-development-only"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SAMEN_DEMO_ALLOWED = True
# No collected static files outside production: whitenoise and runserver use the finders.
STATIC_ROOT = None
# `make run` has no task worker, so a count or an email runs as it is asked for; set
# SAMEN_TASKS_BACKEND=django_tasks_db.DatabaseBackend and run `manage.py db_worker` to try the
# production path.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "SAMEN_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        ),
        "QUEUES": ["default"],
    }
}
