"""Certifications: defining them, taking them, reviewing talk-tracks, retakes and the figures."""
