"""Tests of the domain services over a real database."""
