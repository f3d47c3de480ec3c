"""Tests of the coaching-cadence services."""
