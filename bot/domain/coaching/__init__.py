"""The coaching feature's values: cadence, statuses, the log form, what managers read."""
