"""Demo scene: enablement's hidden tiers and a rubric calibration. After the launch Elena loads
each rep's trailing attainment from the shell (tiers are never shown in Slack) and starts a
calibration of one recorded call; the four managers score it privately; once it has closed,
Elena's App Home shows the spread and who is off, while a manager, with four scorers and a
smallest group of 5, sees only "not enough scores"."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time

from bot.blocks.home.calibration import build_calibration_section
from bot.demo.stage import Stage, shell_with_file
from bot.demo.world import HOME_ZONE, PROGRAM, REPS
from bot.domain.local_time import at_local
from bot.ids import CoachingField
from bot.services.actor import Actor
from bot.services.home import gather_home
from bot.services.tiers.calibration import record_scores, start_calibration
from db.models import Calibration

CALL = "https://calls.example.com/recordings/discovery-acme"
CLOSES_ON = date(2027, 3, 12)  # the Friday of the kickoff week
# Each manager's five scores (discovery, multi-threading, objection handling, next step, value).
SCORES = {"U0MAR": "34332", "U0PRI": "24342", "U0HAN": "35334", "U0JON": "13445"}
FIELDS = (CoachingField.SCORE_DISCOVERY, CoachingField.SCORE_MULTI_THREADING,
          CoachingField.SCORE_OBJECTION_HANDLING, CoachingField.SCORE_NEXT_STEP,
          CoachingField.SCORE_VALUE_ARTICULATION)


def tiers_before_kickoff(stage: Stage) -> None:
    """Elena loads the reps' trailing attainment from the shell: tiers for the breakouts."""
    at = at_local(date(2027, 3, 7), time(11, 30), HOME_ZONE)
    stage.scene("Enablement tiers the team from the shell (tiers never show in Slack)", at)
    rows = [f"{rep.email},{130 - 9 * n}" for n, rep in enumerate(REPS)]
    shell_with_file("attainment.csv", ("\n".join(["email,attainment", *rows]) + "\n").encode(),
                    ["tiers", "import", PROGRAM, "attainment.csv"])


def calibration_starts(stage: Stage) -> None:
    """Once launched (pre-event), Elena starts a calibration in her App Home; the managers'
    DMs go out in their working hours."""
    at = at_local(date(2027, 3, 7), time(12, 30), HOME_ZONE)
    with stage.runtime.session_factory.begin() as session:
        program = stage.runtime.program(session, PROGRAM)
        start_calibration(session=session, program_id=program.id, actor=Actor("U0ELE"),
                          call_link=CALL, closes_on=CLOSES_ON.isoformat(), now=at)
    stage.story.say("Elena starts a rubric calibration in her App Home: one recorded call for "
                    "every manager to score by Friday")


def managers_score(stage: Stage) -> None:
    """The four managers scored the call during the kickoff week, in the modal their DM opens
    (recorded here at that time; the story goes on after the close)."""
    scored = datetime(2027, 3, 11, 15, tzinfo=UTC)
    with stage.runtime.session_factory.begin() as session:
        calibration_id = session.query(Calibration.id).scalar()
        for manager, scores in SCORES.items():
            record_scores(session=session, calibration_id=calibration_id, actor=Actor(manager),
                          values=dict(zip(FIELDS, scores, strict=True)), now=scored)


def enablement_spread(stage: Stage, at: datetime) -> None:
    """After the homes scene (a manager's shows "not enough scores"): Elena's calibration part,
    the first dimension's median, spread and who is off."""
    with stage.runtime.session_factory() as session:
        data = gather_home(session=session, actor=Actor("U0ELE"), kickoff_admins=(), now=at)
        # the start button is not the news here
        parts = tuple(replace(part, may_start=False) for part in data.calibration)
        blocks = build_calibration_section(parts, room=20)
    lines = [line for block in blocks if block["type"] == "section"
             for line in _text(block).splitlines()]
    stage.story.say("Elena's Rubric calibration: " + " | ".join(lines[:2]))


def _text(block: dict[str, object]) -> str:
    text = block.get("text") or (block.get("elements") or [{}])[0]  # type: ignore[index]
    return str(text.get("text", "")) if isinstance(text, dict) else ""
