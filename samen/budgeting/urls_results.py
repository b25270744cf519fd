"""Routes for the results: the public page and .pb files, counting and publishing under
/manage/; budgeting/urls.py adds them to the app's routes."""

from django.urls import path

from samen.budgeting import views_results

MANAGE = "manage/<int:process_id>/results"
urlpatterns = [
    path("<int:process_id>/results/", views_results.results, name="results"),
    path(
        "<int:process_id>/results/<int:budget_id>/ballots.pb",
        views_results.results_pb,
        name="results_pb",
    ),
    path(f"{MANAGE}/", views_results.manage_results, name="manage_results"),
    path(f"{MANAGE}/count/", views_results.count_request, name="count_request"),
    path(f"{MANAGE}/<int:count_id>/publish/", views_results.count_publish, name="count_publish"),
]
