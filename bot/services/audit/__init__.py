"""Leadership's weekly coaching-completion audit and the day-30 read-out: numbers, snapshots,
chart and CSV; the numbers come from the standup, coaching and survey services."""
