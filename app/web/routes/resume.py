"""Your resume deck: projects and papers that become follow-up cards."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from app.domain import resume_cards
from app.services import resume
from app.web.answering import see_other
from app.web.deps import DbDep, UserDep
from app.web.schemas import ResumeItemCreate
from app.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/resume", response_class=HTMLResponse)
def resume_page(request: Request, db: DbDep, user: UserDep) -> HTMLResponse:
    items = resume.list_items(db, user)
    cards = {item.id: resume_cards.build_cards([resume.entry(item)]) for item in items}
    return render(request, "resume.html", items=items, cards=cards, kinds=resume_cards.KINDS)


@router.post("/resume")
def resume_add(
    db: DbDep, user: UserDep, kind: Annotated[str, Form()], title: Annotated[str, Form()],
    summary: Annotated[str, Form()] = "", role: Annotated[str, Form()] = "",
    key_numbers: Annotated[str, Form()] = "",
) -> Response:
    body = ResumeItemCreate(kind=kind, title=title, summary=summary, role=role,  # type: ignore[arg-type]
                            key_numbers=key_numbers)
    resume.create_item(db, user, **body.model_dump())
    return see_other("/resume")


@router.post("/resume/{item_id}/delete")
def resume_delete(item_id: int, db: DbDep, user: UserDep) -> Response:
    resume.delete_item(db, user, item_id)
    return see_other("/resume")
