"""Tests of the Slack listeners through signed requests."""
