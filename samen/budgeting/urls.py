"""Budgeting routes: public pages, and management pages under a "manage" segment."""

from django.urls import path

from samen.budgeting import views, views_manage, views_review

app_name = "budgeting"

PROPOSAL = "manage/<int:process_id>/proposals/<int:proposal_id>"
urlpatterns = [
    path("", views.process_list, name="process_list"),
    path("<int:process_id>/", views.process_detail, name="process_detail"),
    path("<int:process_id>/proposals/", views.proposal_list, name="proposal_list"),
    path("<int:process_id>/proposals/new/", views.proposal_submit, name="proposal_submit"),
    path(
        "<int:process_id>/proposals/<int:proposal_id>/",
        views.proposal_detail,
        name="proposal_detail",
    ),
    path(
        "<int:process_id>/proposals/<int:proposal_id>/edit/",
        views.proposal_edit,
        name="proposal_edit",
    ),
    path("manage/", views_manage.process_list, name="manage_process_list"),
    path("manage/new/", views_manage.process_create, name="process_create"),
    path("manage/<int:process_id>/", views_manage.manage_process, name="manage_process"),
    path("manage/<int:process_id>/edit/", views_manage.process_edit, name="process_edit"),
    path(
        "manage/<int:process_id>/phases/<slug:kind>/",
        views_manage.phase_edit,
        name="phase_edit",
    ),
    path(
        "manage/<int:process_id>/districts/new/",
        views_manage.district_edit,
        name="district_create",
    ),
    path(
        "manage/<int:process_id>/districts/<int:district_id>/",
        views_manage.district_edit,
        name="district_edit",
    ),
    path("manage/<int:process_id>/budgets/new/", views_manage.budget_edit, name="budget_create"),
    path(
        "manage/<int:process_id>/budgets/<int:budget_id>/",
        views_manage.budget_edit,
        name="budget_edit",
    ),
    path(f"{PROPOSAL}/review/", views_review.proposal_review, name="proposal_review"),
    path(f"{PROPOSAL}/merge/", views_review.proposal_merge, name="proposal_merge"),
    path(f"{PROPOSAL}/shortlist/", views_review.proposal_shortlist, name="proposal_shortlist"),
    path(f"{PROPOSAL}/hide/", views_review.proposal_hide, name="proposal_hide"),
    path(f"{PROPOSAL}/unhide/", views_review.proposal_unhide, name="proposal_unhide"),
]

# Online voting (urls_voting.py).
from samen.budgeting.urls_voting import urlpatterns as voting_patterns  # noqa: E402

urlpatterns += voting_patterns

# Voting codes and paper ballots (urls_channels.py).
from samen.budgeting.urls_channels import urlpatterns as channel_patterns  # noqa: E402

urlpatterns += channel_patterns

# Delivery news, following projects, CSV downloads and the .pb import (urls_delivery.py).
from samen.budgeting.urls_delivery import urlpatterns as delivery_patterns  # noqa: E402

urlpatterns += delivery_patterns

# Counting, publishing and the results pages (urls_results.py).
from samen.budgeting.urls_results import urlpatterns as results_patterns  # noqa: E402

urlpatterns += results_patterns
