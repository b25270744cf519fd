"""Background tasks of budgeting (django-tasks): counting the votes outside the request."""

from django_tasks import task

from samen.budgeting import services_counting


@task()
def count_votes(count_id: int) -> str:
    """Run a requested count; progress and the outcome are written to the Count itself."""
    return services_counting.count_run(count_id=count_id)
