"""The audit's values: the weekly numbers and the day-30 read-out, as stored and shown."""
