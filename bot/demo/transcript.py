"""Block Kit rendered as readable terminal text, for the demo's day-by-day transcript."""

from __future__ import annotations

from typing import Any


def render_blocks(blocks: list[dict[str, Any]], *, indent: str = "    ") -> list[str]:
    """One or more lines of text per block, as a person would read the message."""
    lines: list[str] = []
    for block in blocks:
        lines.extend(_render_block(block))
    return [indent + line for line in lines]


def render_message(message: dict[str, Any], *, indent: str = "    ") -> list[str]:
    """A message's blocks, or its plain text when it has none."""
    blocks = message.get("blocks")
    if blocks:
        return render_blocks(blocks, indent=indent)
    return [indent + line for line in str(message.get("text", "")).splitlines()]


def _render_block(block: dict[str, Any]) -> list[str]:
    kind = block.get("type")
    if kind == "header":
        return [f"== {block['text']['text']} =="]
    if kind == "section":
        lines = _text_lines(block.get("text"))
        for field in block.get("fields", []):
            lines.extend(_text_lines(field))
        if "accessory" in block:
            lines.append(_element(block["accessory"]))
        return lines
    if kind == "context":
        return [" ".join(_text(element) for element in block.get("elements", []))]
    if kind == "actions":
        return [" ".join(_element(element) for element in block.get("elements", []))]
    if kind == "divider":
        return ["----"]
    if kind == "image":
        return [f"[image: {block.get('alt_text', '')}]"]
    return [f"[{kind}]"]


def _text(obj: dict[str, Any] | None) -> str:
    if not obj:
        return ""
    return str(obj.get("text") or obj.get("alt_text") or "")


def _text_lines(obj: dict[str, Any] | None) -> list[str]:
    return _text(obj).splitlines()


def _element(element: dict[str, Any]) -> str:
    if element.get("type") == "button":
        return f"[ {_text(element.get('text'))} ]"
    return f"[{element.get('type')}]"
