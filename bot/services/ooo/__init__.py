"""Out of office set from Slack: who may set it for whom (the policy)."""
