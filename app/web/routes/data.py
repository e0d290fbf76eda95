"""Your data in your hands, as pages: export, import, delete everything."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from app.config import Settings
from app.services import data
from app.services.errors import Conflict, Invalid
from app.store.models import User
from app.web import i18n
from app.web.answering import see_other
from app.web.deps import DbDep, SettingsDep, UserDep
from app.web.schemas import ImportOut
from app.web.templating import render

router = APIRouter(include_in_schema=False)
EXPORT_NAME = "mianjing-export-{:%Y%m%d}.json"


def export_response(db: DbDep, user: User) -> Response:
    """The export as a download (shared with GET /api/export)."""
    document = data.export_data(db, user)
    name = EXPORT_NAME.format(datetime.now(UTC))
    return Response(data.dumps(document), media_type="application/json",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


async def import_document(db: Session, user: User, settings: Settings, body: bytes,
                          replace: bool) -> ImportOut:
    """Parse and import an export in a worker thread: a big file never stalls other requests."""
    try:
        document = await asyncio.to_thread(json.loads, body)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise Invalid("file", "not JSON") from exc
    counts = await asyncio.to_thread(
        data.import_data, db, user, document, replace=replace,
        keep_ids=settings.auth_mode == "local", max_recording_bytes=settings.max_recording_bytes)
    return ImportOut(imported=counts, recordings=len(document.get("recordings") or {}))


@router.get("/data", response_class=HTMLResponse)
def data_page(request: Request, db: DbDep, user: UserDep, done: str | None = None) -> HTMLResponse:
    return render(request, "data.html", has_data=data.has_data(db, user), done=done)


@router.get("/data/export")
def data_export(db: DbDep, user: UserDep) -> Response:
    return export_response(db, user)


@router.post("/data/import")
async def data_import(
    request: Request, db: DbDep, user: UserDep, settings: SettingsDep,
    file: Annotated[UploadFile, File()], replace: Annotated[bool, Form()] = False,
) -> Response:
    try:
        await import_document(db, user, settings, await file.read(), replace)
    except (Conflict, Invalid) as exc:  # said on the page itself, next to the form to fix it
        problem = (i18n.gettext("This instance already holds your data: tick “Replace the data "
                                "already here” to import anyway (export first to keep it).")
                   if isinstance(exc, Conflict) else exc.message)
        code = 409 if isinstance(exc, Conflict) else 422
        return render(request, "data.html", code, has_data=data.has_data(db, user), done=None,
                      import_error=problem)
    return see_other("/data?done=imported")


@router.post("/data/delete")
def data_delete(db: DbDep, user: UserDep,
                confirm: Annotated[str, Form()] = "") -> Response:
    if confirm != "delete":
        raise Invalid("confirm", "type delete to confirm")
    data.delete_data(db, user)
    return see_other("/data?done=deleted")
