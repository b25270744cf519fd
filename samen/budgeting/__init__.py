"""Participatory budgeting: processes, phases, budgets, districts and proposals."""
