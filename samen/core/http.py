"""Small request helpers shared by every app's views."""

from typing import Any

from django.http import HttpRequest


def posted(request: HttpRequest) -> Any:
    """The POST data on a POST, else None: an empty POST must still bind (and fail) the form."""
    return request.POST if request.method == "POST" else None
