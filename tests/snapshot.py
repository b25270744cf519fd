"""Every table's rows, copied out of PostgreSQL and put back in a fraction of a second.

Seeding the demo world takes 10-20 s, and each browser and HTTP module wants its own fresh
copy of it (some write to it: votes, enrolments). Seeding it once per test process and putting
the same rows back for every later module gives each module the world it would have seeded,
at the cost of a `COPY`. Only PostgreSQL has `COPY`; elsewhere `take` returns None and callers
seed as before.
"""

from dataclasses import dataclass
from typing import Any

from django.core.cache import caches
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.backends.utils import CursorWrapper


@dataclass(frozen=True)
class Snapshot:
    rows: dict[str, bytes]  # table name → its rows in COPY's binary format


def _tables() -> list[str]:
    # The tables `flush` empties: every model's, with many-to-many ones, and no others.
    return sorted(connection.introspection.django_table_names(only_existing=True))


def _copy_cursor(cursor: CursorWrapper) -> Any:
    return cursor.cursor  # psycopg's own cursor, which has `copy`


def take() -> Snapshot | None:
    """The rows of every table now, or None when the database cannot copy them quickly."""
    if connection.vendor != "postgresql":
        return None
    rows: dict[str, bytes] = {}
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        raw = _copy_cursor(cursor)
        for table in _tables():
            with raw.copy(f"COPY {quote(table)} TO STDOUT (FORMAT BINARY)") as copy:
                rows[table] = b"".join(bytes(block) for block in copy)
    return Snapshot(rows)


def restore(snapshot: Snapshot) -> None:
    """Replace every table's rows with the snapshot's, in one committed transaction.

    Django's foreign keys on PostgreSQL are checked at commit, so tables empty and load in
    any order. DELETE rather than TRUNCATE where it may: on these small tables it takes a
    tenth of the time (TRUNCATE makes new files for each of some 70 tables). Tables whose
    own triggers refuse a DELETE (the append-only audit log) have them switched off for the
    DELETE only, inside the transaction, as `flush` empties them without firing them.
    Sequences move past the restored ids, and the caches are emptied: a counter kept there
    (login throttling, for one) may be keyed by an id the restored rows use again.
    """
    quote = connection.ops.quote_name
    sequences = connection.ops.sequence_reset_sql(no_style(), _models())
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        guarded = sorted(_tables_with_triggers(cursor) & set(snapshot.rows))
        for table in guarded:
            cursor.execute(f"ALTER TABLE {quote(table)} DISABLE TRIGGER USER")
        cursor.execute("; ".join(f"DELETE FROM {quote(t)}" for t in snapshot.rows))  # noqa: S608
        for table in guarded:
            cursor.execute(f"ALTER TABLE {quote(table)} ENABLE TRIGGER USER")
        raw = _copy_cursor(cursor)
        for table, data in snapshot.rows.items():
            with raw.copy(f"COPY {quote(table)} FROM STDIN (FORMAT BINARY)") as copy:
                copy.write(data)
        cursor.execute("; ".join(sequences))
    for cache in caches.all():
        cache.clear()


def _tables_with_triggers(cursor: CursorWrapper) -> set[str]:
    """Tables with a trigger of their own (not the ones PostgreSQL makes for foreign keys)."""
    cursor.execute(
        "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE NOT t.tgisinternal AND pg_table_is_visible(c.oid)"
    )
    return {name for (name,) in cursor.fetchall()}


def _models() -> list[type]:
    from django.apps import apps

    return list(apps.get_models(include_auto_created=True))
