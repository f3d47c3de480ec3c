"""The standup feature's values: days, questions, outbox kinds, participation."""
