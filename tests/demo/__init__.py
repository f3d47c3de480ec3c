"""Tests of the demo scenes."""
