"""`POST /api/v1/metrics`: tokens, limits, refusals, and nothing stored on any error (the WSGI
app called in process, as waitress would call it)."""

from __future__ import annotations

import io
import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.clock import SystemClock, VirtualClock
from bot.metrics_api import API_PATH, RATE, RateLimit, metrics_api
from bot.services.metrics.tokens import create_token, revoke_token
from bot.web import BackgroundServer
from db.models import MetricValue, Program, Workspace
from tests.databases import Database
from tests.factories import make_program
from tests.services.metrics.world import build_world

NOW = datetime(2027, 4, 12, 9, tzinfo=UTC)
ROW = {"email": "r1@example.com", "metric": "dials", "period": "2027-W14", "value": 36}


@dataclass
class Api:
    """The API on a database with the 12-rep program, and a live token for it."""

    database: Database
    clock: VirtualClock
    secret: str
    program_id: int
    limit: RateLimit

    def post(self, body: bytes | dict[str, Any], *, secret: str | None = None,
             program: int | None = None, length: int | None = None) -> tuple[str, dict[str, str],
                                                                               dict[str, Any]]:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        environ = {
            "REQUEST_METHOD": "POST", "PATH_INFO": API_PATH,
            "QUERY_STRING": f"program={program or self.program_id}",
            "CONTENT_LENGTH": str(len(raw) if length is None else length),
            "HTTP_AUTHORIZATION": f"Bearer {self.secret if secret is None else secret}",
            "wsgi.input": io.BytesIO(raw),
        }
        answer: dict[str, Any] = {}

        def start_response(status: str, headers: list[tuple[str, str]]) -> None:
            answer.update(status=status, headers=dict(headers))

        app = metrics_api(self.database.session_factory, self.clock, self.limit)
        body_out = b"".join(app(environ, start_response))  # type: ignore[arg-type]
        return answer["status"], answer["headers"], json.loads(body_out)

    def stored(self) -> int:
        with self.database.session_factory() as session:
            return session.scalar(select(func.count(MetricValue.id))) or 0


@pytest.fixture
def api(database: Database) -> Api:
    clock = VirtualClock(NOW)
    with database.session_factory.begin() as session:
        world = build_world(session)
        secret = create_token(session=session, program=world.program, name="crm", days=30,
                              now=NOW).secret
        program_id = world.program.id
    return Api(database, clock, secret, program_id, RateLimit(clock))


def test_rows_are_stored_with_the_token_as_their_source(api: Api) -> None:
    status, _, body = api.post({"rows": [ROW, {**ROW, "email": "r2@example.com"}]})
    assert (status, body) == ("200 OK", {"added": 2, "updated": 0, "unchanged": 0})
    with api.database.session_factory() as session:
        assert set(session.scalars(select(MetricValue.source))) == {"api:crm"}
    assert api.post({"rows": [ROW]})[2] == {"added": 0, "updated": 0, "unchanged": 1}


def test_no_token_a_revoked_an_expired_and_another_programs_token_get_401(api: Api) -> None:
    with api.database.session_factory.begin() as session:
        program = session.get_one(Program, api.program_id)
        other = make_program(session, session.get_one(Workspace, program.workspace_id),
                             name="Other")
        others = create_token(session=session, program=other, name="crm", days=30,
                              now=NOW).secret
        revoked = create_token(session=session, program=program, name="old", days=30,
                               now=NOW).secret
        revoke_token(session=session, program=program, name="old", now=NOW)
        expired = create_token(session=session, program=program, name="short", days=1,
                               now=NOW - timedelta(days=2)).secret
    for secret in ("", "kbm_not-a-token", revoked, expired, others):
        status, headers, _ = api.post({"rows": [ROW]}, secret=secret)
        assert status == "401 Unauthorized"
        assert headers["WWW-Authenticate"] == "Bearer"
    assert api.post({"rows": [ROW]}, secret=others)[0] == "401 Unauthorized"
    assert api.stored() == 0


def test_too_large_bodies_and_too_many_rows_are_refused(api: Api) -> None:
    # 2 MB announced: refused before a byte is read (the input here is empty).
    status, _, _ = api.post(b"", length=2_000_000)
    assert status == "413 Content Too Large"
    status, _, body = api.post({"rows": [ROW] * 5001})
    assert (status, body["error"]) == ("413 Content Too Large", "5001 rows; at most 5000")
    assert api.stored() == 0


def test_nan_and_infinities_are_refused(api: Api) -> None:
    status, _, body = api.post(b'{"rows": [{"email": "r1@example.com", "metric": "dials", '
                               b'"period": "2027-W14", "value": NaN}]}')
    assert status == "400 Bad Request"
    assert "NaN is not a number JSON allows" in body["error"]
    status, _, body = api.post(b'{"rows": [{"email": "r1@example.com", "metric": "dials", '
                               b'"period": "2027-W14", "value": 1e400}]}')
    assert status == "422 Unprocessable Entity"
    assert body["rows"] == [{"row": "row 1", "error": "value 'inf' is not a finite number"}]
    assert api.stored() == 0


def test_a_bad_row_gives_422_listing_each_and_nothing_is_stored(api: Api) -> None:
    rows = [ROW, {**ROW, "email": "nobody@example.com"}, {**ROW, "value": "lots"}, "x"]
    status, _, body = api.post({"rows": rows})
    assert status == "422 Unprocessable Entity"
    assert body["rows"] == [
        {"row": "row 2", "error": "unknown person 'nobody@example.com' (not a member of this "
                                  "program)"},
        {"row": "row 3", "error": "value 'lots' is not a number"},
        {"row": "row 4", "error": "is not an object"},
    ]
    assert api.stored() == 0


def test_above_the_rate_the_token_gets_429_with_retry_after(api: Api) -> None:
    for _ in range(RATE):
        api.clock.advance(1)
        assert api.post({"rows": []})[0] == "200 OK"
    status, headers, _ = api.post({"rows": []})
    # The first of the 30 calls was at +1 s, now is +30 s: it leaves the window at +61 s.
    assert (status, headers["Retry-After"]) == ("429 Too Many Requests", "31")
    api.clock.advance(31)
    assert api.post({"rows": []})[0] == "200 OK"


def test_the_authorization_header_is_never_logged(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        api.post({"rows": [ROW]})
        api.post({"rows": [ROW]}, secret="kbm_wrong")
    answers = [r.getMessage() for r in caplog.records if r.name == "bot.metrics_api"]
    assert answers == [f"POST {API_PATH}?program={api.program_id}: 200 OK",
                       f"POST {API_PATH}?program={api.program_id}: 401 Unauthorized"]
    assert not any(api.secret in r.getMessage() or "kbm_wrong" in r.getMessage()
                   for r in caplog.records)


def test_served_over_http_beside_slacks_endpoint(
    app_server: BackgroundServer, database: Database, clock: SystemClock
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        secret = create_token(session=session, program=world.program, name="bi", days=30,
                              now=clock.now()).secret
        program_id = world.program.id
    url = f"{app_server.url}{API_PATH}?program={program_id}"

    def post(body: bytes, token: str) -> tuple[int, dict[str, Any]]:
        request = urllib.request.Request(url, data=body, method="POST", headers={
            "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    assert post(json.dumps({"rows": [ROW]}).encode(), "kbm_nope")[0] == 401
    assert post(b" " * 2_000_000, secret)[0] == 413
    assert post(json.dumps({"rows": [ROW]}).encode(), secret) == (
        200, {"added": 1, "updated": 0, "unchanged": 0})
