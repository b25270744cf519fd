"""A content model that adopts EasyReadMixin, as budgeting and skills will, for the tests only.

It lives in an isolated app registry, so it never reaches migrations or other tests; the
tests that save it create its table themselves (see test_easy_read_services.py).
"""

from django.db import models
from django.test.utils import isolate_apps

from samen.inclusion.models import EasyReadMixin

with isolate_apps("samen.inclusion"):

    class Leaflet(EasyReadMixin):
        title = models.CharField(max_length=80)
        body = models.TextField(blank=True)

        class Meta:
            app_label = "inclusion"

        def __str__(self) -> str:
            return self.title


__all__ = ["Leaflet"]
