"""Block Kit as readable terminal text (the demo's transcript): one or more lines per block,
with mentions, channels and dates resolved for the reader."""

from __future__ import annotations

from typing import Any

from bot.blocks.render.markup import Directory, plain_text
from bot.blocks.render.mrkdwn import emoji

Json = dict[str, Any]


def text_lines(blocks: list[Json], directory: Directory) -> list[str]:
    """The lines a person reads in a message, modal or App Home made of `blocks`."""
    return [line for block in blocks for line in _block(block, directory)]


def message_lines(message: Json, directory: Directory) -> list[str]:
    """A message's blocks, or its plain text when it has none."""
    blocks = message.get("blocks")
    if blocks:
        return text_lines(blocks, directory)
    return plain_text(str(message.get("text", "")), directory).splitlines()


def _block(block: Json, directory: Directory) -> list[str]:
    kind = block.get("type")
    if kind == "header":
        return [f"== {_text(block.get('text'), directory)} =="]
    if kind == "section":
        lines = _text(block.get("text"), directory).splitlines()
        for item in block.get("fields", []):
            lines += _text(item, directory).splitlines()
        if "accessory" in block:
            lines.append(element_text(block["accessory"], directory))
        return lines
    if kind == "context":
        return " ".join(_text(item, directory) for item in block.get("elements", [])).splitlines()
    if kind == "actions":
        return [" ".join(element_text(item, directory) for item in block.get("elements", []))]
    if kind == "divider":
        return ["----"]
    if kind == "image":
        return [f"[image: {block.get('alt_text', '')}]"]
    if kind == "input":
        label = _text(block.get("label"), directory)
        return [f"[{label}] {element_value(block.get('element', {}), directory)}".rstrip()]
    return [f"[{kind}]"]


def _text(obj: Json | None, directory: Directory) -> str:
    if not obj:
        return ""
    if obj.get("type") == "image":
        return f"[{obj.get('alt_text', 'image')}]"
    return emoji(plain_text(str(obj.get("text", "")), directory))


def element_text(element: Json, directory: Directory) -> str:
    """A button as `[ Label ]`, a choice as its options with the chosen one marked."""
    kind = element.get("type")
    if kind == "button":
        return f"[ {_text(element.get('text'), directory)} ]"
    if kind in ("radio_buttons", "checkboxes"):
        chosen = {o.get("value") for o in _initial_options(element)}
        marks = ("(o)", "( )") if kind == "radio_buttons" else ("[x]", "[ ]")
        return "  ".join(f"{marks[0] if o.get('value') in chosen else marks[1]} "
                         f"{_text(o.get('text'), directory)}" for o in element.get("options", []))
    return f"[{element_value(element, directory) or kind}]"


def element_value(element: Json, directory: Directory) -> str:
    """What an input shows filled in: its initial value, date, choice or chosen person."""
    if element.get("type") in ("radio_buttons", "checkboxes"):
        return element_text(element, directory)
    for key in ("initial_value", "initial_date", "initial_time"):
        if element.get(key) not in (None, ""):
            return str(element[key])
    options = _initial_options(element)
    if options:
        return ", ".join(_text(o.get("text"), directory) for o in options)
    for key in ("initial_user", "initial_conversation", "initial_channel"):
        if element.get(key):
            return plain_text(f"<{'@' if key == 'initial_user' else '#'}{element[key]}>",
                              directory)
    return ""


def _initial_options(element: Json) -> list[Json]:
    if "initial_options" in element:
        return list(element["initial_options"])
    return [element["initial_option"]] if "initial_option" in element else []
