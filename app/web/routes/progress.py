"""Progress you can see: charts of your attempts, and every run of one coding card."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.services import progress
from app.web import i18n
from app.web.deps import BankDep, DbDep, UserDep, question_or_404
from app.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/progress", response_class=HTMLResponse)
def progress_page(request: Request, db: DbDep, user: UserDep, bank: BankDep) -> HTMLResponse:
    lang = i18n.negotiate(request)
    i18n.current_lang.set(lang)  # the chart labels are translated while they are built
    data = progress.progress(db, user, bank, lang, gettext=i18n.gettext)
    return render(request, "progress.html", progress=data)


@router.get("/questions/{question_id}/history", response_class=HTMLResponse)
def code_history_page(request: Request, question_id: str, db: DbDep, user: UserDep,
                      bank: BankDep) -> HTMLResponse:
    question = question_or_404(bank, question_id)
    revisions = progress.code_history(db, user, question_id)
    return render(request, "code_history.html", question=question, revisions=revisions)
