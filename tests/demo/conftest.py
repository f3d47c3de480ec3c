"""The demo as told once for the tests that read its transcript and its page."""

from __future__ import annotations

import contextlib
import fcntl
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.demo.run import run_story


@dataclass(frozen=True)
class ToldDemo:
    """The default demo as told once for the whole test run: what it printed, the page it
    wrote, and each message's record (reader, instant, kind, key, printed in full or not)."""

    out: str
    page: Path
    told: list[dict[str, str | bool]]
    timelines: dict[str, list[dict[str, str]]]


@pytest.fixture(scope="session")
def told_demo(tmp_path_factory: pytest.TempPathFactory) -> ToldDemo:
    """Runs the demo once per test run (pytest-xdist workers share it through a locked folder:
    it takes a minute)."""
    shared = tmp_path_factory.getbasetemp().parent / "told-demo"
    shared.mkdir(exist_ok=True)
    with (shared / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        record = shared / "record.json"
        if not record.exists():
            record.write_text(json.dumps(_tell(shared / "demo.html")), encoding="utf-8")
    data = json.loads(record.read_text(encoding="utf-8"))
    return ToldDemo(data["out"], shared / "demo.html", data["told"], data["timelines"])


def _tell(page: Path) -> dict[str, object]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        failures, story = run_story(html=page)
    assert failures == 0, out.getvalue()[-2000:]
    return {
        "out": out.getvalue(),
        "told": [{"reader": t.reader, "at": t.at.isoformat(), "what": t.what, "key": t.key,
                  "printed": t.printed} for t in story.told],
        "timelines": {reader.name: [{"at": s.at.isoformat(), "what": s.what,
                                     "surface": s.surface} for s in shown]
                      for reader, shown in story.timelines.items()},
    }
