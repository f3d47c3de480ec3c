"""Certification values: the definition and its limits, reading it from YAML, scoring."""
