"""Domain rules over a database Session; nothing here talks to Slack."""
