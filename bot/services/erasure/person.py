"""`person erase`: every row about a person deleted, every reference to them cleared, their name
and words scrubbed from what mentions them, then the person themselves deleted.

The columns visited are those the features declare as holding something about a person. Per
row of a table with such columns:
- a row that names the person in a column that cannot be empty (a standup answer's author, a
  coaching item's rep or manager, a membership) is deleted, with everything they wrote in it;
- a reference that may be empty (a rep's manager, who resolved a blocker, who created a survey,
  a delivery's person) is cleared, and the row's texts lose the person's name and words;
- a text that is exactly one of their Slack ids (a DM channel, who logged) is cleared, or its
  row deleted when it cannot be empty (a DM to them);
- any other text or JSON that mentions their name, email or Slack id loses those and their
  words; numbers stay as they are, so a published audit's figures do not change.
Anonymous survey answers were never linked to anyone and are not touched.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Column, String, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from bot.domain.erasure import mentions, pattern_of, scrub, without_id
from db.models import Person

Attribute = InstrumentedAttribute[Any]


@dataclass(frozen=True)
class Erasure:
    """What erasing one person did, per table."""

    name: str
    deleted: Counter[str]
    cleared: Counter[str]
    scrubbed: Counter[str]


def erase_person(
    *, session: Session, person: Person, columns: Sequence[Attribute]
) -> Erasure:
    """Erase `person` as the module says, then delete them; the caller commits."""
    tables = _by_model(columns)
    rows = {model: list(session.scalars(select(model))) for model in tables}
    linked = {model: [row for row in found if _names(row, tables[model], person.id)]
              for model, found in rows.items()}
    # What they wrote: the texts of rows that are theirs (an answer, a typed text, a 1:1).
    words = [getattr(row, attr.key) for model, found in linked.items() for row in found
             if _names(row, tables[model], person.id, owned=True)
             for attr in tables[model] if _is_text(attr)]
    identifiers = [person.name, person.email, person.slack_user_id, person.dm_channel_id]
    everything = pattern_of([*identifiers, *(w for w in words if isinstance(w, str))])
    report = Erasure(person.name, Counter(), Counter(), Counter())
    slack_ids = {value for value in (person.slack_user_id, person.dm_channel_id) if value}
    mentioning = pattern_of(identifiers)
    for model, found in rows.items():
        for row in found:
            table = model.__tablename__
            if _must_go(row, tables[model], person.id, slack_ids):
                session.delete(row)
                report.deleted[table] += 1
                continue
            report.cleared[table] += _clear(row, tables[model], person.id, slack_ids)
            texts = [attr for attr in tables[model] if _is_text(attr) or _is_json(attr)]
            about = row in linked[model] or any(
                mentions(getattr(row, attr.key), mentioning) for attr in texts)
            if about and _scrub(row, texts, everything, person.id):
                report.scrubbed[table] += 1
    session.flush()  # the rows naming them go before the person they name
    session.delete(person)
    session.flush()
    return report


def _by_model(columns: Sequence[Attribute]) -> dict[Any, list[Attribute]]:
    """The declared columns by model, the person table's own left out (its row is deleted)."""
    tables: dict[Any, list[Attribute]] = defaultdict(list)
    for attr in columns:
        if attr.class_ is not Person:
            tables[attr.class_].append(attr)
    return dict(tables)


def _column(attr: Attribute) -> Column[Any]:
    column: Column[Any] = attr.property.columns[0]
    return column


def _is_reference(attr: Attribute) -> bool:
    return any(key.column.table.name == "person" for key in _column(attr).foreign_keys)


def _is_text(attr: Attribute) -> bool:
    return isinstance(_column(attr).type, String) and not _is_reference(attr)


def _is_json(attr: Attribute) -> bool:
    return isinstance(_column(attr).type, JSON)


def _names(row: object, attrs: list[Attribute], person_id: int, *, owned: bool = False) -> bool:
    """Whether a reference of the row is the person (`owned`: one that cannot be empty)."""
    return any(_is_reference(attr) and getattr(row, attr.key) == person_id
               and not (owned and _column(attr).nullable) for attr in attrs)


def _must_go(row: object, attrs: list[Attribute], person_id: int, slack_ids: set[str]) -> bool:
    """Whether the row names the person where it cannot be left empty."""
    for attr in attrs:
        value = getattr(row, attr.key)
        own = (_is_reference(attr) and value == person_id) or (
            _is_text(attr) and value in slack_ids)
        if own and not _column(attr).nullable:
            return True
    return False


def _clear(row: object, attrs: list[Attribute], person_id: int, slack_ids: set[str]) -> int:
    """Empty the references to the person that may be empty; how many were."""
    cleared = 0
    for attr in attrs:
        value = getattr(row, attr.key)
        if (_is_reference(attr) and value == person_id) or (_is_text(attr) and value in slack_ids):
            setattr(row, attr.key, None)
            cleared += 1
    return cleared


def _scrub(row: object, attrs: list[Attribute], pattern: Any, person_id: int) -> bool:
    """Take the person's name and words (and their id from id lists) out of the row's texts;
    whether anything changed."""
    changed = False
    for attr in attrs:
        value = getattr(row, attr.key)
        cleaned = without_id(scrub(value, pattern), person_id)
        if cleaned != value:
            setattr(row, attr.key, cleaned)
            changed = True
    return changed
