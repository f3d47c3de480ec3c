"""Block Kit of the coaching cadence: the manager's digest, the log modal, the rep's receipts."""
