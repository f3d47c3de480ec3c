"""The manager's section of the home: the team's standups, open blockers with "Resolved", and
this week's coaching still to log with "Log", a page at a time for a large team."""

from __future__ import annotations

from bot.blocks.coaching.describe import item_line, item_with_button
from bot.blocks.commitment import commitment_home_blocks
from bot.blocks.home.common import DIVIDER, clip
from bot.blocks.standup import actions, button
from bot.blocks.text import Block, context, escape, header, section
from bot.domain.block_budget import page_of
from bot.domain.counting import counted
from bot.domain.home import ManagerView
from bot.domain.standups.wording import participation_text
from bot.ids import ActionId

PAGE_SIZE = 10  # coaching rows per page
# team line, blockers title and "more", coaching title, pager, divider, commitment and button
FIXED_BLOCKS = 8


def build_manager_section(
    views: list[ManagerView], *, room: int, pages: dict[int, int] | None = None
) -> list[Block]:
    """One part per program the viewer manages reps in, sharing `room` between them."""
    blocks: list[Block] = [header("Your team")]
    for index, view in enumerate(views):
        share = (room - len(blocks)) // (len(views) - index)
        if share <= FIXED_BLOCKS:
            break
        page = (pages or {}).get(view.member.program_id, 0)
        blocks += _program_part(view, room=share, page=page)
    return blocks


def _program_part(view: ManagerView, *, room: int, page: int) -> list[Block]:
    name = escape(view.member.program.name)
    if not (view.reps or view.to_log or view.blockers):
        return [section(f"*{name}*: no reps report to you in this program."), DIVIDER]
    blocks = [section(f"*{name}* · {counted(view.reps, 'rep')} · week-1 standups: "
                      f"{participation_text(view.standups)}")]
    if view.commitment is not None:
        blocks += commitment_home_blocks(view.commitment, view.member.program_id)
    blocks += _blockers(view)
    rows = max(min(PAGE_SIZE, room - len(blocks) - 3), 1)
    return [*blocks, *_coaching(view, rows=rows, page=page), DIVIDER]


def _blockers(view: ManagerView) -> list[Block]:
    if not view.blockers:
        return []
    blocks = [section(f"*Open blockers* ({len(view.blockers) + view.more_blockers})")]
    for blocker in view.blockers:
        text = (f"*{escape(blocker.rep_name)}* · Day {blocker.day_number}: "
                f"{escape(clip(blocker.text, 200))}")
        blocks.append(section(text) | {"accessory": button(
            "Resolved", ActionId.STANDUP_RESOLVE, str(blocker.answer_id), primary=True)})
    if view.more_blockers:
        blocks.append(context(f"…and {view.more_blockers} more in your DMs."))
    return blocks


def _coaching(view: ManagerView, *, rows: int, page: int) -> list[Block]:
    if not view.to_log:
        return [section("*Coaching*: nothing left to log this week. :tada:")]
    shown = page_of(view.to_log, size=rows, number=page)
    overdue = f", {view.overdue} overdue" if view.overdue else ""
    paging = f" · page {shown.number + 1} of {shown.count}" if shown.count > 1 else ""
    blocks = [section(f"*Coaching to log this week*: {len(view.to_log)}{overdue}{paging}")]
    blocks += [item_with_button(item, item_line(item)) for item in shown.rows]
    if shown.count > 1:
        blocks.append(_pager(view.member.program_id, shown.number, shown.count))
    return blocks


def _pager(program_id: int, page: int, pages: int) -> Block:
    """Previous / Next; the value says which program's list and which page."""
    buttons = []
    if page > 0:
        buttons.append(button("Previous", ActionId.HOME_PAGE_BACK, f"{program_id}:{page - 1}"))
    if page < pages - 1:
        buttons.append(button("Next", ActionId.HOME_PAGE, f"{program_id}:{page + 1}"))
    return actions(*buttons)
