"""The small Slack adapter: what kickoff-bot asks of Slack besides sending (channels, the user
directory, files people share). Sending is the dispatcher's (scheduler/sending.py); answering the
person who acted is the handlers'. Nothing below the handlers calls Slack."""
