"""Hidden tiers and rubric calibration: the pure rules (tiers by thirds, a calibration's spread)."""
