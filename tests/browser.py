"""Pages in a real browser: Debian's chromium, headless, at a 1280x900 window (no new
dependency: --dump-dom with a probe script, --screenshot). Tests using it are skipped, with the
reason, where there is no chromium."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="no chromium here: `apt-get install -y chromium` (.ci/run installs it)",
)
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


def probe(page: str, folder: Path) -> dict[str, Any]:
    """Every entry's visible text and images, and what overflows its column, as drawn."""
    probed = folder / "probed.html"
    probed.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = _chromium("--dump-dom", probed.as_uri())
    found = re.search(r'data-report="([^"]*)"', dom)
    assert found, dom[:500]
    return dict(json.loads(html.unescape(found.group(1))))


def screenshot(page: str, entry_id: str, png: Path) -> None:
    """A PNG of the window showing nothing but one entry, at the top; checks it is 1280x900."""
    style = (f"<style>header,.timeline h2,.entry:not(#{entry_id}){{display:none}}"
             f".timeline:not(:has(#{entry_id})){{display:none}}</style>")
    single = png.with_suffix(".html")
    single.write_text(page.replace("</head>", style + "</head>"), encoding="utf-8")
    _chromium(f"--screenshot={png}", single.as_uri())
    header = png.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert (int.from_bytes(header[16:20]), int.from_bytes(header[20:24])) == (1280, 900)


def check_shots(page: str, folder: Path, shots: dict[str, tuple[str, list[str]]]) -> None:
    """For each shot (name: the entry's kind, and texts of which the first picks the entry):
    the texts are shown, an audit's chart is drawn, a screenshot is taken; nothing anywhere
    overflows its column."""
    report = probe(page, folder)
    assert report["overflowing"] == []
    for name, (what, texts) in shots.items():
        entry_id, entry = next((i, e) for i, e in report["entries"].items()
                               if e["what"] == what and texts[0] in e["text"])
        for text in texts:
            assert text in entry["text"], (name, text)
        if what == "weekly coaching audit":
            assert entry["images"] == 1, "the audit shows its chart"
            assert entry["loaded"], "the chart is embedded in the page"
        screenshot(page, entry_id, folder / f"{name}.png")
