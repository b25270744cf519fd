"""A progress bar on stderr that long counts report to through a plain callback."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    """Call with the fraction done (0.0 to 1.0); redraws at most ten times a second.

    Rules take any `Callable[[float], None]`; this one draws `label [#####-----] 50%` on one
    line of `stream` and ends the line when called with 1.0 or when closed.
    """

    def __init__(self, label: str, stream: TextIO | None = None, width: int = 30) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self.shown = -1
        self.last = 0.0
        self.open = False

    def __call__(self, done: float) -> None:
        done = min(max(done, 0.0), 1.0)
        percent = int(done * 100)
        now = time.monotonic()
        if percent == self.shown or (done < 1.0 and now - self.last < 0.1):
            return
        self.shown, self.last = percent, now
        filled = int(done * self.width)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {percent:3d}%")
        self.open = True
        if done >= 1.0:
            self.close()
        else:
            self.stream.flush()

    def close(self) -> None:
        """End the bar's line so that what follows starts on a fresh one."""
        if self.open:
            self.stream.write("\n")
            self.stream.flush()
            self.open = False
