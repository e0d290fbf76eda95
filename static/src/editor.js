// <textarea data-editor="python"> -> CodeMirror 6, textarea kept in sync.
import { EditorState, EditorSelection } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  highlightSpecialChars, drawSelection,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  bracketMatching, indentOnInput, indentUnit, syntaxHighlighting,
} from "@codemirror/language";
import { classHighlighter } from "@lezer/highlight";
import { python } from "@codemirror/lang-python";
import { each, formatParts, h, ownerForm, storageGet, storageSet, storageRemove, t } from "./util.js";

/** textarea -> EditorView, for every enhanced editor on the page. */
export const editors = new Map();

const LANGUAGES = { python };

// Colours come from CSS custom properties (app.css), so the editor follows
// prefers-color-scheme together with the rest of the page.
const theme = EditorView.theme({
  "&": {
    color: "var(--editor-fg)",
    backgroundColor: "var(--editor-bg)",
    border: "1px solid var(--border)",
    borderRadius: "var(--radius)",
    fontSize: "0.95rem",
  },
  "&.cm-focused": { outline: "2px solid var(--focus)", outlineOffset: "1px" },
  ".cm-scroller": { fontFamily: "var(--font-mono)", lineHeight: "1.5", minHeight: "var(--editor-min-h, 16rem)" },
  ".cm-content": { caretColor: "var(--editor-caret)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--editor-caret)" },
  ".cm-gutters": {
    backgroundColor: "var(--editor-gutter-bg)",
    color: "var(--editor-gutter-fg)",
    borderRight: "1px solid var(--border)",
  },
  ".cm-activeLine": { backgroundColor: "var(--editor-active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--editor-active-line)", color: "var(--fg)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection":
    { backgroundColor: "var(--editor-selection) !important" },
  "&.cm-focused .cm-matchingBracket": { backgroundColor: "var(--editor-bracket)", outline: "1px solid var(--editor-bracket-outline)" },
  "&.cm-focused .cm-nonmatchingBracket": { backgroundColor: "var(--danger-bg)" },
});

function labelFor(textarea) {
  if (textarea.getAttribute("aria-label")) return textarea.getAttribute("aria-label");
  const labelledby = textarea.getAttribute("aria-labelledby");
  if (labelledby) {
    const text = labelledby.split(/\s+/).map((id) => document.getElementById(id)?.textContent || "").join(" ").trim();
    if (text) return text;
  }
  if (textarea.labels && textarea.labels.length) return textarea.labels[0].textContent.trim();
  return t("Code editor");
}

function submitForm(form) {
  if (!form) return false;
  if (typeof form.requestSubmit === "function") form.requestSubmit();
  else form.submit();
  return true;
}

function enhanceEditor(textarea) {
  const lang = LANGUAGES[textarea.dataset.editor] || python;
  const form = ownerForm(textarea);
  const draftKey = textarea.dataset.draftKey ? "mianjing:draft:" + textarea.dataset.draftKey : null;
  const original = textarea.value;
  const passedOnLoad = document.querySelector('[data-verdict][data-status="passed"]');

  let initial = original;
  let restored = false;
  if (draftKey) {
    if (passedOnLoad) storageRemove(draftKey);
    else {
      const draft = storageGet(draftKey);
      if (draft != null && draft !== original) { initial = draft; restored = true; }
    }
  }

  let saveTimer = 0;
  const view = new EditorView({
    state: EditorState.create({
      doc: initial,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentUnit.of("    "),
        EditorState.tabSize.of(4),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(classHighlighter),
        lang(),
        keymap.of([
          { key: "Mod-Enter", run: () => submitForm(ownerForm(textarea)), preventDefault: true },
          indentWithTab,
          ...defaultKeymap,
          ...historyKeymap,
        ]),
        theme,
        EditorView.contentAttributes.of({
          "aria-label": labelFor(textarea),
          "aria-multiline": "true",
          // An explicit tab stop: axe (and some screen readers) don't count contenteditable alone.
          tabindex: "0",
          spellcheck: "false",
          autocapitalize: "off",
          autocorrect: "off",
        }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          textarea.value = update.state.doc.toString();
          textarea.dispatchEvent(new Event("input", { bubbles: true }));
          if (draftKey) {
            clearTimeout(saveTimer);
            saveTimer = setTimeout(() => storageSet(draftKey, textarea.value), 300);
          }
        }),
      ],
    }),
  });

  textarea.value = initial;
  const wrapper = h("div", { class: "editor", "data-editor-for": textarea.name || textarea.id || "" });
  textarea.after(wrapper);
  wrapper.append(view.dom);
  // Keep the textarea in the form (so submit and htmx see its value) but out of sight.
  textarea.hidden = true;
  textarea.classList.add("editor-source");
  textarea.setAttribute("tabindex", "-1");
  // A label pointing at the hidden textarea should focus the editor instead.
  for (const label of textarea.labels || []) {
    label.addEventListener("click", (e) => { e.preventDefault(); view.focus(); });
  }

  const keys = h("span", { class: "editor-hint__keys" },
    h("kbd", { text: "Ctrl" }), "/", h("kbd", { text: "⌘" }), "+", h("kbd", { text: "Enter" }));
  const hint = h("p", { class: "editor-hint" },
    t("Tab indents, Shift+Tab dedents; press Esc then Tab to leave the editor."), " ",
    ...formatParts(t("{keys} submits."), { keys }));
  wrapper.append(hint);

  if (restored) {
    const revert = h("button", { type: "button", class: "btn btn--small btn--ghost", text: t("Discard draft") });
    const note = h("p", { class: "editor-status", role: "status" }, t("Restored your unsaved draft."), " ", revert);
    revert.addEventListener("click", () => {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: original } });
      if (draftKey) storageRemove(draftKey);
      note.remove();
      view.focus();
    });
    wrapper.append(note);
  }

  // Flush a pending draft save right away when leaving the page.
  if (draftKey) {
    window.addEventListener("pagehide", () => {
      if (saveTimer) { clearTimeout(saveTimer); storageSet(draftKey, textarea.value); }
    });
  }

  // Nothing should ever submit a stale value.
  if (form) form.addEventListener("submit", () => { textarea.value = view.state.doc.toString(); }, true);

  const entry = { view, textarea, draftKey, form, cancelSave: () => clearTimeout(saveTimer) };
  editors.set(textarea, entry);
  textarea.mianjingEditor = view;
  return entry;
}

