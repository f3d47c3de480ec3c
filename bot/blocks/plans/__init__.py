"""Block Kit builders of the plans feature: the plan modal, the DMs, the plan as text."""
