"""Self-assessment pages."""

from django.urls import path

from samen.skills import views

app_name = "skills"
urlpatterns = [
    path("", views.index, name="index"),
    path("start/", views.start, name="start"),
    path("history/", views.history, name="history"),
    path("assessments/<int:assessment_id>/", views.result, name="result"),
    path("assessments/<int:assessment_id>/result.pdf", views.result_pdf, name="result_pdf"),
    path("assessments/<int:assessment_id>/step/<int:number>/", views.step, name="step"),
    path("assessments/<int:assessment_id>/check/", views.check, name="check"),
]
