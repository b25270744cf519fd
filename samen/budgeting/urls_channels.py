"""Routes for voting codes (voters and organisers) and paper ballots (under "manage")."""

from django.urls import path

from samen.budgeting import views_channels, views_code_vote, views_paper, views_paper_team

CODES = "manage/<int:process_id>/codes"
PAPER = "manage/<int:process_id>/paper"
urlpatterns = [
    # voting with a code from a letter: no account needed
    path("<int:process_id>/code/", views_code_vote.code_enter, name="code_enter"),
    path("<int:process_id>/code/details/", views_code_vote.code_details, name="code_details"),
    path("<int:process_id>/code/ballot/", views_code_vote.code_ballot, name="code_ballot"),
    path("<int:process_id>/code/check/", views_code_vote.code_check, name="code_check"),
    path("<int:process_id>/code/receipt/", views_code_vote.code_receipt, name="code_receipt"),
    # organisers: batches of codes and their letters
    path(f"{CODES}/", views_channels.voting_codes, name="voting_codes"),
    path(f"{CODES}/revoke/", views_channels.voting_code_revoke, name="voting_code_revoke"),
    path(
        f"{CODES}/<int:batch_id>/revoke/",
        views_channels.voting_code_batch_revoke,
        name="voting_code_batch_revoke",
    ),
    # paper ballots: entered by one person, confirmed by another
    path(f"{PAPER}/", views_paper.paper_list, name="paper_list"),
    path(f"{PAPER}/new/", views_paper.paper_enter, name="paper_enter"),
    path(f"{PAPER}/new/choices/", views_paper.paper_choices, name="paper_choices"),
    path(f"{PAPER}/<int:entry_id>/", views_paper.paper_check, name="paper_check"),
    path("manage/paper-team/", views_paper_team.paper_team, name="paper_team"),
    path("manage/paper-team/remove/", views_paper_team.paper_team_remove, name="paper_team_remove"),
]
