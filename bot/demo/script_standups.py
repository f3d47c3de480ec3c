"""What the demo's reps do in the standup week: who answers which day, when (their own time),
and what they write; some miss days, one is out, so the figures come out mixed, as in life."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Answer:
    """One rep's answer to one standup day, at a local time."""

    rep: str  # Slack id
    day: int  # 1..5
    at: str  # hh:mm, the rep's own time
    activity: str
    win: str
    blocker: str | None = None
    done: str = "yes"  # from Day 2: was the last answered day's activity done? (yes/partly/no)


OUT_TODAY = (("U0OLI", 1, "09:05"), ("U0OLI", 4, "09:10"))  # Olivia is travelling those days
TYPED = ("U0ARJ", 1, "09:15", "Today I will call Globex back about the pilot")
RESOLVED_BY = ("U0PRI", "10:30")  # Priya clears Aroha's Day-1 blocker on her own Day 1 morning

ANSWERS = (
    Answer("U0ARO", 1, "09:10", "Multi-thread the Kauri deal: meet their CFO",
           "Pilot signed with Tui Telecom", "Legal wants <!channel> sign-off on the pilot terms"),
    Answer("U0LEN", 1, "09:05", "Run the new discovery questions on three calls",
           "Renewal at Initech closed a week early"),
    Answer("U0ARJ", 1, "09:20", "Today I will call Globex back about the pilot",
           "First discovery call booked with Globex"),
    Answer("U0ANA", 1, "09:25", "Ask Acme for a second meeting with procurement",
           "My manager reviewed my call and it helped"),
    Answer("U0ANA", 2, "09:40", "Send Acme the mutual action plan", "Procurement said yes"),
    Answer("U0ARJ", 2, "09:30", "Book the Globex technical demo", "Champion found at Globex"),
    Answer("U0LEN", 2, "10:10", "Call three lapsed customers", "Two of them picked up",
           done="partly"),
    Answer("U0ARO", 2, "09:20", "Prepare the Kauri CFO meeting", "CFO meeting confirmed"),
    Answer("U0JON", 2, "11:30", "Map the buying group at Umbrella", "Got an intro to their CIO",
           "No territory owner yet for the Nordics"),
    Answer("U0OLI", 2, "09:15", "Re-engage the Wallaby account", "First call back in a month"),
    Answer("U0ANA", 3, "09:05", "Practise the new objection handling", "Acme asked for pricing"),
    Answer("U0ARJ", 3, "09:50", "Follow up on the demo", "Demo went well", done="no"),
    Answer("U0LEN", 3, "09:30", "Ask for referrals at Initech", "One referral already"),
    Answer("U0ARO", 3, "12:15", "Send the pilot summary", "Legal approved the pilot terms"),
    Answer("U0OLI", 3, "09:45", "Shadow a senior rep's discovery call", "Learnt three questions"),
    Answer("U0BEN", 4, "11:40", "Clean up my pipeline before the 1:1", "Closed two stale deals"),
    Answer("U0ANA", 4, "09:20", "Draft the Acme proposal", "Pricing approved internally"),
    Answer("U0ARJ", 4, "09:10", "Bring a second stakeholder into Globex", "CTO joined the call"),
    Answer("U0LEN", 4, "09:15", "Use a dated next step on every call", "Three next steps booked"),
    Answer("U0ANA", 5, "10:00", "Send the proposal to Acme", "Proposal sent a day early"),
    Answer("U0ARJ", 5, "09:35", "Prepare the Globex business case", "Budget confirmed"),
    Answer("U0ARO", 5, "09:25", "Plan next week's calls", "Kauri moved to negotiation"),
    Answer("U0OLI", 5, "09:05", "Qualify the two new leads", "Both leads have budget"),
    Answer("U0JON", 5, "10:45", "Write up the territory questions", "Nordics owner agreed"),
)
