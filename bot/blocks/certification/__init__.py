"""Block Kit builders of the certifications: DMs, the attempt and review modals, the home."""
