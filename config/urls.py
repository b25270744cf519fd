"""URL routes: language-prefixed pages, plus unprefixed machine endpoints."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import set_language

from samen.budgeting import views_open_data
from samen.budgeting.api import api
from samen.core import views as core_views

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("healthz", core_views.healthz, name="healthz"),
    path("api/docs/", views_open_data.api_root, name="api_docs"),
    path("api/", views_open_data.api_root),
    path("api/", api.urls),
]
urlpatterns += i18n_patterns(
    path("", include("samen.core.urls")),
    path("accounts/", include("samen.accounts.urls")),
    path("budgeting/", include("samen.budgeting.urls")),
    path("skills/", include("samen.skills.urls")),
    path("inclusion/", include("samen.inclusion.urls")),
    prefix_default_language=True,
)

handler403 = "samen.core.views.permission_denied"
handler404 = "samen.core.views.page_not_found"
handler500 = "samen.core.views.server_error"
