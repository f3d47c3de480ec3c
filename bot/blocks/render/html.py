"""Block Kit blocks as HTML, laid out as Slack lays them out (the stylesheet is in page.py)."""

from __future__ import annotations

import html
from typing import Any

from bot.blocks.render.markup import Directory
from bot.blocks.render.mrkdwn import mrkdwn_html, plain_html
from bot.blocks.render.text import element_value

Json = dict[str, Any]


def blocks_html(blocks: list[Json], directory: Directory) -> str:
    """Every block, in order, each in a `div.block` of its type."""
    return "".join(
        f'<div class="block {html.escape(str(b.get("type")))}">{_block(b, directory)}</div>'
        for b in blocks
    )


def text_html(obj: Json | None, directory: Directory) -> str:
    """A text object (mrkdwn or plain_text) as HTML."""
    if not obj:
        return ""
    if obj.get("type") == "mrkdwn":
        return mrkdwn_html(str(obj.get("text", "")), directory)
    if obj.get("type") == "image":
        return _image(obj, directory, css="inline")
    return plain_html(str(obj.get("text", "")))


def _block(block: Json, directory: Directory) -> str:
    kind = block.get("type")
    if kind == "header":
        return f"<h3>{text_html(block.get('text'), directory)}</h3>"
    if kind == "section":
        return _section(block, directory)
    if kind == "context":
        return "".join(f"<span>{text_html(e, directory)}</span>" for e in block["elements"])
    if kind == "actions":
        return "".join(element_html(e, directory) for e in block.get("elements", []))
    if kind == "divider":
        return "<hr>"
    if kind == "image":
        title = block.get("title")
        caption = f"<figcaption>{text_html(title, directory)}</figcaption>" if title else ""
        return f"<figure>{caption}{_image(block, directory, css='image')}</figure>"
    if kind == "input":
        return _input(block, directory)
    return f'<span class="unknown">[{html.escape(str(kind))}]</span>'


def _section(block: Json, directory: Directory) -> str:
    body = f'<div class="text">{text_html(block.get("text"), directory)}</div>'
    if block.get("fields"):
        cells = "".join(f"<div>{text_html(f, directory)}</div>" for f in block["fields"])
        body += f'<div class="fields">{cells}</div>'
    if "accessory" in block:
        accessory = f'<div class="accessory">{element_html(block["accessory"], directory)}</div>'
        return f'<div class="with-accessory"><div>{body}</div>{accessory}</div>'
    return body


def _input(block: Json, directory: Directory) -> str:
    said = "optional" in str(block.get("label", {}).get("text", ""))
    optional = ' <span class="optional">(optional)</span>' if block.get("optional") and not said \
        else ""
    label = f"<label>{text_html(block.get('label'), directory)}{optional}</label>"
    hint = block.get("hint")
    hint_html = f'<div class="hint">{text_html(hint, directory)}</div>' if hint else ""
    return label + element_html(block.get("element", {}), directory) + hint_html


def element_html(element: Json, directory: Directory) -> str:
    """A button, a choice or a field, as Slack draws it (filled in with its initial value)."""
    kind = element.get("type")
    if kind == "button":
        style = html.escape(str(element.get("style", "")))
        return f'<span class="button {style}">{text_html(element.get("text"), directory)}</span>'
    if kind in ("radio_buttons", "checkboxes"):
        return _choices(element, directory)
    if kind == "image":
        return _image(element, directory, css="thumb")
    value = html.escape(element_value(element, directory))
    placeholder = text_html(element.get("placeholder"), directory)
    shown = value or f'<span class="placeholder">{placeholder}</span>'
    tall = " tall" if element.get("multiline") else ""
    return f'<div class="field {html.escape(str(kind))}{tall}">{shown}</div>'


def _choices(element: Json, directory: Directory) -> str:
    chosen = {o.get("value") for o in element.get("initial_options", [])}
    if "initial_option" in element:
        chosen.add(element["initial_option"].get("value"))
    mark = "radio" if element.get("type") == "radio_buttons" else "check"
    items = "".join(
        f'<div class="choice"><span class="{mark}{" on" if o.get("value") in chosen else ""}">'
        f"</span>{text_html(o.get('text'), directory)}</div>"
        for o in element.get("options", [])
    )
    return f'<div class="choices">{items}</div>'


def _image(obj: Json, directory: Directory, *, css: str) -> str:
    """An image by URL, or a file the bot uploaded (by id, from the directory's files)."""
    # Only `data:` URLs: the page is self-contained and never reaches the network.
    url = str(obj.get("image_url", ""))
    source = url if url.startswith("data:") else directory.files.get(
        obj.get("slack_file", {}).get("id", ""))
    alt = html.escape(str(obj.get("alt_text", "")))
    if not source:
        return f'<div class="missing-image">{alt}</div>'
    return f'<img class="{css}" src="{html.escape(str(source))}" alt="{alt}">'
