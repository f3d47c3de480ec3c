"""The demo's page in a real browser (Debian's chromium, headless, 1280x900): a standup prompt,
the answer modal, a digest, an audit with its chart and an App Home are drawn with their texts,
and nothing in a message is wider than the message column. Screenshots go to the test's folder."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.demo.conftest import ToldDemo

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="no chromium here: `apt-get install -y chromium` (.ci/run installs it)",
)
# The kind of message each screenshot shows (its first entry with the first text), and the
# texts it must show.
SHOTS = {
    "standup-prompt": ("standup prompt", ["Week-1 standup", "Answer", "Out today"]),
    "answer-modal": ("standup answer form", ["One new activity I will do today", "Post"]),
    "digest": ("manager's coaching digest", ["Coaching for", "Log"]),
    "audit": ("weekly coaching audit", ["(2027-W12)", "1:1 completion", "Marcus Reed"]),
    "app-home": ("Home tab", ["Your kickoff", "Home"]),
}
# Measures, once the page and its images are loaded, what a person would see: each entry's
# text, whether its images loaded, and any element reaching past its message column.
PROBE = """<script>addEventListener('load', () => {
  const report = {entries: {}, overflowing: []};
  for (const entry of document.querySelectorAll('.entry')) {
    const column = entry.closest('.column').getBoundingClientRect();
    const images = [...entry.querySelectorAll('img')];
    report.entries[entry.id] = {what: entry.dataset.what, text: entry.innerText,
      images: images.length, loaded: images.every(i => i.complete && i.naturalWidth > 0)};
    for (const el of entry.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width && (box.right > column.right + 0.5 || box.left < column.left - 0.5))
        report.overflowing.push(entry.id + ' ' + el.tagName + '.' + el.className);
    }
  }
  document.body.setAttribute('data-report', JSON.stringify(report));
});</script>"""


def _chromium(*args: str) -> str:
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               "--window-size=1280,900", "--virtual-time-budget=10000", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120,
                          check=True).stdout


def _report(page: Path) -> dict[str, object]:
    dom = _chromium("--dump-dom", page.as_uri())
    found = re.search(r'data-report="([^"]*)"', dom)
    assert found, dom[:500]
    return dict(json.loads(html.unescape(found.group(1))))


def _only(page: str, entry_id: str) -> str:
    """The page showing nothing but one entry, at the top of the window."""
    style = (f"<style>header,.timeline h2,.entry:not(#{entry_id}){{display:none}}"
             f".timeline:not(:has(#{entry_id})){{display:none}}</style>")
    return page.replace("</head>", style + "</head>")


def test_the_page_draws_each_kind_of_message_within_the_column(
    told_demo: ToldDemo, tmp_path: Path
) -> None:
    page = told_demo.page.read_text(encoding="utf-8")
    probed = tmp_path / "probed.html"
    probed.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    report = _report(probed)
    assert report["overflowing"] == []
    entries = report["entries"]
    assert isinstance(entries, dict)
    for name, (what, texts) in SHOTS.items():
        entry_id, entry = next((i, e) for i, e in entries.items()
                               if e["what"] == what and texts[0] in e["text"])
        for text in texts:
            assert text in entry["text"], (name, text)
        if name == "audit":
            assert entry["images"] == 1, "the audit shows its chart"
            assert entry["loaded"], "the chart is embedded in the page"
        single = tmp_path / f"{name}.html"
        single.write_text(_only(page, entry_id), encoding="utf-8")
        png = tmp_path / f"{name}.png"
        _chromium(f"--screenshot={png}", single.as_uri())
        header = png.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        assert (int.from_bytes(header[16:20]), int.from_bytes(header[20:24])) == (1280, 900)
