"""The paper-ballot team: the people besides organisers (Digicoaches, usually, or staff at a
polling station) who may enter and confirm paper ballots. Membership is the permission
`budgeting.enter_paper_ballots` on the account, given and taken away here with an audit entry.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samen.accounts.selectors import user_find_by_email
from samen.budgeting.selectors_channels import paper_permission
from samen.core.services import audit_record


@transaction.atomic
def paper_team_add(*, actor: Any, email: str, reason: str) -> Any:
    """Give the account with this email address the paper-ballot permission."""
    found = user_find_by_email(email=email)
    if found is None:
        raise ValidationError(
            {"email": _("No active account has this email address. Ask the person to sign up.")},
            code="unknown_account",
        )
    # Locked, so two organisers adding the same person at once cannot both insert the grant.
    user = get_user_model().objects.select_for_update().get(pk=found.pk)
    permission = paper_permission()
    if user.user_permissions.filter(pk=permission.pk).exists():
        raise ValidationError(
            {"email": _("%(name)s is already on the paper-ballot team.") % {"name": user}},
            code="already_member",
        )
    user.user_permissions.add(permission)
    audit_record(actor=actor, action="budgeting.paper_team_add", target=user, reason=reason)
    return user


@transaction.atomic
def paper_team_remove(*, actor: Any, user: Any, reason: str) -> None:
    """Take the paper-ballot permission away; entries the person made stay as they are."""
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    user.user_permissions.remove(paper_permission())
    audit_record(actor=actor, action="budgeting.paper_team_remove", target=user, reason=reason)
