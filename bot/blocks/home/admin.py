"""The admin's section of the home: programs (create, edit, launch, pause, resume, end), their
roster (upload, sync from a channel), "send me a test", out of office for anyone, and the
deliveries that failed lately."""

from __future__ import annotations

from bot.blocks.home.common import DIVIDER, short_date, within
from bot.blocks.standup import actions, button
from bot.blocks.text import Block, escape, header, plain, section
from bot.domain.home import AdminView, ProgramRow
from bot.ids import ActionId
from db.models import ProgramStatus, Role

MOVES = {
    ProgramStatus.DRAFT: ("Launch", ActionId.PROGRAM_LAUNCH),
    ProgramStatus.ACTIVE: ("Pause", ActionId.PROGRAM_PAUSE),
    ProgramStatus.PAUSED: ("Resume", ActionId.PROGRAM_RESUME),
}
ROLE_WORDS = {Role.REP: "rep", Role.MANAGER: "manager", Role.ENABLEMENT: "enablement",
              Role.LEADER: "leader", Role.ADMIN: "admin"}


def build_admin_section(view: AdminView, *, room: int) -> list[Block]:
    """Everything an admin sets up, within `room` blocks."""
    blocks: list[Block] = [
        header("Admin"),
        actions(button("New program", ActionId.PROGRAM_CREATE, "new", primary=True),
                button("Out of office for someone", ActionId.HOME_OOO, "other")),
    ]
    failures = _failures(view)
    rows = [_program_rows(row) for row in view.programs]
    room_for_programs = room - len(blocks) - len(failures) - 1
    blocks += within(rows, room_for_programs,
                     "…and {} more programs: `kickoff-bot program list` shows them all.")
    return [*blocks, *failures, DIVIDER]


def _program_rows(row: ProgramRow) -> list[Block]:
    program = row.program
    members = ", ".join(_count(row.members[role], ROLE_WORDS[role]) for role in ROLE_WORDS
                        if row.members.get(role)) or "no members yet"
    text = (f"*{escape(program.name)}* · {program.status} · kickoff "
            f"{short_date(program.kickoff_date)} {program.kickoff_date.year} · {members}")
    value = str(program.id)
    copy = button("Copy as a new draft", ActionId.PROGRAM_COPY, value)
    if program.status is ProgramStatus.ENDED:
        return [section(text + "\nEnded: its history is kept."), actions(copy)]
    move_label, move_action = MOVES[program.status]
    move = button(move_label, move_action, value)
    if program.status is ProgramStatus.DRAFT:
        move |= {"style": "primary", "confirm": _confirm(
            "Launch the program?", f"Every member of {program.name[:200]} gets a welcome DM "
            "now, and its schedule starts.", "Launch", style="primary")}
    return [section(text), actions(
        button("Edit", ActionId.PROGRAM_EDIT, value),
        move,
        _end_button(program.name, value),
        button("Upload roster", ActionId.ROSTER_UPLOAD, value),
        button("Sync reps from a channel", ActionId.ROSTER_SYNC, value),
        button("Send me a test", ActionId.SEND_TEST, value),
        copy,
    )]


def _count(number: int, word: str) -> str:
    plural = word if number == 1 or word == "enablement" else word + "s"
    return f"{number} {plural}"


def _end_button(name: str, value: str) -> Block:
    return button("End", ActionId.PROGRAM_END, value) | {"style": "danger", "confirm": _confirm(
        "End the program?", f"Nothing more is sent for {name[:200]}, for good. Its history is "
        "kept.", "End it", style="danger")}


def _confirm(title: str, text: str, yes: str, *, style: str) -> Block:
    return {"title": plain(title), "text": plain(text), "confirm": plain(yes),
            "deny": plain("Not now"), "style": style}


def _recipient(channel: str) -> str:
    if channel[:1] in ("U", "W"):
        return f"<@{channel}>"
    return f"<#{channel}>" if channel[:1] in ("C", "G") else channel


def _failures(view: AdminView) -> list[Block]:
    page = view.failures
    if not page.rows:
        return []
    lines = [f"• {delivery.kind} to {_recipient(delivery.channel)}, due "
             f"{short_date(delivery.due_at)}: {escape(delivery.error or 'failed')}"
             for delivery in page.rows]
    more = "\n…and more." if page.more else ""
    return [section("*Deliveries that failed this week*\n" + "\n".join(lines) + more +
                    "\n`kickoff-bot deliveries` lists them; `kickoff-bot deliveries retry ID` "
                    "sends one again.")]
