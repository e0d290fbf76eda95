"""Accounts mode: sign up, log in and out, the throttle, redirects, and one user's data hidden
from another (404, as if it did not exist)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.config import Settings
from app.domain.clock import utcnow
from app.main import create_app
from app.services import accounts
from app.store.models import Attempt, LoginSession, PracticeSession, ReviewCard, User
from app.web.routes.auth import safe_next
from tests.conftest import shared_bank

HTML = {"accept": "text/html"}
PASSWORD = "correct horse battery"
OPEN_CARD = "project-walkthrough"


def accounts_app(tmp_path: Path, database_url: str | None = None, **overrides: object) -> TestClient:
    settings = Settings(data_dir=tmp_path / "data", grader_workers=0, auth_mode="accounts",  # type: ignore[call-arg]
                        review_fuzzing=False, database_url=database_url, **overrides)  # type: ignore[arg-type]
    return TestClient(create_app(settings, bank=shared_bank()))


@pytest.fixture
def client(tmp_path: Path, new_database: Callable[[], str | None]) -> Iterator[TestClient]:
    with accounts_app(tmp_path, new_database()) as test_client:
        yield test_client


def other_browser(client: TestClient, address: str = "testclient") -> TestClient:
    """A second cookie jar (from another address, if given) on the same running app."""
    return TestClient(client.app, client=(address, 50000))


def signup(client: TestClient, name: str, **extra: str) -> dict:
    response = client.post("/api/auth/signup", json={"username": name, "password": PASSWORD, **extra})
    assert response.status_code == 201, response.text
    return response.json()


def soup(response) -> BeautifulSoup:  # type: ignore[no-untyped-def]
    return BeautifulSoup(response.text, "html.parser")


def db(client: TestClient):  # type: ignore[no-untyped-def]
    return client.app.state.sessionmaker()  # type: ignore[attr-defined]


def set_cookie_header(response) -> str:  # type: ignore[no-untyped-def]
    return next(v for k, v in response.headers.multi_items() if k == "set-cookie"
                and v.startswith(accounts.COOKIE_NAME))


# ---- pages -------------------------------------------------------------------------------

def test_signup_login_logout_through_the_pages(client: TestClient) -> None:
    page = soup(client.get("/signup", headers=HTML))
    form = page.select_one("form.signup-form")
    for field in ("username", "password", "confirm"):
        control = form.select_one(f"[name={field}]")
        assert page.select_one(f"label[for={control['id']}]") is not None  # every field labelled
    assert form.select_one("[name=signup_code]") is None  # no code configured

    done = client.post("/signup", data={"username": "Ann", "password": PASSWORD, "confirm": PASSWORD,
                                        "next": "/history"}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/history"
    home = soup(client.get("/", headers=HTML))
    assert "Signed in as ann" in home.select_one(".account-nav").get_text()  # names are lower-cased
    assert home.select_one(".account-nav form[action='/logout'][method=post] button") is not None

    out = client.post("/logout", follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"] == "/login"
    assert client.get("/", headers=HTML, follow_redirects=False).status_code == 303
    logged_out = soup(client.get("/login", headers=HTML))
    links = [a["href"] for a in logged_out.select(".account-nav a")]
    assert links == ["/login", "/signup"]

    wrong = client.post("/login", data={"username": "ann", "password": "nope-nope"})
    assert wrong.status_code == 401
    error = soup(wrong).select_one("form.login-form [role=alert]")
    assert error.get_text() == "Wrong username or password."
    assert soup(wrong).select_one("#login-username")["value"] == "ann"  # kept for the retry
    back = client.post("/login", data={"username": "ann", "password": PASSWORD, "next": "/review"},
                       follow_redirects=False)
    assert back.status_code == 303 and back.headers["location"] == "/review"
    assert client.get("/api/auth/me").json()["name"] == "ann"


def test_signup_form_errors_are_inline(client: TestClient) -> None:
    differ = client.post("/signup", data={"username": "ann", "password": PASSWORD, "confirm": "other-pass"})
    assert differ.status_code == 422
    assert soup(differ).select_one("#signup-confirm-error").get_text() == "The two passwords differ."
    assert soup(differ).select_one("#signup-confirm")["aria-invalid"] == "true"
    bad_name = client.post("/signup", data={"username": "a b", "password": PASSWORD, "confirm": PASSWORD})
    assert soup(bad_name).select_one("#signup-username-error") is not None
    short = client.post("/signup", data={"username": "ann", "password": "short", "confirm": "short"},
                        headers={"accept-language": "zh-CN"})
    assert soup(short).select_one("#signup-password-error").get_text() == "请至少使用 8 个字符。"
    assert client.get("/api/auth/me").status_code == 401  # nothing was created or logged in


def test_cookie_is_httponly_lax_and_secure_over_https(client: TestClient) -> None:
    plain = set_cookie_header(client.post("/api/auth/signup", json={"username": "ann", "password": PASSWORD}))
    assert "HttpOnly" in plain and "samesite=lax" in plain.lower() and "Secure" not in plain
    assert "Path=/" in plain
    https = TestClient(client.app, base_url="https://testserver")
    secure = set_cookie_header(https.post("/api/auth/login", json={"username": "ann", "password": PASSWORD}))
    assert "Secure" in secure and "HttpOnly" in secure
    token = secure.split(";")[0].split("=", 1)[1]
    with db(client) as session:
        stored = session.scalars(select(LoginSession.token_hash)).all()
    assert token not in stored and len(stored) == 2  # only SHA-256 digests are kept


# ---- API ---------------------------------------------------------------------------------

def test_api_signup_login_me_logout(client: TestClient) -> None:
    assert client.get("/api/auth/me").json() == {"detail": "log in first"}
    me = signup(client, "ann")
    assert me["name"] == "ann"
    assert client.get("/api/auth/me").json()["name"] == "ann"
    assert client.post("/api/auth/logout").status_code == 204
    assert client.get("/api/auth/me").status_code == 401
    logged = client.post("/api/auth/login", json={"username": "ANN ", "password": PASSWORD})
    assert logged.status_code == 200 and logged.json()["name"] == "ann"
    with db(client) as session:
        user = session.scalar(select(User).where(User.name == "ann"))
        assert user.password_hash.startswith("scrypt$16384$8$1$")


@pytest.mark.parametrize(("body", "field"), [
    ({"username": "ab", "password": PASSWORD}, "username"),
    ({"username": "a" * 33, "password": PASSWORD}, "username"),
    ({"username": "ann/..", "password": PASSWORD}, "username"),
    ({"username": "ann", "password": "seven77"}, "password"),
    ({"username": "local", "password": PASSWORD}, "username"),  # the laptop user is reserved
])
def test_api_signup_refuses_bad_usernames_and_passwords(client: TestClient, body: dict, field: str) -> None:
    response = client.post("/api/auth/signup", json=body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == field


def test_usernames_are_unique(client: TestClient) -> None:
    signup(client, "ann")
    again = other_browser(client).post("/api/auth/signup", json={"username": "ann", "password": PASSWORD})
    assert again.status_code == 422 and again.json()["detail"][0]["message"] == "This username is taken."


def test_wrong_password_and_unknown_user_get_the_same_answer(client: TestClient) -> None:
    signup(client, "ann")
    wrong = client.post("/api/auth/login", json={"username": "ann", "password": "wrong-password"})
    nobody = client.post("/api/auth/login", json={"username": "bob", "password": "wrong-password"})
    assert wrong.status_code == nobody.status_code == 401
    assert wrong.json() == nobody.json() == {"detail": "Wrong username or password."}


def test_guessing_slows_the_guesser_not_the_owner(client: TestClient) -> None:
    signup(client, "ann")
    guesser, owner = other_browser(client, "203.0.113.7"), other_browser(client, "198.51.100.2")
    guess = {"username": "ann", "password": "guess-123"}
    for _ in range(10):
        assert guesser.post("/api/auth/login", json=guess).status_code == 401
    blocked = guesser.post("/api/auth/login", json={"username": "ann", "password": PASSWORD})
    assert blocked.status_code == 429  # from the guesser's address even the right password waits
    assert 0 < int(blocked.headers["Retry-After"]) <= 15 * 60
    # Ann, from her own address, is not locked out by someone else's guesses
    assert owner.post("/api/auth/login", json={"username": "ann", "password": PASSWORD}
                      ).status_code == 200
    page = guesser.post("/login", data={"username": "ann", "password": "guess-123"})
    assert page.status_code == 429 and "Retry-After" in page.headers
    assert soup(page).select_one("[role=alert]").get_text() == "Too many failed attempts: try again later."


def test_one_address_guessing_many_accounts_is_slowed_too(client: TestClient) -> None:
    sprayer = other_browser(client, "203.0.113.9")
    for n in range(50):  # five guesses at each of ten names: under the per-account limit
        body = {"username": f"user{n // 5}", "password": "guess-123"}
        assert sprayer.post("/api/auth/login", json=body).status_code == 401
    spray = sprayer.post("/api/auth/login", json={"username": "zed", "password": "x" * 8})
    assert spray.status_code == 429


def test_signup_code_is_required_when_set(tmp_path: Path) -> None:
    with accounts_app(tmp_path, signup_code="bootcamp-2026") as client:
        assert soup(client.get("/signup")).select_one("#signup-code") is not None
        missing = client.post("/api/auth/signup", json={"username": "ann", "password": PASSWORD})
        assert missing.status_code == 422 and missing.json()["detail"][0]["field"] == "signup_code"
        wrong = client.post("/api/auth/signup",
                            json={"username": "ann", "password": PASSWORD, "signup_code": "guess"})
        assert wrong.status_code == 422
        assert signup(client, "ann", signup_code="bootcamp-2026")["name"] == "ann"
        page = client.post("/signup", data={"username": "bob", "password": PASSWORD, "confirm": PASSWORD,
                                            "signup_code": "nope"})
        assert soup(page).select_one("#signup-signup_code-error").get_text() == "Wrong sign-up code."
        assert soup(page).select_one("#signup-code")["value"] == ""  # a wrong code is not echoed
        mismatch = client.post("/signup", data={"username": "bob", "password": PASSWORD,
                                                "confirm": "different", "signup_code": "bootcamp-2026"})
        assert soup(mismatch).select_one("#signup-code")["value"] == "bootcamp-2026"  # kept to retry


# ---- what needs a login ------------------------------------------------------------------

def test_pages_redirect_to_login_with_next_and_the_api_answers_401(client: TestClient) -> None:
    page = client.get("/history?stage=coding", headers=HTML, follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/login?next=%2Fhistory%3Fstage%3Dcoding"
    login = soup(client.get(page.headers["location"]))
    assert login.select_one("form.login-form [name=next]")["value"] == "/history?stage=coding"
    posted = client.post("/sessions", follow_redirects=False)
    assert posted.status_code == 303 and posted.headers["location"] == "/login"
    htmx = client.post("/questions/nms/answer", headers={"hx-request": "true"}, follow_redirects=False)
    assert htmx.status_code == 401 and htmx.headers["HX-Redirect"] == "/login"
    for path in ("/api/attempts", "/api/sessions", "/api/review/due", "/api/export", "/api/resume"):
        response = client.get(path)
        assert (response.status_code, response.json()) == (401, {"detail": "log in first"}), path
    assert client.post("/api/submissions", json={"question_id": "nms", "code": "x"}).status_code == 401


def test_health_docs_static_and_the_question_bank_stay_public(client: TestClient) -> None:
    for path in ("/healthz", "/docs", "/openapi.json", "/static/favicon.svg", "/questions",
                 "/api/questions", f"/api/questions/{OPEN_CARD}", "/login", "/signup"):
        assert client.get(path, follow_redirects=False).status_code == 200, path


@pytest.mark.parametrize(("target", "expected"), [
    ("/history?stage=coding", "/history?stage=coding"),
    ("//evil.example/path", "/"),
    ("https://evil.example/", "/"),
    ("/\\evil.example", "/"),
    ("javascript:alert(1)", "/"),
    ("/ok\r\nSet-Cookie: x=1", "/"),
    ("", "/"),
])
def test_next_only_allows_paths_on_this_site(target: str, expected: str) -> None:
    assert safe_next(target) == expected


def test_login_refuses_an_open_redirect(client: TestClient) -> None:
    signup(client, "ann")
    client.post("/api/auth/logout")
    response = client.post("/login", data={"username": "ann", "password": PASSWORD,
                                           "next": "//evil.example/"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/"
    already = client.get("/login?next=https://evil.example/", follow_redirects=False)
    assert already.status_code == 303 and already.headers["location"] == "/"


def test_sessions_expire_and_slide(client: TestClient) -> None:
    signup(client, "ann")
    with db(client) as session:
        login = session.scalar(select(LoginSession))
        login.last_seen_at = utcnow() - timedelta(days=2)
        login.expires_at = utcnow() + timedelta(days=28)
        session.commit()
    assert client.get("/api/auth/me").status_code == 200
    with db(client) as session:
        login = session.scalar(select(LoginSession))
        assert login.expires_at > utcnow() + timedelta(days=29)  # pushed back 30 days from now
        login.expires_at = utcnow() - timedelta(seconds=1)
        session.commit()
    assert client.get("/api/auth/me").status_code == 401


# ---- isolation ---------------------------------------------------------------------------

def test_one_user_cannot_see_or_touch_anothers_attempts_sessions_recordings(client: TestClient) -> None:
    signup(client, "ann")
    interview = client.post("/api/sessions", json={"stages": ["project"]}).json()
    attempt = client.post("/api/attempts", json={"question_id": OPEN_CARD, "answer": "ann's answer",
                                                 "session_id": None, "self_grade": "again"}).json()
    uploaded = client.post(f"/api/attempts/{attempt['id']}/recording",
                           files={"audio": ("a.webm", b"ann's voice", "audio/webm")})
    assert uploaded.status_code == 200
    with db(client) as session:
        session.add(Attempt(user_id=session.scalar(select(User.id).where(User.name == "ann")),
                            question_id="nms", stage="coding", kind="code", answer="code",
                            verdict={"status": "passed"}, status="passed"))
        card = session.scalar(select(ReviewCard))
        card.due = utcnow() - timedelta(hours=1)
        session.commit()
        submission_id = session.scalar(select(Attempt.id).where(Attempt.kind == "code"))
    assert client.get(f"/api/submissions/{submission_id}").status_code == 200
    assert client.get("/api/review/due").json()["due_count"] == 1

    bob = other_browser(client)
    signup(bob, "bob")
    aid, sid = attempt["id"], interview["id"]
    assert bob.get("/api/attempts").json() == [] and bob.get("/api/sessions").json() == []
    for method, path in [
        ("GET", f"/api/attempts/{aid}"), ("GET", f"/api/attempts/{aid}/recording"),
        ("DELETE", f"/api/attempts/{aid}/recording"), ("POST", f"/api/attempts/{aid}/reveal"),
        ("GET", f"/api/sessions/{sid}"), ("GET", f"/api/submissions/{submission_id}"),
        ("GET", f"/attempts/{aid}"), ("GET", f"/sessions/{sid}/summary"),
        ("POST", f"/attempts/{aid}/recording/delete"),
    ]:
        assert bob.request(method, path, headers=HTML).status_code == 404, (method, path)
    regrade = {"self_grade": "easy", "rubric_hits": []}
    assert bob.patch(f"/api/attempts/{aid}", json=regrade).status_code == 404
    assert bob.post(f"/attempts/{aid}/grade", data={"self_grade": "easy"}).status_code == 404
    assert bob.post("/api/submissions", json={"question_id": "nms", "code": "x"}).status_code == 503
    assert bob.get("/api/review/due").json()["due_count"] == 0
    assert all(rows == [] for rows in bob.get("/api/export").json()["tables"].values())

    # Bob deleting all his data leaves Ann's rows and her recording alone.
    assert bob.delete("/api/me/data").status_code == 200
    assert client.get(f"/api/attempts/{aid}/recording").content == b"ann's voice"
    assert len(client.get("/api/attempts").json()) == 2
    assert client.get(f"/api/attempts/{aid}").json()["self_grade"] == "again"


def test_import_in_accounts_mode_renumbers_and_never_reaches_another_users_rows(
    client: TestClient,
) -> None:
    signup(client, "ann")
    interview = client.post("/api/sessions", json={"stages": ["project"]}).json()
    attempt = client.post("/api/attempts", json={"question_id": OPEN_CARD, "answer": "ann's answer",
                                                 "session_id": interview["id"], "self_grade": "good"}).json()
    client.post(f"/api/attempts/{attempt['id']}/recording",
                files={"audio": ("a.webm", b"ann's voice", "audio/webm")})
    export = client.get("/api/export").json()

    bob = other_browser(client)
    signup(bob, "bob")
    # Ann's own export, imported by Bob: the same ids exist, so his rows get new ones.
    imported = bob.post("/api/import", json=export)
    assert imported.status_code == 200, imported.text
    bobs = bob.get("/api/attempts").json()
    assert len(bobs) == 1 and bobs[0]["id"] != attempt["id"]
    assert bobs[0]["session_id"] not in (None, interview["id"])
    assert bob.get(f"/api/attempts/{bobs[0]['id']}/recording").content == b"ann's voice"
    assert client.get(f"/api/attempts/{attempt['id']}/recording").content == b"ann's voice"
    assert bob.get("/api/export").json()["tables"]["review_card"][0]["id"] != \
        export["tables"]["review_card"][0]["id"]

    # A crafted file pointing at Ann's session, or naming her recording, gets nowhere.
    crafted = {**export, "tables": {**export["tables"], "practice_session": []}}
    refused = bob.post("/api/import?replace=true", json=crafted)
    assert refused.status_code == 422 and "practice_session" in refused.json()["detail"][0]["message"]
    no_file = {**export, "recordings": {}}
    assert bob.post("/api/import?replace=true", json=no_file).status_code == 200
    bob_attempt = bob.get("/api/attempts").json()[0]
    assert bob_attempt["has_recording"] is False  # the name alone could be Ann's file
    assert bob.get(f"/api/attempts/{bob_attempt['id']}/recording").status_code == 404
    assert bob.delete("/api/me/data").status_code == 200
    assert client.get(f"/api/attempts/{attempt['id']}/recording").content == b"ann's voice"
    with db(client) as session:
        ann_id = session.scalar(select(User.id).where(User.name == "ann"))
        owner = select(PracticeSession.user_id).where(PracticeSession.id == interview["id"])
        assert session.scalar(owner) == ann_id


def test_local_mode_has_no_login_and_no_auth_routes(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", grader_workers=0)  # type: ignore[call-arg]
    with TestClient(create_app(settings, bank=shared_bank())) as client:
        assert client.get("/api/attempts").status_code == 200
        assert client.get("/api/auth/me").status_code == 404
        assert client.get("/login", headers=HTML).status_code == 404
        assert soup(client.get("/", headers=HTML)).select_one(".account-nav") is None
        assert "/api/auth/login" not in client.get("/openapi.json").json()["paths"]