/** Select line `n` (1-based, clamped) in `view`, scroll to it and focus. */
export function gotoLine(view, n) {
  const doc = view.state.doc;
  const lineNo = Math.min(Math.max(1, Math.floor(Number(n)) || 1), doc.lines);
  const line = doc.line(lineNo);
  view.dispatch({
    selection: EditorSelection.range(line.from, line.to),
    effects: EditorView.scrollIntoView(line.from, { y: "center" }),
  });
  view.focus();
  return lineNo;
}

function editorFor(link) {
  const target = link.dataset.gotoTarget;
  if (target) {
    const ta = document.getElementById(target) || document.querySelector(`textarea[name="${CSS.escape(target)}"]`);
    if (ta && editors.has(ta)) return editors.get(ta).view;
  }
  const form = link.closest("form");
  for (const entry of editors.values()) if (form && entry.form === form && entry.textarea.isConnected) return entry.view;
  for (const entry of editors.values()) if (entry.textarea.isConnected) return entry.view;
  return null;
}

function clearDraftsAfterPass(event) {
  const target = event.detail && event.detail.target;
  let verdict = null;
  if (target && target.isConnected) {
    verdict = target.matches("[data-verdict]") ? target : target.querySelector("[data-verdict]");
  }
  if (!verdict) verdict = document.querySelector("[data-verdict]");
  if (!verdict || verdict.dataset.status !== "passed") return;
  const elt = event.detail && (event.detail.requestConfig?.elt || event.detail.elt);
  const form = elt && elt.closest ? elt.closest("form") : null;
  const entries = [...editors.values()].filter((e) => e.textarea.isConnected);
  const scoped = form ? entries.filter((e) => e.form === form) : [];
  for (const entry of scoped.length ? scoped : entries) {
    if (!entry.draftKey) continue;
    entry.cancelSave();
    storageRemove(entry.draftKey);
  }
}

export function initEditors(root) {
  each(root, "textarea[data-editor]", "Editor", enhanceEditor);
}

export function installEditorGlobals() {
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("[data-goto-line]");
    if (!link) return;
    const view = editorFor(link);
    if (!view) return; // no editor: let the link do whatever it does without JS
    event.preventDefault();
    gotoLine(view, link.dataset.gotoLine);
  });
  document.addEventListener("htmx:afterSwap", clearDraftsAfterPass);
  // Ctrl/Cmd+Enter in a plain textarea or input of a form submits it too.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
    const el = event.target;
    if (!(el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement)) return;
    if (submitForm(el.form)) event.preventDefault();
  });
}
