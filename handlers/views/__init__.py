"""Listeners of modal submissions."""
