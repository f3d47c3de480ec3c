"""Slack listeners, grouped by surface; each feature registers its own (handlers/listeners)."""
