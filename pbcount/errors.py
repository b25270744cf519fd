"""Exceptions raised by pbcount, so callers can catch one base class and show a clear message."""

from __future__ import annotations


class PbcountError(Exception):
    """Base class of every error pbcount raises on purpose."""


class ElectionError(PbcountError, ValueError):
    """An election that breaks the model's invariants (unknown project, negative cost, ...)."""


class PabulibError(PbcountError, ValueError):
    """A .pb file that cannot be read, with the file, the 1-based line and the problem.

    `line` is None when the problem is about the file as a whole (a missing section, a count
    in META that disagrees with the rows).
    """

    def __init__(self, problem: str, *, file: str = "<string>", line: int | None = None) -> None:
        self.problem = problem
        self.file = file
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file}: {self.problem}"
        return f"{self.file}, line {self.line}: {self.problem}"

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments would otherwise be lost when pickled across processes.
        return (_rebuild, (self.problem, self.file, self.line))


def _rebuild(problem: str, file: str, line: int | None) -> PabulibError:
    return PabulibError(problem, file=file, line=line)
