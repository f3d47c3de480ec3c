"""kickoff-bot's test-suite."""
