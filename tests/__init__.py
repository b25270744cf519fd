"""Samen's test suites. A regular package, so it wins over a stray `tests` in site-packages."""
