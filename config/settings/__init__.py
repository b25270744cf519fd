"""Settings for Samen, split by environment: base, local (development), test and production."""
