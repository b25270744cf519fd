"""What the rows of some models hold, to prove that a request saved nothing.

On PostgreSQL each table is summed up inside the server, in one query: an MD5 of its rows'
text, in a fixed order. Reading every row of the demo world into Python instead took about
0.2 s per snapshot, most of the bad-input suites' time. Other databases read the rows.
Either way two snapshots are equal exactly when no row was added, removed or changed, and a
difference names the models whose rows changed.
"""

from collections.abc import Iterable
from typing import Any

from django.db import connection
from django.db.models import Model


def rows_of(models: Iterable[type[Model]]) -> dict[str, Any]:
    """{model label: its rows, or on PostgreSQL a digest of them}."""
    models = list(dict.fromkeys(models))
    labels = [model._meta.label for model in models]
    if connection.vendor != "postgresql":
        return {
            label: list(model.objects.order_by("pk").values())
            for label, model in zip(labels, models, strict=True)
        }
    quote = connection.ops.quote_name
    # Table names from the models, quoted by Django: nothing here comes from a request.
    digests = ", ".join(
        "(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "  # noqa: S608
        f"FROM {quote(model._meta.db_table)} AS t)"
        for model in models
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {digests}")
        row = cursor.fetchone()
    return dict(zip(labels, row, strict=True))
