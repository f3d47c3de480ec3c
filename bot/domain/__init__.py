"""Domain values every layer may use: they import nothing of kickoff-bot but `db.models`."""
