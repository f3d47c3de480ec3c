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

from sqlalchemy import JSON, Column, Select, String, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from bot.domain.erasure import mentions, pattern_of, scrub, without_ids
from db.models import Person

Attribute = InstrumentedAttribute[Any]


@dataclass(frozen=True)
class Erasure:
    """What erasing did, per table."""

    deleted: Counter[str]
    cleared: Counter[str]
    scrubbed: Counter[str]


@dataclass(frozen=True)
class _Targets:
    """Who is being erased: their ids, Slack ids, and what names them."""

    ids: frozenset[int]
    slack_ids: frozenset[str]
    identifiers: tuple[str, ...]

    @classmethod
    def of(cls, people: Sequence[Person]) -> _Targets:
        slack = [value for p in people for value in (p.slack_user_id, p.dm_channel_id) if value]
        names = [value for p in people for value in (p.name, p.email) if value]
        return cls(frozenset(p.id for p in people), frozenset(slack), (*names, *slack))


def erase_person(
    *, session: Session, person: Person, columns: Sequence[Attribute]
) -> Erasure:
    """Erase `person` as the module says, then delete them; the caller commits."""
    return erase_people(session=session, people=[person], columns=columns)


def erase_people(
    *, session: Session, people: Sequence[Person], columns: Sequence[Attribute],
    program_id: int | None = None,
) -> Erasure:
    """Erase `people` at once (one pass over each table). With `program_id`, only that
    program's rows are visited and the people themselves are kept (they are in other programs
    too); the caller commits."""
    if not people:
        return Erasure(Counter(), Counter(), Counter())
    targets = _Targets.of(people)
    tables = _by_model(columns, scoped=program_id is not None)
    rows = {model: list(session.scalars(_rows_of(model, program_id))) for model in tables}
    linked = {model: [row for row in found if _names(row, tables[model], targets.ids)]
              for model, found in rows.items()}
    # What they wrote: the texts of rows that are theirs (an answer, a typed text, a 1:1).
    words = [getattr(row, attr.key) for model, found in linked.items() for row in found
             if _names(row, tables[model], targets.ids, owned=True)
             for attr in tables[model] if _is_text(attr)]
    everything = pattern_of([*targets.identifiers, *(w for w in words if isinstance(w, str))])
    mentioning = pattern_of(targets.identifiers)
    report = Erasure(Counter(), Counter(), Counter())
    for model, found in rows.items():
        texts = [attr for attr in tables[model] if _is_text(attr) or _is_json(attr)]
        for row in found:
            table = model.__tablename__
            if _must_go(row, tables[model], targets):
                session.delete(row)
                report.deleted[table] += 1
                continue
            report.cleared[table] += _clear(row, tables[model], targets)
            about = row in linked[model] or any(
                mentions(getattr(row, attr.key), mentioning) for attr in texts)
            # Their words only where they are named; their ids from every list of ids.
            if _scrub(row, texts, everything if about else None, targets.ids):
                report.scrubbed[table] += 1
    session.flush()  # the rows naming them go before the people they name
    for person in [] if program_id is not None else people:
        session.delete(person)
    session.flush()
    return report


def _rows_of(model: Any, program_id: int | None) -> Select[Any]:
    query = select(model)
    return query if program_id is None else query.where(model.program_id == program_id)


def _by_model(columns: Sequence[Attribute], *, scoped: bool) -> dict[Any, list[Attribute]]:
    """The declared columns by model, the person table's own left out (its row is deleted);
    `scoped`: only the models whose rows belong to a program."""
    tables: dict[Any, list[Attribute]] = defaultdict(list)
    for attr in columns:
        if attr.class_ is not Person and (not scoped or hasattr(attr.class_, "program_id")):
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


def _names(row: object, attrs: list[Attribute], ids: frozenset[int], *, owned: bool = False
           ) -> bool:
    """Whether a reference of the row is one of them (`owned`: one that cannot be empty)."""
    return any(_is_reference(attr) and getattr(row, attr.key) in ids
               and not (owned and _column(attr).nullable) for attr in attrs)


def _theirs(attr: Attribute, value: object, targets: _Targets) -> bool:
    """Whether the column's value is one of them: their id, or exactly one of their Slack ids."""
    return (_is_reference(attr) and value in targets.ids) or (
        _is_text(attr) and value in targets.slack_ids)


def _must_go(row: object, attrs: list[Attribute], targets: _Targets) -> bool:
    """Whether the row names one of them where it cannot be left empty."""
    return any(_theirs(attr, getattr(row, attr.key), targets) and not _column(attr).nullable
               for attr in attrs)


def _clear(row: object, attrs: list[Attribute], targets: _Targets) -> int:
    """Empty the references to them that may be empty; how many were."""
    cleared = 0
    for attr in attrs:
        if _theirs(attr, getattr(row, attr.key), targets):
            setattr(row, attr.key, None)
            cleared += 1
    return cleared


def _scrub(row: object, attrs: list[Attribute], pattern: Any, ids: frozenset[int]) -> bool:
    """Take their names and words (and their ids from id lists) out of the row's texts;
    whether anything changed."""
    changed = False
    for attr in attrs:
        value = getattr(row, attr.key)
        cleaned = without_ids(scrub(value, pattern), ids)
        if cleaned != value:
            setattr(row, attr.key, cleaned)
            changed = True
    return changed
