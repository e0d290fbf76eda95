// Keyboard shortcuts declared in the DOM ([data-shortcut="n"]) and the "?" help overlay.
import { h, isTypingTarget, t } from "./util.js";

// A function, not a constant: translate when the list is shown, once the page's catalog is there.
const builtIn = () => [
  ["?", t("Show or hide this list of shortcuts")],
  ["Esc", t("Close this list")],
  ["Ctrl/⌘ + Enter", t("Submit the current form (also inside the code editor)")],
  ["Tab / Shift + Tab", t("Indent / dedent in the code editor")],
  ["Esc then Tab", t("Leave the code editor with the keyboard")],
];

function visible(el) {
  return !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length) && !el.closest("[hidden], [inert]");
}

function describe(el) {
  const text = el.getAttribute("aria-label") || el.getAttribute("title") || el.textContent || "";
  return text.replace(/\s+/g, " ").trim();
}

function keyLabel(key) {
  return key === " " ? t("Space") : key;
}

export function domShortcuts() {
  const seen = new Map();
  for (const el of document.querySelectorAll("[data-shortcut]")) {
    if (!visible(el) || el.disabled || el.closest(".shortcut-help")) continue;
    const key = el.dataset.shortcut;
    if (!seen.has(key)) seen.set(key, { key, label: describe(el), el });
  }
  return [...seen.values()];
}

let dialog = null;
let returnFocus = null;

function buildDialog() {
  dialog = h("dialog", { class: "shortcut-help", "aria-labelledby": "shortcut-help-title" });
  dialog.addEventListener("close", () => {
    if (returnFocus && returnFocus.isConnected) returnFocus.focus();
    returnFocus = null;
  });
  // Click on the backdrop closes.
  dialog.addEventListener("click", (e) => { if (e.target === dialog) dialog.close(); });
  document.body.append(dialog);
}

function row(key, label) {
  const keys = h("dt", {});
  key.split(/\s*([+/])\s*/).forEach((part) => {
    if (!part) return;
    if (/^[+/]$/.test(part)) keys.append(` ${part} `);
    else part.split(" then ").forEach((k, i) => { if (i) keys.append(` ${t("then")} `); keys.append(h("kbd", { text: k })); });
  });
  return [keys, h("dd", { text: label })];
}

export function openHelp() {
  if (!dialog || !dialog.isConnected) buildDialog();
  const list = h("dl", { class: "shortcut-help__list" });
  const page = domShortcuts();
  for (const s of page) list.append(...row(keyLabel(s.key), s.label));
  const general = h("dl", { class: "shortcut-help__list" });
  for (const [k, l] of builtIn()) general.append(...row(k, l));
  const close = h("button", { type: "button", class: "btn btn--small", "data-shortcut-close": "" }, t("Close"));
  close.addEventListener("click", () => dialog.close());
  dialog.replaceChildren(
    h("div", { class: "shortcut-help__header" }, h("h2", { id: "shortcut-help-title", text: t("Keyboard shortcuts") }), close),
    ...(page.length ? [h("h3", { text: t("On this page") }), list] : []),
    h("h3", { text: t("Everywhere") }), general,
  );
  returnFocus = document.activeElement;
  if (!dialog.open) dialog.showModal();
  close.focus();
}

export function closeHelp() {
  if (dialog && dialog.open) dialog.close();
}

export function toggleHelp() {
  if (dialog && dialog.open) closeHelp();
  else openHelp();
}

export function installShortcuts() {
  document.addEventListener("click", (e) => {
    const btn = e.target.closest && e.target.closest("[data-shortcuts-help]");
    if (btn) { e.preventDefault(); toggleHelp(); }
  });
  document.addEventListener("keydown", (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    if (e.key === "Escape" && dialog && dialog.open) { e.preventDefault(); closeHelp(); return; }
    if (isTypingTarget(e.target)) return;
    if (e.key === "?") { e.preventDefault(); toggleHelp(); return; }
    if (dialog && dialog.open) return;
    if (e.key.length !== 1 || e.key === " ") return;
    const match = domShortcuts().find((s) => s.key === e.key) ||
      domShortcuts().find((s) => s.key.toLowerCase() === e.key.toLowerCase() && s.key.length === 1 && !e.shiftKey);
    if (!match) return;
    e.preventDefault();
    match.el.click();
  });
}
