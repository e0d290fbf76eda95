"""Screenshots of the main pages for the README: `python scripts/screenshots.py [OUT_DIR]`.

Starts its own server on a throwaway data dir, does a little practice through the API so the
pages have content, then drives Debian's Chromium (needs `chromium`; `fonts-noto-cjk` for Chinese).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SEED_BUG = ROOT / "tests/judge/submissions/resnet-basic-block/wrong_seed_pseudocode_as_class.py"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def post(base: str, path: str, body: dict) -> dict:
    request = urllib.request.Request(
        base + path, data=json.dumps(body).encode(), headers={"content-type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def require_cjk_font() -> None:
    """Chinese pages shot without a CJK font show boxes: refuse instead of committing them."""
    found = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True,
                           check=False).stdout.strip()
    if not found:
        sys.exit("no Chinese font installed: `apt-get install fonts-noto-cjk`, then run again")


def main() -> None:
    require_cjk_font()
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as data_dir:
        server = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "app.main:app", "--port", str(port), "--log-level", "warning"],
            cwd=ROOT,
            env={**os.environ, "MIANJING_DATA_DIR": data_dir},
        )
        try:
            for _ in range(600):
                try:
                    with urllib.request.urlopen(base + "/healthz", timeout=1) as r:
                        if json.load(r)["grader"] == "ready":
                            break
                except OSError:
                    pass
                time.sleep(0.2)
            session = post(base, "/api/sessions", {"per_stage": 1})
            for card in session["cards"][:3]:
                post(
                    base,
                    "/api/attempts",
                    {
                        "question_id": card["question_id"],
                        "session_id": session["id"],
                        "answer": "...",
                        "self_grade": "good",
                        "rubric_hits": [0, 1],
                        "duration_s": 95,
                    },
                )
            shots = [
                ("home", "/", 1280, "light"),
                ("interview-open-card", f"/sessions/{session['id']}/cards/0", 1280, "light"),
                ("coding-card-seed-bug", "/questions/resnet-basic-block", 1280, "light"),
                ("summary", f"/sessions/{session['id']}/summary", 1280, "light"),
                ("history", "/history", 1280, "light"),
                ("progress", "/progress", 1280, "light"),
                ("card-zh-dark", "/questions/resnet-degradation-vs-overfitting?lang=zh", 1280, "dark"),
                ("phone-coding-card", "/questions/resnet-bottleneck", 375, "light"),
            ]
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                for name, path, width, scheme in shots:
                    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    if name == "coding-card-seed-bug":
                        page.locator(".cm-content").click()
                        page.keyboard.press("Control+A")
                        page.keyboard.insert_text(SEED_BUG.read_text().split("\n", 4)[4])
                        page.locator(".cm-content").press("Control+Enter")
                        page.wait_for_selector("#verdict [data-verdict]")
                        page.locator("#verdict").scroll_into_view_if_needed()
                    if name == "phone-coding-card":  # CodeMirror only measures what is in view
                        page.locator(".cm-editor").scroll_into_view_if_needed()
                    full_page = name not in ("coding-card-seed-bug", "phone-coding-card")
                    page.screenshot(path=str(out / f"{name}.png"), full_page=full_page)
                    page.close()
                    print(f"wrote {out / name}.png")
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
