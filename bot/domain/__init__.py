"""Domain values and rules every feature shares; imports nothing above db.models."""
