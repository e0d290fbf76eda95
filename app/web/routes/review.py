"""Review pages: the cards due now (FSRS), and practising the weakest topic."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.services import review
from app.web.deps import BankDep, DbDep, UserDep
from app.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request, db: DbDep, user: UserDep, bank: BankDep) -> HTMLResponse:
    due = review.due_queue(db, user, bank)
    fresh = review.new_cards(db, user, bank)
    return render(request, "review.html", mode="due", due=due, fresh=fresh, topics=[], tag=None)


@router.get("/review/weakest", response_class=HTMLResponse)
def weakest_page(request: Request, db: DbDep, user: UserDep, bank: BankDep,
                 tag: str | None = None) -> HTMLResponse:
    topics, chosen, cards = review.weakest(db, user, bank, tag)
    return render(request, "review.html", mode="weakest", due=[c for c in cards if c.due],
                  fresh=[c for c in cards if c.due is None], topics=topics, tag=chosen)
