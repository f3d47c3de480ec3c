"""Values of the plans feature: the behaviour contract and a rep's plan form."""
