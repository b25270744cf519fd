"""Online voting routes: start, ballot, check your answers, receipt (see views_voting.py)."""

from django.urls import path

from samen.budgeting import views_voting

VOTE = "<int:process_id>/vote"
urlpatterns = [
    path(f"{VOTE}/", views_voting.vote_start, name="vote_start"),
    path(f"{VOTE}/ballot/", views_voting.vote_ballot, name="vote_ballot"),
    path(f"{VOTE}/check/", views_voting.vote_check, name="vote_check"),
    path(f"{VOTE}/receipt/", views_voting.vote_receipt, name="vote_receipt"),
]


def register_assisted() -> None:
    """Let a Digicoach in an assisted session vote for the resident on these pages. The vote
    itself is recorded with the coach's declaration by `views_voting.vote_check`."""
    from django.utils.translation import gettext_lazy as _

    from samen.inclusion.assisted import AssistedActionKind, register_assisted_url

    labels = {
        "vote_start": _("Opened the vote"),
        "vote_ballot": _("Chose projects on the ballot"),
        "vote_check": _("Voted"),
        "vote_receipt": _("Looked at the receipt of the vote"),
    }
    for name, label in labels.items():
        register_assisted_url(f"budgeting:{name}", action=AssistedActionKind.VOTE, label=label)
