"""Importing metric values from CSV: all or nothing, every bad row named by its line."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.services.metrics.csv_import import MetricsRejected, import_metrics_csv
from db.models import MetricValue
from tests.databases import Database
from tests.services.metrics.world import NOW, build_world, csv_of


def test_every_kind_of_bad_row_is_named_by_line_and_nothing_is_stored(
    database: Database,
) -> None:
    content = csv_of(
        "r1@example.com,dials,2027-W09,30",
        "nobody@example.com,dials,2027-W09,30",
        "r2@example.com,happiness,2027-W09,3",
        "r3@example.com,dials,March 1,30",
        "r4@example.com,dials,2027-W09,thirty",
        "r1@example.com,dials,2027-W09,31",
        "r5@example.com,dials,2027-W09,nan",
    )
    with database.session_factory.begin() as session:
        world = build_world(session)
        with pytest.raises(MetricsRejected) as rejected:
            import_metrics_csv(session=session, program=world.program, content=content, now=NOW)
        assert session.scalar(select(func.count(MetricValue.id))) == 0
    lines = [str(problem) for problem in rejected.value.problems]
    assert lines[0] == "line 3: unknown person 'nobody@example.com' (not a member of this program)"
    assert lines[1].startswith("line 4: unknown metric 'happiness'")
    assert lines[2].startswith("line 5: period 'March 1' is neither a date")
    assert lines[3] == "line 6: value 'thirty' is not a number"
    assert lines[4] == "line 7: a duplicate of line 2 (same person, metric, period)"
    assert lines[5] == "line 8: value 'nan' is not a finite number"
    assert len(lines) == 6
    assert "nothing was changed" in str(rejected.value)


def test_a_bom_semicolons_and_decimal_commas_are_read_and_reimport_changes_nothing(
    database: Database,
) -> None:
    content = b"\xef\xbb\xbf" + csv_of(
        "UREP01;dials;2027-W09;30,5", "UREP02;dials;2027-03-02;28",
        header="slack_id;metric;period;value")
    with database.session_factory.begin() as session:
        world = build_world(session)
        first = import_metrics_csv(session=session, program=world.program, content=content,
                                   now=NOW)
        again = import_metrics_csv(session=session, program=world.program, content=content,
                                   now=NOW)
        values = sorted(session.execute(select(MetricValue.period, MetricValue.value)).all())
    assert (first.added, again.added, again.updated, again.unchanged) == (2, 0, 0, 2)
    assert values == [("2027-03-02", 28.0), ("2027-W09", 30.5)]


def test_a_changed_value_is_updated_in_place(database: Database) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        import_metrics_csv(session=session, program=world.program,
                           content=csv_of("r1@example.com,dials,2027-w09,30"), now=NOW)
        report = import_metrics_csv(session=session, program=world.program,
                                    content=csv_of("R1@example.com,Dials,2027-W09,32"), now=NOW)
        assert session.scalars(select(MetricValue.value)).all() == [32.0]
    assert (report.added, report.updated) == (0, 1)


def test_a_header_without_the_columns_is_refused_on_line_1(database: Database) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        content = csv_of("x,dials,2027-W09,3", header="who,metric,period,value")
        with pytest.raises(MetricsRejected, match="line 1: the header lacks email or slack_id"):
            import_metrics_csv(session=session, program=world.program, content=content, now=NOW)
