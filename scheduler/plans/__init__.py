"""Every feature's planner: what it sends on its own, to whom, and when (listed in the feature
registry, bot/features/registry.py)."""
