"""Reads for core's management pages."""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from samen.core.models import AuditEntry


def audit_entries() -> QuerySet[AuditEntry]:
    return AuditEntry.objects.select_related("actor").order_by("-created_at", "-id")


def users_with_roles(*, query: str = "") -> QuerySet:
    users = get_user_model().objects.prefetch_related("groups").order_by("email")
    if query:
        users = users.filter(Q(email__icontains=query) | Q(display_name__icontains=query))
    return users
