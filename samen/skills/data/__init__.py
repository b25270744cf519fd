"""Framework data files shipped with the app (loaded by data migrations)."""
