"""app_manifest.yml is one Slack would accept, and declares what the code relies on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft7Validator

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = Path(__file__).parent / "slack_schema" / "manifest.schema.1.0.0.json"


def load_manifest() -> dict[str, Any]:
    """The parsed app manifest."""
    manifest = yaml.safe_load((ROOT / "app_manifest.yml").read_text(encoding="utf-8"))
    assert isinstance(manifest, dict)
    return manifest


def test_manifest_passes_slacks_published_schema() -> None:
    validator = Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    errors = [
        f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(load_manifest())
    ]
    assert errors == []


def test_kickoff_command_escapes_mentions_so_they_arrive_as_ids() -> None:
    commands = load_manifest()["features"]["slash_commands"]
    assert [(c["command"], c["should_escape"]) for c in commands] == [("/kickoff", True)]


def test_every_request_url_points_at_the_events_endpoint() -> None:
    manifest = load_manifest()
    urls = [c["url"] for c in manifest["features"]["slash_commands"]]
    urls.append(manifest["settings"]["interactivity"]["request_url"])
    urls.append(manifest["settings"]["event_subscriptions"]["request_url"])
    assert all(url.endswith("/slack/events") for url in urls)


def test_an_invalid_manifest_is_caught_by_the_schema() -> None:
    manifest = load_manifest()
    manifest["features"]["slash_commands"][0]["command"] = "kickoff without slash"
    validator = Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert list(validator.iter_errors(manifest))


def test_the_messages_tab_is_on_so_slack_accepts_the_bots_dms() -> None:
    assert load_manifest()["features"]["app_home"]["messages_tab_enabled"] is True
