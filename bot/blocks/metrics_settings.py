"""Enablement's metric settings modal: which metrics are tracked, and each target's value."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.blocks.metrics_lines import exact
from bot.blocks.text import Block, context, escape, plain
from bot.domain.metrics.definitions import MetricDefinition, TargetKind
from bot.ids import ActionId, CallbackId

TRACKED_BLOCK = "metrics_tracked"
TARGET_BLOCK = "metric_target_"  # + the metric's key
KIND_HINTS = {TargetKind.RELATIVE: "a factor on the baseline: 1.2 is +20%, 0.69 is -31%",
              TargetKind.ABSOLUTE: "the value to reach", TargetKind.POINTS: "points over the "
              "baseline"}


def target_block(key: str) -> str:
    """The block id of a metric's target input."""
    return TARGET_BLOCK + key


def build_metrics_settings_modal(
    *, program_id: int, program: str, metrics: Sequence[MetricDefinition]
) -> dict[str, Any]:
    """Checkboxes of tracked metrics, and one target input per metric."""
    options = [{"text": plain(m.name[:75]), "value": m.key} for m in metrics]
    tracked: Block = {"type": "checkboxes", "action_id": ActionId.METRICS_SETTING,
                      "options": options}
    initial = [option for option, m in zip(options, metrics, strict=True) if m.enabled]
    if initial:
        tracked["initial_options"] = initial
    blocks: list[Block] = [
        context(f"{escape(program)}: custom metrics are added from the shell "
                "(`kickoff-bot metrics add`)."),
        {"type": "input", "block_id": TRACKED_BLOCK, "optional": True,
         "label": plain("Tracked metrics"), "element": tracked},
        *(_target(m) for m in metrics),
    ]
    return {"type": "modal", "callback_id": CallbackId.METRICS_SETTINGS,
            "private_metadata": str(program_id), "title": plain("Metric settings"),
            "submit": plain("Save"), "close": plain("Cancel"), "blocks": blocks}


def _target(metric: MetricDefinition) -> Block:
    return {"type": "input", "block_id": target_block(metric.key),
            "label": plain(f"Target: {metric.name}"[:2000]),
            "hint": plain(KIND_HINTS[metric.target.kind]),
            "element": {"type": "plain_text_input", "action_id": ActionId.METRICS_SETTING,
                        "initial_value": exact(metric.target.value), "max_length": 12}}
