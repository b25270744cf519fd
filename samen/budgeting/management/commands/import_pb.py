"""`manage.py import_pb FILE`: import a Pabulib .pb file as a closed process."""

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from samen.budgeting.importing import pb_parse, process_import


class Command(BaseCommand):
    help = (
        "Import a Pabulib .pb file as a closed participatory budgeting process with its "
        "projects, anonymous ballots and published results (for demos and research)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="path of the .pb file")
        parser.add_argument(
            "--publish", action="store_true", help="show the process to the public at once"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: cannot read the file ({error.strerror}).") from None
        try:
            election = pb_parse(data=data, name=path.name)
            done = process_import(
                actor=None, election=election, name=path.name, is_published=options["publish"]
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        how = "counted with the META rule" if done.counted else "from the file's selected column"
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported “{done.process.title}” (process {done.process.pk}): "
                f"{done.projects} projects, {done.ballots} ballots; results {how}."
            )
        )
