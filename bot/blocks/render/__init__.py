"""Block Kit read back: the payloads the bot sends, shown as a Slack user sees them."""
