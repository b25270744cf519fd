"""Course pages, joined into samen/skills/urls.py; the organiser's pages sit under "manage"."""

from django.urls import path

from samen.skills import views_courses, views_courses_manage

urlpatterns = [
    path("courses/", views_courses.course_list, name="course_list"),
    path("courses/mine/", views_courses.my_courses, name="my_courses"),
    path("courses/<int:course_id>/", views_courses.course_detail, name="course_detail"),
    path(
        "courses/<int:course_id>/calendar.ics",
        views_courses.course_calendar,
        name="course_calendar",
    ),
    path("courses/<int:course_id>/enrol/", views_courses.course_enrol, name="course_enrol"),
    path(
        "courses/enrolments/<int:enrolment_id>/cancel/",
        views_courses.enrolment_cancel,
        name="enrolment_cancel",
    ),
    path(
        "courses/enrolments/<int:enrolment_id>/calendar.ics",
        views_courses.enrolment_calendar,
        name="enrolment_calendar",
    ),
    path(
        "courses/enrolments/<int:enrolment_id>/certificate.pdf",
        views_courses.certificate_pdf,
        name="certificate_pdf",
    ),
    path(
        "courses/enrolments/<int:enrolment_id>/feedback/",
        views_courses.course_feedback,
        name="course_feedback",
    ),
    path(
        "courses/calendar/new-link/",
        views_courses.calendar_feed_renew,
        name="calendar_feed_renew",
    ),
    path("courses/calendar/<str:token>.ics", views_courses.calendar_feed, name="calendar_feed"),
    path("certificates/verify/", views_courses.certificate_verify, name="certificate_verify"),
    # The organiser's pages
    path("manage/courses/", views_courses_manage.course_manage_list, name="course_manage_list"),
    path("manage/courses/new/", views_courses_manage.course_create, name="course_create"),
    path("manage/courses/<int:course_id>/", views_courses_manage.course_edit, name="course_edit"),
    path(
        "manage/courses/<int:course_id>/sessions/new/",
        views_courses_manage.course_session_create,
        name="course_session_create",
    ),
    path(
        "manage/courses/<int:course_id>/sessions/<int:session_id>/",
        views_courses_manage.course_session_edit,
        name="course_session_edit",
    ),
    path(
        "manage/courses/<int:course_id>/enrolments/",
        views_courses_manage.course_enrolments,
        name="course_enrolments",
    ),
    path(
        "manage/courses/<int:course_id>/feedback/",
        views_courses_manage.course_feedback_summary,
        name="course_feedback_summary",
    ),
    path(
        "manage/courses/enrolments/<int:enrolment_id>/decide/",
        views_courses_manage.enrolment_decide,
        name="enrolment_decide",
    ),
    path(
        "manage/courses/enrolments/<int:enrolment_id>/remove/",
        views_courses_manage.enrolment_remove,
        name="enrolment_remove",
    ),
    path(
        "manage/courses/sessions/<int:session_id>/attendance/",
        views_courses_manage.course_attendance,
        name="course_attendance",
    ),
]
