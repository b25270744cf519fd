"""Core pages: home, help, display settings, static pages and the management area."""

from django.urls import path

from samen.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("help/", views.help_page, name="help"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("display-settings/", views.preferences, name="preferences"),
    path("manage/", views.manage, name="manage"),
    path("manage/audit-log/", views.audit_log, name="audit_log"),
    path("manage/users/", views.user_list, name="user_list"),
    path("manage/users/<int:user_id>/roles/", views.user_roles, name="user_roles"),
]
