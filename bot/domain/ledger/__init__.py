"""The ROI ledger's values: decisions on interventions, and break-even maths."""
