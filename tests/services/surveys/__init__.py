"""Tests of anonymous eNPS surveys."""
