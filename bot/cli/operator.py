"""Who the shell's operator is: whoever holds the database and the bot's settings, so a kickoff
admin (the trust every shell command gives: `roster import`, `person erase`, `standups` showing
every team). Services that check roles are handed this actor; reps and managers, who have no
shell, meet the same checks wherever Slack could reach them."""

from bot.services.actor import Actor

SHELL_OPERATOR = Actor(slack_user_id="(shell)", is_kickoff_admin=True)
