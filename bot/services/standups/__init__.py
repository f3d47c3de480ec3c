"""Week-1 standups: schedule, answers, channel posts, blockers and participation."""
