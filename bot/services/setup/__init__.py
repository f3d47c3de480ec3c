"""Setting programs up in Slack: who may (the policy)."""
