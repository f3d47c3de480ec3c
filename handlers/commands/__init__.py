"""The `/kickoff` slash command and its subcommands."""
