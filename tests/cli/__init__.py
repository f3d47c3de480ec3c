"""Tests of the kickoff-bot command line."""
