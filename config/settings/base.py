"""Settings shared by every environment; everything that differs comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "samen.core",
    "samen.accounts",
    "samen.skills",
    "samen.budgeting",
    "samen.inclusion",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "samen.core.middleware.UserLanguageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "samen.core.middleware.ContentSecurityPolicyMiddleware",
    "samen.core.middleware.PreferencesMiddleware",
    "samen.accounts.middleware.RequireTwoFactorMiddleware",
    "axes.middleware.AxesMiddleware",
    # Last, so CSRF and two-factor checks run for the coach before it acts for a resident.
    "samen.inclusion.middleware.AssistedDigitalMiddleware",
]

FORM_RENDERER = "samen.core.forms.SamenFormRenderer"
ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "samen.core.context_processors.layout",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'samen.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    # Sessions read from the shared cache (written through to the database), so a page view
    # does not query the session table. Only with Redis: a per-process cache would keep a
    # logged-out session alive in the other workers.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "samen.accounts.backends.EmailBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

# Login throttling: lock out a username+address pair after repeated failures, not a whole IP,
# so a library's shared computer doesn't lock out every resident behind it.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Count failures per lower-cased email, so changing the case cannot dodge the lock-out.
AXES_USERNAME_CALLABLE = "samen.accounts.backends.axes_username"

OTP_TOTP_ISSUER = "Samen"

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("nl", "Nederlands"),
    ("da", "Dansk"),
    ("de", "Deutsch"),
    ("fr", "Français"),
]
# Each app keeps its own translations in samen/<app>/locale (run makemessages in the app).
LOCALE_PATHS: list[str] = []
LANGUAGE_COOKIE_NAME = "samen_language"
LANGUAGE_COOKIE_SECURE = False
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Amsterdam")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "/media/"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Samen <no-reply@samen.test>")

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Names the municipality in the layout; demo data sets its own.
SAMEN_SITE_NAME = os.environ.get("SAMEN_SITE_NAME", _("Samen"))
SAMEN_HELP_EMAIL = os.environ.get("SAMEN_HELP_EMAIL", "help@samen.test")
SAMEN_HELP_PHONE = os.environ.get("SAMEN_HELP_PHONE", "")
SAMEN_MAGIC_LINK_MINUTES = 15
# Personal data other apps hold, by export key: (exporter, eraser), each called with user=.
# The account's data export and erasure call every pair, so no app's data is forgotten.
SAMEN_PERSONAL_DATA: dict[str, tuple[str, str]] = {
    "skills_assessments": (
        "samen.skills.selectors.assessments_export",
        "samen.skills.services.assessments_erase",
    ),
    "skills_courses": (
        "samen.skills.selectors_courses.courses_export",
        "samen.skills.services_courses.courses_erase",
    ),
    "skills_work": (
        "samen.skills.selectors_picture.staff_profile_export",
        "samen.skills.services_picture.staff_profile_erase",
    ),
    "budgeting_follows": (
        "samen.budgeting.selectors_delivery.follows_export",
        "samen.budgeting.services_delivery.follows_erase",
    ),
    "inclusion_assisted_sessions": (
        "samen.inclusion.selectors_assisted.assisted_sessions_export",
        "samen.inclusion.services_assisted.assisted_sessions_erase",
    ),
}
# Functions `seed_demo` calls, in order, after creating the demo users; each returns what it did.
SAMEN_DEMO_SEEDERS: list[str] = [
    "samen.skills.demo.seed",
    "samen.budgeting.demo.seed",
    "samen.budgeting.demo_delivery.seed",
    "samen.inclusion.demo.seed",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Counting, emails and PDFs run outside the request: `manage.py db_worker` picks them up.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("SAMEN_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
