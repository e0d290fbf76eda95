// Small DOM helpers shared by the behaviours.

/** Run `fn(el)` once per element matching `selector` in `root` (root included);
 * `key` marks the element (data-mj-<key>) so a second call does nothing. */
export function each(root, selector, key, fn) {
  const els = [];
  if (root instanceof Element && root.matches(selector)) els.push(root);
  if (root.querySelectorAll) els.push(...root.querySelectorAll(selector));
  for (const el of els) {
    const flag = "mj" + key;
    if (el.dataset[flag]) continue;
    el.dataset[flag] = "1";
    try {
      fn(el);
    } catch (err) {
      console.error("mianjing: could not enhance", el, err);
    }
  }
}

const TEXT_INPUT_TYPES = new Set([
  "text", "search", "email", "url", "tel", "password", "number",
  "date", "datetime-local", "month", "time", "week",
]);

/** True when keystrokes at `el` are typing (inputs, textareas, editors). */
export function isTypingTarget(el) {
  if (!(el instanceof Element)) return false;
  if (el.closest(".cm-editor, [contenteditable=''], [contenteditable='true']")) return true;
  const tag = el.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") return TEXT_INPUT_TYPES.has((el.getAttribute("type") || "text").toLowerCase());
  return false;
}

/** Seconds -> "mm:ss" (or "h:mm:ss" past an hour). */
export function formatClock(totalSeconds) {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${String(m).padStart(2, "0")}:${sec}`;
}

/** The form an element belongs to: its `form` owner, the closest form, or `data-form="id"`. */
export function ownerForm(el) {
  if (el.form) return el.form;
  const id = el.dataset && el.dataset.form;
  if (id) return document.getElementById(id);
  return el.closest("form");
}

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c != null) el.append(c);
  return el;
}

export function storageGet(key) {
  try { return window.localStorage.getItem(key); } catch { return null; }
}
export function storageSet(key, value) {
  try { window.localStorage.setItem(key, value); } catch { /* quota or disabled */ }
}
export function storageRemove(key) {
  try { window.localStorage.removeItem(key); } catch { /* disabled */ }
}

// UI strings: the page embeds its language's catalog as
// <script type="application/json" id="mianjing-i18n">{"English message": "translation"}</script>
// (templates/base.html, from app.i18n.JS_MESSAGES). Call t() with a plain string literal so
// tests/test_i18n.py can list every message; put numbers in with {name} and format().
let catalog = null;

function loadCatalog() {
  if (catalog) return catalog;
  catalog = {};
  const el = typeof document !== "undefined" ? document.getElementById("mianjing-i18n") : null;
  if (el) {
    try {
      const parsed = JSON.parse(el.textContent || "{}");
      if (parsed && typeof parsed === "object") catalog = parsed;
    } catch (err) {
      console.error("mianjing: #mianjing-i18n is not valid JSON", err);
    }
  }
  return catalog;
}

/** The current page language's translation of `message` (the English message itself if none). */
export function t(message) {
  const translated = loadCatalog()[message];
  return typeof translated === "string" && translated ? translated : message;
}

/** "{time} left." + {time: "01:00"} -> ["01:00", " left."]: values may be strings or DOM nodes. */
export function formatParts(template, values = {}) {
  const parts = [];
  let last = 0;
  template.replace(/\{(\w+)\}/g, (match, name, offset) => {
    if (!(name in values)) return match;
    if (offset > last) parts.push(template.slice(last, offset));
    parts.push(values[name]);
    last = offset + match.length;
    return match;
  });
  if (last < template.length) parts.push(template.slice(last));
  return parts;
}

/** "{time} left." + {time: "01:00"} -> "01:00 left." (unknown {names} are left as they are). */
export function format(template, values = {}) {
  return formatParts(template, values).map(String).join("");
}
