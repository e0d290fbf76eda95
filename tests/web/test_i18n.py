"""The Chinese UI is complete: catalog translated and current, JS strings listed, pages in zh."""

from __future__ import annotations

import json
import re
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from app.web import i18n

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "app" / "locale" / "zh" / "LC_MESSAGES" / "messages.po"
POT = ROOT / "app" / "locale" / "messages.pot"
JS_SRC = ROOT / "static" / "src"
ZH = {"accept": "text/html", "accept-language": "zh-CN,zh;q=0.9,en;q=0.8"}

# t("...") with a plain double-quoted literal (static/src/util.js asks for exactly that form).
T_LITERAL = re.compile(r'\bt\(\s*"((?:[^"\\]|\\.)*)"\s*\)')
# %(name)s for Python/Jinja, {name} for the JS format().
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|\{\w+\}")


def _key(message_id: object) -> str:
    return str(message_id[0]) if isinstance(message_id, (list, tuple)) else str(message_id)


def _zh_catalog():  # type: ignore[no-untyped-def]
    with PO.open("rb") as handle:
        return read_po(handle, locale="zh")


def _extracted_ids() -> set[str]:
    """What `make messages` would extract now (Babel's API, same babel.cfg and keywords)."""
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    method_map = [("app/**.py", "python"), ("templates/**.html", "jinja2")]
    options_map = {"templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    ids: set[str] = set()
    for _, _, message, _, _ in extract_from_dir(str(ROOT), method_map, options_map, keywords):
        ids.add(_key(message) if isinstance(message, (list, tuple)) else str(message))
    return ids


def _js_literals() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted(JS_SRC.glob("*.js")):
        for match in T_LITERAL.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(json.loads(f'"{match.group(1)}"'), set()).add(path.name)
    return found


def test_zh_catalog_has_no_untranslated_or_fuzzy_message() -> None:
    catalog = _zh_catalog()
    messages = [m for m in catalog if m.id]
    assert len(messages) > 100
    fuzzy = [_key(m.id) for m in messages if m.fuzzy]
    assert not fuzzy, f"fuzzy entries in {PO.name}: {fuzzy}"
    empty = [
        _key(m.id) for m in messages
        if not (all(m.string) if isinstance(m.string, (list, tuple)) else m.string)
    ]
    assert not empty, f"untranslated entries (translate them, see `make messages`): {empty}"
    assert not list(catalog.obsolete), "drop the obsolete #~ entries"
    assert i18n._catalog("zh")["Mock interview"] == "模拟面试"


def test_catalogs_are_up_to_date_with_the_sources() -> None:
    extracted = _extracted_ids()
    with POT.open("rb") as handle:
        pot_ids = {_key(m.id) for m in read_po(handle) if m.id}
    po_ids = {_key(m.id) for m in _zh_catalog() if m.id}
    assert extracted == pot_ids, (
        "app/locale/messages.pot is stale, run `make messages`: "
        f"new {sorted(extracted - pot_ids)}, gone {sorted(pot_ids - extracted)}"
    )
    assert po_ids == pot_ids, f"zh catalog out of step with the .pot: {sorted(po_ids ^ pot_ids)}"


def test_placeholders_survive_translation() -> None:
    for m in _zh_catalog():
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, (list, tuple)) else (m.id,)
        strings = m.string if isinstance(m.string, (list, tuple)) else (m.string,)
        expected = set(PLACEHOLDER.findall(str(ids[0])))
        for string in strings:
            assert set(PLACEHOLDER.findall(str(string))) == expected, (ids[0], string)


def test_js_messages_cover_every_t_literal() -> None:
    literals = _js_literals()
    assert len(literals) > 30, "static/src lost its t(\"...\") calls?"
    listed = set(i18n.JS_MESSAGES)
    missing = {m: sorted(files) for m, files in literals.items() if m not in listed}
    assert not missing, f"add these to app.web.i18n.JS_MESSAGES: {missing}"
    unused = listed - set(literals)
    assert not unused, f"JS_MESSAGES lists strings no JS uses: {sorted(unused)}"
    assert len(i18n.JS_MESSAGES) == len(listed), "JS_MESSAGES has duplicates"


def test_js_translates_only_literals() -> None:
    """t(variable) could not be listed: every call outside util.js takes a string literal."""
    for path in sorted(JS_SRC.glob("*.js")):
        if path.name == "util.js":
            continue
        text = path.read_text(encoding="utf-8")
        calls = len(re.findall(r"(?<![\w.$])t\(", text))
        literals = len(T_LITERAL.findall(text))
        assert calls == literals, f"{path.name}: t() with a non-literal argument"


def test_dynamic_labels_are_translated() -> None:
    from app.domain.vocabulary import GRADES, STAGES
    from app.web.templating import NAV_LINKS

    catalog = i18n._catalog("zh")
    dynamic = [label for _, label, _ in NAV_LINKS] + [s.capitalize() for s in STAGES] + list(GRADES)
    missing = [m for m in dynamic if m not in catalog]
    assert not missing, f"list these with N_() in app.web.i18n.DYNAMIC_MESSAGES: {missing}"


def test_chinese_home_page_and_js_catalog(client: TestClient) -> None:
    response = client.get("/", headers=ZH)
    assert response.status_code == 200, response.text[:500]
    page = BeautifulSoup(response.text, "html.parser")
    assert page.html is not None and page.html["lang"] == "zh-CN"
    assert page.title is not None and "模拟面试" in page.title.get_text()
    heading = page.select_one("h1")
    assert heading is not None and re.search(r"[\u4e00-\u9fff]", heading.get_text())
    assert "练习真实的 CV / ML 算法岗面试" in page.get_text()
    script = page.select_one("script#mianjing-i18n[type='application/json']")
    assert script is not None
    catalog = json.loads(script.get_text())
    assert catalog["● Record"] == "● 录音"
    assert catalog["Keyboard shortcuts"] == "键盘快捷键"
    assert set(catalog) == set(i18n.JS_MESSAGES)
    # The catalog comes before the bundle that reads it.
    assert response.text.index('id="mianjing-i18n"') < response.text.index("/static/dist/app.js")


def test_english_page_embeds_an_empty_js_catalog(client: TestClient) -> None:
    response = client.get("/", headers={"accept": "text/html", "accept-language": "en-US"})
    page = BeautifulSoup(response.text, "html.parser")
    script = page.select_one("script#mianjing-i18n")
    assert script is not None and json.loads(script.get_text()) == {}


def test_plural_messages_use_the_catalog() -> None:
    token = i18n.current_lang.set("zh")
    try:
        due = i18n.ngettext("%(num)s card due today", "%(num)s cards due today", 3)
        assert due == "今天有 %(num)s 张卡到期"
        so_far = i18n.ngettext("%(num)s attempt so far", "%(num)s attempts so far", 1)
        assert so_far == "目前共作答 %(num)s 次"
    finally:
        i18n.current_lang.reset(token)
