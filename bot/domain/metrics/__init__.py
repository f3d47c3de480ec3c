"""Behaviour metrics: what is measured, over which weeks, and the arithmetic of lift."""
