"""Hidden tiers (shell only) and rubric calibrations (enablement and managers, in Slack)."""
