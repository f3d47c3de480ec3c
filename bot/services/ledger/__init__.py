"""The ROI ledger: decisions on the read-out, break-even, the ledger itself, copying a program."""
