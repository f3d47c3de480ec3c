"""Tests of planning and the dispatcher."""
