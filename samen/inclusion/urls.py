"""Inclusion routes: easy-read pages, reading hints, and management under "manage"."""

from django.urls import path

from samen.inclusion import views, views_assisted, views_manage, views_translation

app_name = "inclusion"

urlpatterns = [
    path("easy-read/", views.easy_read_index, name="easy_read_index"),
    path(
        "easy-read/how-to-vote/",
        views.easy_read_page,
        {"page": "how_to_vote"},
        name="easy_read_how_to_vote",
    ),
    path(
        "easy-read/how-to-get-help/",
        views.easy_read_page,
        {"page": "how_to_get_help"},
        name="easy_read_how_to_get_help",
    ),
    path(
        "easy-read/how-the-skills-check-works/",
        views.easy_read_page,
        {"page": "how_the_skills_check_works"},
        name="easy_read_how_the_skills_check_works",
    ),
    path("readability/", views.readability_page, name="readability"),
    path("readability/check/", views.readability_check, name="readability_check"),
    path("assist/", views_assisted.assisted_start, name="assisted_start"),
    path("assist/end/", views_assisted.assisted_end, name="assisted_end"),
    path(
        "assist/sessions/<int:session_id>/",
        views_assisted.assisted_receipt,
        name="assisted_receipt",
    ),
    path("assist/help-i-had/", views_assisted.assisted_history, name="assisted_history"),
    path("manage/", views_manage.manage, name="manage"),
    path("manage/assisted/", views_assisted.assisted_stats, name="assisted_stats"),
    path("manage/jargon/", views_manage.jargon_list, name="jargon_list"),
    path("manage/jargon/new/", views_manage.jargon_edit, name="jargon_create"),
    path("manage/jargon/<int:term_id>/", views_manage.jargon_edit, name="jargon_edit"),
    path("manage/jargon/<int:term_id>/delete/", views_manage.jargon_delete, name="jargon_delete"),
    path("manage/letters/", views_manage.letter_sample, name="letter_sample"),
    path("manage/translations/", views_translation.translation_index, name="translation_index"),
    path(
        "manage/translations/<str:kind>/<int:object_id>/",
        views_translation.translation_edit,
        name="translation_edit",
    ),
]
