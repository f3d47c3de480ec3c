"""`kickoff-bot demo`: the real app against the local fake Slack, on a simulated clock."""
