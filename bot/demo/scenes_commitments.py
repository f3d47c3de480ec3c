"""Demo scene: a manager writes the commitment the event's close asked for (the DM went out with
the other messages of the close); the sessions added come back in his coaching digests, and the
audit reports them as committed vs done."""

from __future__ import annotations

from datetime import timedelta

from bot.blocks.commitment import build_commitment_saved_view
from bot.blocks.render.page import modal_shown
from bot.demo.stage import Stage
from bot.demo.world import PROGRAM, person
from bot.services.commitments.form import commitment_form
from bot.services.commitments.save import save_commitment
from db.models import CadenceType

MANAGER = "U0MAR"
ADDED = (CadenceType.CALL_REVIEW, 3)  # a call review in week 3, between the program's two
METRIC = "discovery_calls"


def manager_commits(stage: Stage) -> None:
    """Marcus answers the commitment DM: the program's cadence, a call review added, a metric."""
    at = stage.timeline.now + timedelta(minutes=30)
    stage.scene("A manager writes his 30-day commitment", at)
    with stage.runtime.session_factory.begin() as session:
        program = stage.runtime.program(session, PROGRAM)
        form = commitment_form(session=session, program_id=program.id, slack_user_id=MANAGER)
        weeks = {c.cadence: [str(w) for w in c.chosen] + (
            [str(ADDED[1])] if c.cadence is ADDED[0] else []) for c in form.cadences}
        saved = save_commitment(session=session, program_id=program.id,
                                manager_slack_id=MANAGER, actor_slack_id=MANAGER, weeks=weeks,
                                metric=METRIC, now=at)
        assert saved.commitment is not None, saved.errors
        form = commitment_form(session=session, program_id=program.id, slack_user_id=MANAGER)
    stage.story.say(f'{person(MANAGER).name} clicks "Write my commitment" in the DM from the '
                    "event's close, keeps the program's sessions and adds a call review:")
    stage.show(MANAGER, modal_shown(build_commitment_saved_view(form), at=at,
                                    what="commitment saved"))
