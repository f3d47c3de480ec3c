"""What the demo's managers log in weeks 2 to 4, and how their reps answer: Priya logs nearly
everything on time, Marcus most (Ben disputes one), Hannah little and late; so the audits and
the read-out show a realistic mix."""

from __future__ import annotations

from dataclasses import dataclass

from bot.ids import CoachingField as F
from db.models import CadenceType, Confirmation, LoggedStatus

ONE, REVIEW, TERRITORY = (CadenceType.ONE_ON_ONE, CadenceType.CALL_REVIEW,
                          CadenceType.TERRITORY_REVIEW)
DONE, MOVED, SKIPPED = LoggedStatus.DONE, LoggedStatus.RESCHEDULED, LoggedStatus.SKIPPED
OK, NO = Confirmation.CONFIRMED, Confirmation.DISPUTED


@dataclass(frozen=True)
class Log:
    """One session a manager logs on its due day (or `late` days after), at 16:30 their time,
    and the rep's click on the DM that follows (None: no click)."""

    week: int
    manager: str
    rep: str
    cadence: CadenceType
    outcome: LoggedStatus = DONE
    answer: Confirmation | None = OK
    late: int = 0


SHOWN = Log(2, "U0MAR", "U0ANA", REVIEW, late=-1)  # a day early, through the modal, on screen
LOGS = (
    Log(2, "U0MAR", "U0ANA", ONE), SHOWN, Log(2, "U0MAR", "U0BEN", ONE, answer=NO),
    Log(2, "U0MAR", "U0BEN", REVIEW),
    Log(2, "U0PRI", "U0ARJ", ONE), Log(2, "U0PRI", "U0ARJ", REVIEW),
    Log(2, "U0PRI", "U0OLI", ONE, answer=None), Log(2, "U0PRI", "U0OLI", REVIEW),
    Log(2, "U0PRI", "U0ARO", ONE), Log(2, "U0PRI", "U0ARO", REVIEW, answer=None),
    Log(2, "U0HAN", "U0LEN", ONE, late=1), Log(2, "U0HAN", "U0JON", ONE, late=1),
    Log(3, "U0MAR", "U0ANA", ONE), Log(3, "U0MAR", "U0BEN", ONE),
    Log(3, "U0MAR", "U0ANA", TERRITORY),
    Log(3, "U0MAR", "U0BEN", TERRITORY, SKIPPED, None),
    Log(3, "U0MAR", "U0ANA", REVIEW),  # the call review Marcus added in his commitment
    Log(3, "U0PRI", "U0ARJ", ONE), Log(3, "U0PRI", "U0OLI", ONE),
    Log(3, "U0PRI", "U0ARO", ONE, MOVED, None), Log(3, "U0PRI", "U0ARJ", TERRITORY),
    Log(3, "U0PRI", "U0OLI", TERRITORY), Log(3, "U0PRI", "U0ARO", TERRITORY, answer=None),
    Log(3, "U0HAN", "U0LEN", ONE, late=1), Log(3, "U0HAN", "U0JON", ONE, answer=None, late=1),
    Log(4, "U0MAR", "U0ANA", ONE), Log(4, "U0MAR", "U0BEN", ONE),
    Log(4, "U0MAR", "U0ANA", REVIEW), Log(4, "U0MAR", "U0BEN", REVIEW),
    Log(4, "U0PRI", "U0ARJ", ONE), Log(4, "U0PRI", "U0OLI", ONE), Log(4, "U0PRI", "U0ARO", ONE),
    Log(4, "U0PRI", "U0ARJ", REVIEW), Log(4, "U0PRI", "U0OLI", REVIEW, answer=None),
    Log(4, "U0PRI", "U0ARO", REVIEW),
    Log(4, "U0HAN", "U0LEN", ONE, late=1), Log(4, "U0HAN", "U0JON", ONE, answer=None, late=1),
)

FIELDS = {
    ONE: {F.DURATION: "45", F.PIPELINE_REVIEWED: "yes"},
    REVIEW: {
        F.WON_CALL_LINK: "https://gong.example.com/call/won-acme",
        F.LOST_CALL_LINK: "https://gong.example.com/call/lost-globex",
        F.SCORE_DISCOVERY: "3", F.SCORE_MULTI_THREADING: "2", F.SCORE_OBJECTION_HANDLING: "4",
        F.SCORE_NEXT_STEP: "2", F.SCORE_VALUE_ARTICULATION: "3",
        F.AGREED_BEHAVIOUR: "Close every call with a dated next step in the customer's calendar",
        F.NOTES: "Good discovery on Acme; on Globex we never reached the economic buyer.",
    },
    TERRITORY: {F.NOTES: "Top 20 accounts ranked; two to hand over to the Nordics owner."},
}
# By week 4 the reviews show progress on what the reps were asked to change.
BETTER = {F.SCORE_MULTI_THREADING: "3", F.SCORE_NEXT_STEP: "4", F.SCORE_DISCOVERY: "4"}
SKIP_REASON = {F.SKIP_REASON: "QBR week: no time for the territory review"}
