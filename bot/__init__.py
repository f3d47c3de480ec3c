"""kickoff-bot: runs the 30 days after a sales kickoff inside Slack."""
