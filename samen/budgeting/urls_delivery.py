"""Routes for delivery news, following projects, CSV downloads and importing a .pb file;
budgeting/urls.py adds them to the app's routes."""

from django.urls import path

from samen.budgeting import views_delivery, views_open_data

PROJECT = "<int:process_id>/delivery/<int:proposal_id>"
MANAGE = "manage/<int:process_id>/delivery/<int:proposal_id>"
urlpatterns = [
    path("<int:process_id>/delivery/", views_delivery.delivery_process, name="delivery_process"),
    path(f"{PROJECT}/", views_delivery.delivery_project, name="delivery_project"),
    path(f"{PROJECT}/follow/", views_delivery.delivery_follow, name="delivery_follow"),
    path("unfollow/<str:token>/", views_delivery.delivery_unfollow, name="delivery_unfollow"),
    path(
        "manage/<int:process_id>/delivery/", views_delivery.delivery_manage, name="delivery_manage"
    ),
    path(f"{MANAGE}/", views_delivery.delivery_manage_project, name="delivery_manage_project"),
    path(
        f"{MANAGE}/updates/<int:update_id>/",
        views_delivery.status_update_edit,
        name="status_update_edit",
    ),
    path(f"{MANAGE}/milestones/new/", views_delivery.milestone_edit, name="milestone_create"),
    path(
        f"{MANAGE}/milestones/<int:milestone_id>/",
        views_delivery.milestone_edit,
        name="milestone_edit",
    ),
    path("<int:process_id>/proposals.csv", views_open_data.proposals_csv, name="proposals_csv"),
    path(
        "manage/<int:process_id>/proposals.csv",
        views_open_data.manage_proposals_csv,
        name="manage_proposals_csv",
    ),
    path("<int:process_id>/results.csv", views_open_data.results_csv, name="results_csv"),
    path("manage/import/", views_open_data.process_import, name="process_import"),
    path(
        "manage/import/<int:import_id>/",
        views_open_data.import_status,
        name="import_status",
    ),
    path("open-data/", views_open_data.open_data, name="open_data"),
]
