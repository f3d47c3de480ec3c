"""Listeners of buttons and other interactive elements."""
