"""Anonymous eNPS surveys: create, answer (sealed until closing), close, results; no Slack here."""
