"""Behaviour metrics: the program's metrics, the store of values, figures against the baseline."""
