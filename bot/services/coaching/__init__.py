"""The coaching cadence: which 1:1s and reviews are due, their logs, their honest history."""
