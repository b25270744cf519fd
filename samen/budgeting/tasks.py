"""Background tasks of budgeting (django-tasks): counting the votes and importing Pabulib
files outside the request."""

from django_tasks import task

from samen.budgeting import services_counting, services_import


@task()
def count_votes(count_id: int) -> str:
    """Run a requested count; progress and the outcome are written to the Count itself."""
    return services_counting.count_run(count_id=count_id)


@task()
def import_pb_file(import_id: int) -> str:
    """Import an uploaded Pabulib file; how it ended is written to the PbImport itself."""
    return services_import.import_run(import_id=import_id)
