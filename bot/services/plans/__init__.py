"""The plans feature's rules: the contract, the rep's signed plan, its co-signature and export."""
