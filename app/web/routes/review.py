"""Review, resume deck, progress and your data: the pages and their JSON API."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Body, File, Form, HTTPException, Query, Request, UploadFile, status
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response

from app.domain import resume_cards as resume
from app.domain.cards import QuestionBank
from app.services import data as data_service
from app.services import progress
from app.services import resume as resume_service
from app.services import review as review_service
from app.store.models import ResumeItem
from app.web import i18n
from app.web.deps import BankDep, DbDep, SettingsDep, UserDep
from app.web.review_schemas import (
    DeleteOut,
    DueOut,
    ImportOut,
    QueueCardOut,
    ResumeItemCreate,
    ResumeItemOut,
    TopicOut,
    WeakestOut,
)
from app.web.routes.pages import NAV_LINKS, render, templates
from app.web.schemas import API_ERROR_RESPONSES

router = APIRouter(responses=API_ERROR_RESPONSES)
templates.env.globals.update(suggested_grade=review_service.suggestion_for_template)
NAV_LINKS.extend([("/review", "Review", "v"), ("/progress", "Progress", "g"),
                  ("/resume", "Resume", "m"), ("/data", "Data", "d")])
EXPORT_NAME = "mianjing-export-{:%Y%m%d}.json"


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=status.HTTP_303_SEE_OTHER)


def _queue_out(item: review_service.QueueItem, lang: str) -> QueueCardOut:
    q = item.question
    return QueueCardOut(
        question_id=q.id, stage=q.stage, kind=q.kind, title=q.spec.title.get(lang),
        tags=list(q.spec.tags), due=item.due, state=item.state,
        retrievability=round(item.retrievability, 4), url=f"/questions/{q.id}",
    )


def _weakest(db: DbDep, user: UserDep, bank: QuestionBank,
             tag: str | None) -> tuple[list[review_service.TopicStrength], str | None,
                                       list[review_service.QueueItem]]:
    topics = review_service.topic_strengths(db, user, bank)
    chosen = tag or (topics[0].tag if topics else None)
    cards = review_service.weakest_cards(db, user, bank, chosen) if chosen else []
    return topics, chosen, cards


# ---- review: pages ------------------------------------------------------------------------

@router.get("/review", response_class=HTMLResponse, include_in_schema=False)
def review_page(request: Request, db: DbDep, user: UserDep, bank: BankDep) -> HTMLResponse:
    due = review_service.due_queue(db, user, bank)
    fresh = review_service.new_cards(db, user, bank)
    return render(request, "review.html", mode="due", due=due, fresh=fresh, topics=[], tag=None)


@router.get("/review/weakest", response_class=HTMLResponse, include_in_schema=False)
def weakest_page(request: Request, db: DbDep, user: UserDep, bank: BankDep,
                 tag: str | None = None) -> HTMLResponse:
    topics, chosen, cards = _weakest(db, user, bank, tag)
    return render(request, "review.html", mode="weakest", due=[c for c in cards if c.due],
                  fresh=[c for c in cards if c.due is None], topics=topics, tag=chosen)


# ---- review: API --------------------------------------------------------------------------

@router.get("/api/review/due", response_model=DueOut, tags=["review"])
def api_due(db: DbDep, user: UserDep, bank: BankDep,
            lang: Annotated[str, Query(pattern="^(en|zh)$")] = "en",
            new_limit: Annotated[int, Query(ge=0, le=100)] = 10) -> DueOut:
    """Cards due now (most overdue first, open and code mixed) and a few new ones."""
    now = datetime.now(UTC)
    due = review_service.due_queue(db, user, bank, now)
    fresh = review_service.new_cards(db, user, bank, limit=new_limit)
    return DueOut(now=now, due_count=len(due), due=[_queue_out(i, lang) for i in due],
                  new=[_queue_out(i, lang) for i in fresh])


@router.get("/api/review/weakest", response_model=WeakestOut, tags=["review"])
def api_weakest(db: DbDep, user: UserDep, bank: BankDep, tag: str | None = None,
                lang: Annotated[str, Query(pattern="^(en|zh)$")] = "en") -> WeakestOut:
    """Topics by retrievability, and the cards of the weakest (or the given) tag."""
    topics, chosen, cards = _weakest(db, user, bank, tag)
    return WeakestOut(
        topics=[TopicOut(tag=t.tag, cards=t.cards, retrievability=round(t.retrievability, 4))
                for t in topics],
        tag=chosen, cards=[_queue_out(c, lang) for c in cards],
    )


# ---- progress -----------------------------------------------------------------------------

@router.get("/progress", response_class=HTMLResponse, include_in_schema=False)
def progress_page(request: Request, db: DbDep, user: UserDep, bank: BankDep) -> HTMLResponse:
    lang = i18n.negotiate(request)
    i18n.current_lang.set(lang)  # the chart labels are translated while they are built
    data = progress.progress(db, user, bank, lang, gettext=i18n.gettext)
    return render(request, "progress.html", progress=data)


@router.get("/questions/{question_id}/history", response_class=HTMLResponse,
            include_in_schema=False)
def code_history_page(request: Request, question_id: str, db: DbDep, user: UserDep,
                      bank: BankDep) -> HTMLResponse:
    question = bank.get(question_id)
    if question is None:
        raise HTTPException(404, f"question {question_id!r} not found")
    revisions = progress.code_history(db, user, question_id)
    return render(request, "code_history.html", question=question, revisions=revisions)


# ---- resume deck --------------------------------------------------------------------------

def _item_out(item: ResumeItem) -> ResumeItemOut:
    return ResumeItemOut(
        id=item.id, kind=item.kind, title=item.title, summary=item.summary, role=item.role,
        key_numbers=item.key_numbers, created_at=item.created_at,
        card_ids=[resume.card_id(item.id, t.slug) for t in resume.TEMPLATES[item.kind]],
    )


def _create_item(db: DbDep, user: UserDep, body: ResumeItemCreate) -> ResumeItem:
    if not body.title.strip():
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "title: must not be blank")
    return resume_service.create_item(db, user, **body.model_dump())


@router.get("/resume", response_class=HTMLResponse, include_in_schema=False)
def resume_page(request: Request, db: DbDep, user: UserDep) -> HTMLResponse:
    items = resume_service.list_items(db, user)
    cards = {item.id: resume.build_cards([resume_service.entry(item)]) for item in items}
    return render(request, "resume.html", items=items, cards=cards, kinds=resume.KINDS)


@router.post("/resume", include_in_schema=False)
def resume_add(
    db: DbDep, user: UserDep, kind: Annotated[str, Form()], title: Annotated[str, Form()],
    summary: Annotated[str, Form()] = "", role: Annotated[str, Form()] = "",
    key_numbers: Annotated[str, Form()] = "",
) -> Response:
    body = ResumeItemCreate(kind=kind, title=title, summary=summary, role=role,  # type: ignore[arg-type]
                            key_numbers=key_numbers)
    _create_item(db, user, body)
    return _see_other("/resume")


@router.post("/resume/{item_id}/delete", include_in_schema=False)
def resume_delete(item_id: int, db: DbDep, user: UserDep) -> Response:
    resume_service.delete_item(db, user, item_id)
    return _see_other("/resume")


@router.get("/api/resume", response_model=list[ResumeItemOut], tags=["resume"])
def api_resume_list(db: DbDep, user: UserDep) -> list[ResumeItemOut]:
    return [_item_out(item) for item in resume_service.list_items(db, user)]


@router.post("/api/resume", response_model=ResumeItemOut, status_code=status.HTTP_201_CREATED,
             tags=["resume"])
def api_resume_add(body: ResumeItemCreate, db: DbDep, user: UserDep) -> ResumeItemOut:
    """Add a project or paper; its follow-up cards (`card_ids`) join your deck at once."""
    return _item_out(_create_item(db, user, body))


@router.delete("/api/resume/{item_id}", status_code=status.HTTP_204_NO_CONTENT, tags=["resume"])
def api_resume_delete(item_id: int, db: DbDep, user: UserDep) -> Response:
    resume_service.delete_item(db, user, item_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# ---- your data ----------------------------------------------------------------------------

def _export_response(db: DbDep, user: UserDep, settings: SettingsDep) -> Response:
    document = data_service.export_data(db, user, settings.recordings_dir)
    name = EXPORT_NAME.format(datetime.now(UTC))
    return Response(data_service.dumps(document), media_type="application/json",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _import(db: DbDep, user: UserDep, settings: SettingsDep, document: Any,
            replace: bool) -> ImportOut:
    try:
        counts = data_service.import_data(db, user, document, settings.recordings_dir,
                                          replace=replace,
                                          keep_ids=settings.auth_mode == "local")
    except data_service.NotEmpty as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from exc
    except data_service.BadExport as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc
    return ImportOut(imported=counts, recordings=len(document.get("recordings") or {}))


@router.get("/api/export", tags=["data"], response_class=Response,
            responses={200: {"content": {"application/json": {}}}})
def api_export(db: DbDep, user: UserDep, settings: SettingsDep) -> Response:
    """Everything you stored, as one canonical JSON document (ids kept, recordings in base64)."""
    return _export_response(db, user, settings)


@router.post("/api/import", response_model=ImportOut, tags=["data"],
             responses={409: {"description": "This instance already holds data."}})
def api_import(
    db: DbDep, user: UserDep, settings: SettingsDep,
    document: Annotated[dict[str, Any], Body(description="A file from GET /api/export.")],
    replace: Annotated[bool, Query(description="Delete your current data first.")] = False,
) -> ImportOut:
    """Restore an export into this instance; 409 if it holds data, unless `replace=true`."""
    return _import(db, user, settings, document, replace)


@router.get("/api/export/review-log.csv", tags=["data"], response_class=PlainTextResponse)
def api_review_log_csv(db: DbDep, user: UserDep) -> Response:
    """The review log as fsrs-optimizer reads it: card_id, review_time (ms), rating, state,
    duration (ms)."""
    return Response(data_service.review_log_csv(db, user), media_type="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="review-log.csv"'})


@router.delete("/api/me/data", response_model=DeleteOut, tags=["data"])
def api_delete_data(db: DbDep, user: UserDep, settings: SettingsDep) -> DeleteOut:
    """Delete every attempt, session, resume item and review of yours, and your recordings."""
    return DeleteOut(deleted=data_service.delete_data(db, user, settings.recordings_dir))


@router.get("/data", response_class=HTMLResponse, include_in_schema=False)
def data_page(request: Request, db: DbDep, user: UserDep, done: str | None = None) -> HTMLResponse:
    return render(request, "data.html", has_data=data_service.has_data(db, user), done=done)


@router.get("/data/export", include_in_schema=False)
def data_export(db: DbDep, user: UserDep, settings: SettingsDep) -> Response:
    return _export_response(db, user, settings)


@router.post("/data/import", include_in_schema=False)
async def data_import(
    db: DbDep, user: UserDep, settings: SettingsDep, file: Annotated[UploadFile, File()],
    replace: Annotated[bool, Form()] = False,
) -> Response:
    try:
        document = json.loads(await file.read())
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "file: not JSON") from exc
    _import(db, user, settings, document, replace)
    return _see_other("/data?done=imported")


@router.post("/data/delete", include_in_schema=False)
def data_delete(db: DbDep, user: UserDep, settings: SettingsDep,
                confirm: Annotated[str, Form()] = "") -> Response:
    if confirm != "delete":
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                            "confirm: type delete to confirm")
    data_service.delete_data(db, user, settings.recordings_dir)
    return _see_other("/data?done=deleted")
