"""The survey feature's values: the answer's content, the form's limits, results."""
