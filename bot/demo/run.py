"""The demo's story: a program set up from the shell a month ahead, the weeks before the kickoff,
then its 30 days as people live them, scene by scene at the simulated time each heading says."""

from __future__ import annotations

from pathlib import Path

from bot.blocks.render.markup import png_uri
from bot.demo import scenes_audit as audit
from bot.demo import scenes_certification as certification
from bot.demo import scenes_coaching as coaching
from bot.demo import scenes_commitments as commitments
from bot.demo import scenes_gap as gap
from bot.demo import scenes_home as home
from bot.demo import scenes_ledger as ledger
from bot.demo import scenes_metrics as metrics
from bot.demo import scenes_plans as plans
from bot.demo import scenes_setup as setup
from bot.demo import scenes_standups as standups
from bot.demo import scenes_survey as survey
from bot.demo import scenes_tiers as tiers
from bot.demo.stage import Stage, demo_stage
from bot.demo.story import Story
from bot.demo.world import PROGRAM


def run_demo(*, full: bool = False, html: Path | None = None) -> int:
    """Tell the story and, with `html`, write it as a page; 0 when every step went as expected."""
    return 0 if run_story(full=full, html=html)[0] == 0 else 1


def run_story(*, full: bool = False, html: Path | None = None) -> tuple[int, Story]:
    """Tell the story; the number of failed steps, and the story as told (for the tests)."""
    print("kickoff-bot demo: the real app against a local fake Slack (no account needed); "
          "times are each reader's own.")
    with demo_stage(full=full) as stage:
        failures = tell(stage)
        stage.story.end_scene()
        if html is not None:
            _write_page(stage, html)
    print("\nDemo finished." if failures == 0 else f"\nDemo failed: {failures} step(s) failed.")
    return failures, stage.story


def tell(stage: Stage) -> int:
    """Every scene, in the order they happen."""
    failures = setup.set_up(stage)
    setup.ask_for_help(stage)
    failures += setup.launch(stage)
    failures += gap.schedule(stage)
    gap.before(stage)
    failures += certification.pre_event(stage)
    tiers.tiers_before_kickoff(stage)
    failures += certification.define(stage)
    tiers.calibration_starts(stage)
    plans.breakout(stage)
    standups.day_one(stage)
    commitments.manager_commits(stage)
    standups.rest_of_week(stage)
    coaching.week_two_begins(stage)
    certification.take(stage)
    tiers.managers_score(stage)
    tiers.enablement_spread(stage, home.scene(stage))
    coaching.log_week(stage, 2, until=audit.posted_at(stage, 2))
    audit.weekly(stage, 2, from_shell=True)
    metrics.import_crm(stage)
    survey.create(stage)
    survey.answers(stage)
    coaching.log_week(stage, 3, until=survey.closes_at(stage))
    survey.results(stage)
    audit.weekly(stage, 3)
    gap.after(stage)
    coaching.log_week(stage, 4, until=audit.readout_at(stage))
    audit.readout(stage)
    ledger.decide(stage)
    audit.readout_day_ends(stage)
    failures += certification.spotcheck(stage)
    metrics.remeasure(stage)
    certification.spotcheck_readout(stage)
    return failures


def _write_page(stage: Stage, path: Path) -> None:
    """The story as one page; the files the bot uploaded (the audit's chart) are embedded."""
    files = {file_id: png_uri(file["content"]) for file_id, file in stage.fake.files.items()
             if str(file.get("filename", "")).endswith(".png")}
    stage.story.write_html(path, title=f"kickoff-bot demo: {PROGRAM}", files=files, intro=(
        "What each person saw in the demo, in their own time: every message, modal and App "
        "Home, drawn from the payloads the bot sent."))
    print(f"\n  written {path}: open it in a browser")
