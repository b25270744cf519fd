"""Self-assessment and Digicoach pages; the coordinator's pages sit under a "manage" segment."""

from django.urls import path

from samen.skills import views, views_coaching, views_coaching_manage

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
]
