"""Tests of the standup services."""
