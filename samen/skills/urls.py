"""Self-assessment and Digicoach pages; the coordinator's pages sit under a "manage" segment."""

from django.urls import path

from samen.skills import (
    views,
    views_coaching,
    views_coaching_manage,
    views_coaching_places,
    views_impact,
    views_picture,
)

app_name = "skills"
urlpatterns = [
    path("", views.index, name="index"),
    path("start/", views.start, name="start"),
    path("history/", views.history, name="history"),
    path("assessments/<int:assessment_id>/", views.result, name="result"),
    path("assessments/<int:assessment_id>/result.pdf", views.result_pdf, name="result_pdf"),
    path("assessments/<int:assessment_id>/step/<int:number>/", views.step, name="step"),
    path("assessments/<int:assessment_id>/check/", views.check, name="check"),
    # The Digicoach network
    path("coaching/", views_coaching.coaching_index, name="coaching"),
    path("coaching/sessions/<int:session_id>/book/", views_coaching.book, name="book"),
    path("coaching/bookings/", views_coaching.booking_list, name="booking_list"),
    path(
        "coaching/bookings/<int:booking_id>/cancel/",
        views_coaching.booking_cancel,
        name="booking_cancel",
    ),
    path(
        "coaching/bookings/<int:booking_id>/calendar.ics",
        views_coaching.booking_calendar,
        name="booking_calendar",
    ),
    path("coaching/log/", views_coaching.log_list, name="log_list"),
    path("coaching/log/new/", views_coaching.log_create, name="log_create"),
    path("coaching/problems/new/", views_coaching.problem_create, name="problem_create"),
    path("coaching/survey-link/", views_impact.survey_link, name="survey_link"),
    path("coaching/survey/thanks/", views_impact.survey_thanks, name="survey_thanks"),
    path("coaching/survey/<str:token>/", views_impact.survey, name="survey"),
    path("manage/coaching/", views_coaching_manage.dashboard, name="coaching_dashboard"),
    path(
        "manage/coaching/problems/<int:problem_id>/",
        views_coaching_manage.problem_resolve,
        name="problem_resolve",
    ),
    path(
        "manage/coaching/sessions/new/",
        views_coaching_manage.session_create,
        name="session_create",
    ),
    path("manage/coaching/topics/", views_coaching_manage.topic_list, name="topic_list"),
    path(
        "manage/coaching/topics/<int:topic_id>/",
        views_coaching_manage.topic_edit,
        name="topic_edit",
    ),
    path("manage/coaches/", views_coaching_manage.coach_list, name="coach_list"),
    path("manage/coaches/<int:user_id>/", views_coaching_manage.coach_edit, name="coach_edit"),
    # Help points and cancelling sessions
    path(
        "coaching/sessions/<int:session_id>/cancel/",
        views_coaching_places.session_cancel,
        name="session_cancel",
    ),
    path("manage/coaching/places/", views_coaching_places.help_point_list, name="help_point_list"),
    path(
        "manage/coaching/places/new/",
        views_coaching_places.help_point_create,
        name="help_point_create",
    ),
    path(
        "manage/coaching/places/<int:help_point_id>/",
        views_coaching_places.help_point_edit,
        name="help_point_edit",
    ),
    path(
        "manage/coaching/places/<int:help_point_id>/hours/",
        views_coaching_places.opening_time_add,
        name="opening_time_add",
    ),
    path(
        "manage/coaching/places/<int:help_point_id>/hours/<int:slot_id>/remove/",
        views_coaching_places.opening_time_remove,
        name="opening_time_remove",
    ),
    # The organisation's skills picture; staff members say where they work
    path("work/", views_picture.my_work, name="my_work"),
    path("manage/picture/", views_picture.picture, name="picture"),
    path("manage/picture.csv", views_picture.picture_csv, name="picture_csv"),
    path("manage/departments/", views_picture.department_list, name="department_list"),
    path(
        "manage/departments/<int:department_id>/",
        views_picture.department_edit,
        name="department_edit",
    ),
    path("manage/job-roles/", views_picture.job_role_list, name="job_role_list"),
    path("manage/job-roles/new/", views_picture.job_role_create, name="job_role_create"),
    path("manage/job-roles/<int:job_role_id>/", views_picture.job_role_edit, name="job_role_edit"),
    path("manage/staff/", views_picture.staff_list, name="staff_list"),
    path("manage/staff/<int:user_id>/", views_picture.staff_edit, name="staff_edit"),
]

# Courses and summer classes (samen/skills/urls_courses.py)
from samen.skills import urls_courses  # noqa: E402

urlpatterns += urls_courses.urlpatterns
