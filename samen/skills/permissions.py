"""Who may take a self-assessment and see one. Each condition sits on its own line."""

from typing import Any

from samen.skills.models import Assessment, AssessmentStatus


def can_self_assess(user: Any) -> bool:
    """Residents and staff alike: anyone logged in may check their own skills."""
    return bool(user.is_authenticated)


def can_view_assessment(user: Any, assessment: Assessment) -> bool:
    """Only the person who took it; nobody else, staff included, sees someone's answers."""
    if not user.is_authenticated:
        return False
    return assessment.user_id == user.pk


def can_answer_assessment(user: Any, assessment: Assessment) -> bool:
    if not can_view_assessment(user, assessment):
        return False
    return assessment.status == AssessmentStatus.IN_PROGRESS
