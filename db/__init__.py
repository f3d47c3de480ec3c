"""Persistence: models, sessions and migrations."""
