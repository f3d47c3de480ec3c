"""The reps' plans as the audit and the read-out show them: per manager by plain name, under the
smallest-group rule already applied by the service."""

from __future__ import annotations

from bot.blocks.text import Block, escape, section
from bot.domain.audit.plans import PlanStandings


def build_plans_section(
    plans: PlanStandings | None, smallest: int, *, named: bool = True
) -> list[Block]:
    """One section (none before any plan was counted, as in older audits); without `named`
    (the read-out, which names nobody) only the figure over all reps."""
    if plans is None or (plans.overall is None and not plans.groups):
        return []
    lines = ["*Plans signed at the kickoff*"]
    if plans.overall is not None:
        lines.append(f"All reps: {plans.overall.text()}")
    if not named:
        return [section("\n".join(lines))] if plans.overall is not None else []
    lines += [f"• {escape(counts.group)}: {counts.text()}" for counts in plans.groups]
    if plans.withheld:
        lines.append(f"_{plans.withheld} team(s) of fewer than {smallest} reps not shown "
                     "apart._")
    return [section("\n".join(lines))]
