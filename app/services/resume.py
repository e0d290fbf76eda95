"""Your resume deck against the database: the items, and the cards they add for this user."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import resume_cards as resume
from app.domain.cards import Question, QuestionBank
from app.services import review as review_service
from app.services.errors import Invalid
from app.services.owned import get_owned
from app.store.models import ResumeItem, User


def list_items(db: Session, user: User) -> list[ResumeItem]:
    query = select(ResumeItem).where(ResumeItem.user_id == user.id).order_by(ResumeItem.id)
    return list(db.scalars(query))


def entry(item: ResumeItem) -> resume.ResumeEntry:
    return resume.ResumeEntry(item.id, item.kind, item.title, item.summary, item.role,
                              item.key_numbers)


def create_item(db: Session, user: User, *, kind: str, title: str, summary: str = "",
                role: str = "", key_numbers: str = "") -> ResumeItem:
    if not title.strip():
        raise Invalid("title", "must not be blank")
    item = ResumeItem(user_id=user.id, kind=kind, title=title.strip(), summary=summary.strip(),
                      role=role.strip(), key_numbers=key_numbers.strip())
    db.add(item)
    db.commit()
    return item


def get_item(db: Session, user: User, item_id: int) -> ResumeItem:
    return get_owned(db, ResumeItem, item_id, user, "resume item")


def delete_item(db: Session, user: User, item_id: int) -> None:
    """Remove the item and its cards' schedules; past attempts stay in the history."""
    item = get_item(db, user, item_id)
    card_ids = [resume.card_id(item.id, t.slug) for t in resume.TEMPLATES[item.kind]]
    review_service.delete_cards(db, user, card_ids)
    db.delete(item)
    db.commit()


def cards(db: Session, user: User) -> list[Question]:
    return resume.build_cards(entry(item) for item in list_items(db, user))


def user_bank(db: Session, user: User, bank: QuestionBank) -> QuestionBank:
    return resume.with_resume_cards(bank, (entry(item) for item in list_items(db, user)))


def session_cards(db: Session, user: User) -> list[Question]:
    """One card per resume item for a mock interview: a new template first, else the most due."""
    states = review_service.card_states(db, user)
    chosen = []
    for item in list_items(db, user):
        item_cards = resume.build_cards([entry(item)])
        fresh = [q for q in item_cards if q.id not in states]
        if fresh:
            chosen.append(fresh[0])
        else:
            chosen.append(min(item_cards, key=lambda q: (states[q.id].due, q.id)))
    return chosen
