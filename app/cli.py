"""The `mianjing` command: serve the app, check and build the question bank, manage your data."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.config import Settings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mianjing", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the web app")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default %(default)s)")
    serve.add_argument("--port", type=int, default=8000, help="port (default %(default)s)")
    serve.add_argument("--reload", action="store_true", help="restart on code changes (development)")

    commands.add_parser("worker", help="grade submissions from the queue (MIANJING_QUEUE_URL) "
                        "with MIANJING_GRADER_WORKERS sandbox slots")

    questions = commands.add_parser("questions", help="validate or rebuild the question bank")
    actions = questions.add_subparsers(dest="action", required=True)
    check = actions.add_parser("check", help="validate every card; exit 1 listing the problems")
    check.add_argument("--quick", action="store_true", help="schema and prose only: skip running code")
    check.add_argument("--dir", type=Path, default=None, help="question folder (default: settings)")
    build = actions.add_parser("build", help="rebuild reference tensors from reference.py")
    build.add_argument("ids", nargs="*", help="card ids (default: every code card)")
    build.add_argument("--dir", type=Path, default=None, help="question folder (default: settings)")

    _add_data_commands(commands)

    args = parser.parse_args(argv)
    if args.command == "serve":
        return _serve(args.host, args.port, args.reload)
    if args.command == "data":
        return _data(args)
    if args.command == "worker":
        return _worker()
    questions_dir = args.dir or Settings().questions_dir
    if args.action == "check":
        return _check(questions_dir, quick=args.quick)
    return _build(questions_dir, args.ids)


def _logging() -> None:
    import logging

    # uvicorn configures only its own loggers; this shows mianjing's start-up report too.
    logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)  # its per-start plugin chatter


def _worker() -> int:
    from app.grading import run_worker

    _logging()
    return run_worker(Settings())


def _serve(host: str, port: int, reload: bool) -> int:
    import uvicorn

    _logging()

    settings = Settings()
    proxies = settings.trusted_proxies.strip()
    shown = f"[{host}]" if ":" in host else host
    print(f"mianjing: serving on http://{shown}:{port}/ (data in {settings.data_dir.resolve()}); "
          "Ctrl+C stops it", flush=True)
    # Forwarded headers only from configured proxies: otherwise any client could claim any
    # address (and walk past the login throttle) or claim https.
    uvicorn.run("app.main:app", host=host, port=port, reload=reload, proxy_headers=bool(proxies),
                forwarded_allow_ips=proxies or None)
    return 0


def _check(questions_dir: Path, *, quick: bool) -> int:
    from app.domain.cards import BankError, load_bank
    from app.judge import load_code_card

    try:
        bank = load_bank(questions_dir, code_cards=None if quick else load_code_card)
    except BankError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s)", file=sys.stderr)
        return 1
    problems: list[str] = []
    if not quick:
        from app.judge import check_card

        for question in bank:
            if question.code_card is not None:
                problems += [f"{question.directory}: {p}" for p in check_card(question.code_card)]
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    kinds = {kind: sum(1 for q in bank if q.kind == kind) for kind in ("open", "code")}
    print(f"{len(bank)} cards OK ({kinds['open']} open, {kinds['code']} code)")
    return 0


def _build(questions_dir: Path, ids: Sequence[str]) -> int:
    from app.judge import write_reference

    folders = [questions_dir / i for i in ids] if ids else sorted(
        p for p in questions_dir.iterdir() if (p / "reference.py").exists()
    )
    for folder in folders:
        if not (folder / "reference.py").exists():
            print(f"{folder}: reference.py: missing", file=sys.stderr)
            return 1
        write_reference(folder)
        print(f"built {folder / 'reference.safetensors'}")
    return 0


def _add_data_commands(commands: Any) -> None:
    data = commands.add_parser("data", help="export, import or delete your data")
    actions = data.add_subparsers(dest="action", required=True)
    export = actions.add_parser("export", help="write everything to a JSON file ('-' for stdout)")
    export.add_argument("file", type=Path)
    restore = actions.add_parser("import", help="load a JSON export into this instance")
    restore.add_argument("file", type=Path)
    restore.add_argument("--replace", action="store_true", help="delete the current data first")
    delete = actions.add_parser("delete", help="delete all your data and recordings")
    delete.add_argument("--yes", action="store_true", help="confirm: nothing is deleted without it")
    for action in (export, restore, delete):
        action.add_argument(
            "--user", default=None,
            help="an account's username (accounts mode); default: the single local user",
        )


def _data(args: argparse.Namespace) -> int:
    import json

    from sqlalchemy import select

    from app.services import data as data_service
    from app.services import recordings
    from app.services.users import local_user
    from app.store.engine import make_sessionmaker
    from app.store.migrate import open_database
    from app.store.models import User

    settings = Settings()
    if args.action == "delete" and not args.yes:
        print("refusing to delete without --yes", file=sys.stderr)
        return 2
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = open_database(settings.resolved_database_url)
    try:
        with make_sessionmaker(engine)() as db:
            recordings.adopt_files(db, settings.recordings_dir)
            if args.user is None:
                user = local_user(db)
            else:
                found = db.scalar(select(User).where(User.name == args.user.lower()))
                if found is None:
                    print(f"--user: no account named {args.user!r}", file=sys.stderr)
                    return 1
                user = found
            if args.action == "export":
                text = data_service.dumps(
                    data_service.export_data(db, user)
                )
                if str(args.file) == "-":
                    sys.stdout.write(text)
                else:
                    args.file.write_text(text, encoding="utf-8")
                return 0
            if args.action == "import":
                try:
                    document = json.loads(args.file.read_text(encoding="utf-8"))
                    # Into an account of a shared instance: fresh ids, so nothing collides.
                    counts = data_service.import_data(
                        db, user, document, replace=args.replace,
                        keep_ids=args.user is None,
                    )
                except (OSError, ValueError, data_service.NotEmpty,
                        data_service.BadExport) as exc:
                    print(f"{args.file}: {exc}", file=sys.stderr)
                    return 1
                print(", ".join(f"{n} {table}" for table, n in counts.items()))
                return 0
            counts = data_service.delete_data(db, user)
            print("deleted " + ", ".join(f"{n} {table}" for table, n in counts.items()))
            return 0
    finally:
        engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
