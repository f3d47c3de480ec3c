"""Features declared in one place each, and the registry listing them (registry.py)."""
