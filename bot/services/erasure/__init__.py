"""Erasing a person's personal data on request, and purging ended programs after their retention
period; every feature's declared columns (`Feature.personal_data`) are visited."""
