/*
 * mianjing browser bundle: static/dist/app.js (+ app.css). Built by static/build.mjs.
 *
 * Load it with:
 *   <link rel="stylesheet" href="/static/dist/app.css">
 *   <script type="module" src="/static/dist/app.js"></script>
 * Every page must work without it; it only enhances elements carrying these hooks.
 * Enhancement runs on load and again on every htmx:load (content swapped in by htmx),
 * and is idempotent (each element is enhanced once).
 *
 * HOOK CONTRACT (data attributes the templates emit)
 * ------------------------------------------------------------------------------------
 * Code editor
 *   <textarea data-editor="python" name="code" data-draft-key="card-42" [aria-label|<label for>]>
 *     -> CodeMirror 6 editor (line numbers, bracket matching, Tab/Shift-Tab indent, undo,
 *        colours from app.css variables so it follows prefers-color-scheme). The textarea
 *        stays in the form (hidden) and always holds the editor's text, so a plain submit and
 *        htmx both send it. Ctrl/Cmd+Enter calls form.requestSubmit() on the owning form.
 *   data-draft-key  optional; the text is kept in localStorage "mianjing:draft:<key>" while
 *        typing and restored on reload (with a "Discard draft" button). The draft is deleted
 *        when a verdict with status "passed" arrives: on htmx:afterSwap the swapped target
 *        (or the document) is searched for [data-verdict]; if its data-status="passed" the
 *        drafts of the editors in the requesting form are cleared. A page rendered with a
 *        [data-verdict][data-status="passed"] already in it clears them on load too.
 *   <a data-goto-line="12" [data-goto-target="textarea id or name"]>  click: focus the
 *        editor (the target one, else the one in the same form, else the first) and
 *        select line 12. Keep a real href (e.g. "#code") for no-JS.
 *   Ctrl/Cmd+Enter in any plain <textarea>/<input> of a form submits that form too.
 *
 * Timers
 *   <div data-timer data-limit-s="900" [data-started-at="2025-01-01T10:00:00Z"]
 *        [data-elapsed-s="30"] [data-timer-kind="card|stage"] [data-paused] [data-form="id"]>
 *     elapsed = data-elapsed-s (default 0) + time since data-started-at (default: page load).
 *     Optional children (created when missing): [data-timer-display] (mm:ss),
 *     [data-timer-limit] (" / 15:00"), button[data-timer-toggle] (Pause/Continue),
 *     [data-timer-status] (aria-live="polite" text, visually hidden).
 *     Sets data-state="running|paused|warn|over" (warn from 80 % of the limit); when the limit
 *     passes: class "timer--over", one short WebAudio beep, a polite announcement; it keeps
 *     counting. On submit of the owning form (closest form, or data-form="id") the form's
 *     <input name="duration_s"> (created hidden if absent) gets the elapsed whole seconds;
 *     a card timer wins over a stage timer in the same form.
 *
 * Recorder (spoken cards)
 *   <div data-recorder [data-upload-url="/attempts/7/audio"] data-target-min-s="60"
 *        data-target-max-s="120" [data-max-record-s="900"] [data-form="id"]>
 *     [<input type="file" name="audio" accept="audio/*" data-recorder-fallback>]  (no-JS path;
 *      hidden and disabled when JS runs)
 *   </div>
 *     JS adds Record / Stop buttons, a clock with the target range, <audio controls> playback,
 *     a status line and a plain error (no mic, permission denied, insecure page, upload error +
 *     Retry). Sets data-state="idle|recording|recorded|uploading|uploaded|error" and
 *     data-fit="short|ok|long". Upload: fetch(url, {method: "POST", body: FormData{audio:
 *     <blob "answer.webm">, duration_s}}) immediately after stop when data-upload-url is set;
 *     otherwise it waits until either data-upload-url gets set on the element, or the event
 *     "mianjing:attempt-saved" with detail {"uploadUrl": "..."} bubbles to the document from
 *     within the same form — e.g. response header
 *     HX-Trigger: {"mianjing:attempt-saved": {"uploadUrl": "/attempts/7/audio"}}.
 *     Do not swap the recorder element itself away before the upload: it holds the blob.
 *     Fires "mianjing:recorded" and "mianjing:uploaded" (bubbling CustomEvents).
 *
 * Maths:  .markdown  -> KaTeX auto-render of $..$, $$..$$, \(..\), \[..\] (throwOnError false;
 *         not inside pre/code) and of .math.inline / .math.block (markdown-it dollarmath).
 * Charts: <canvas data-chart='{"type":"line","data":{...},"options":{...}}' aria-label="...">
 *         -> new Chart(canvas, config); registered: line, bar, radar, doughnut, pie, scatter,
 *         category/linear/radial scales, colors (default palette), filler, legend, tooltip, title. The canvas is wrapped in
 *         div.chart (height from CSS) unless its parent already is one.
 * Shortcuts: any button/link with data-shortcut="n": pressing n (focus not in a text field,
 *         no Ctrl/Alt/Meta) clicks it. "?" toggles the help dialog listing them (label =
 *         aria-label, title or text) plus the built-in keys; Esc closes it. Any element with
 *         data-shortcuts-help opens it on click.
 *
 * window.mianjing exposes { htmx, editors, gotoLine, timers, recorders, openHelp, enhance }.
 */
import htmx from "htmx.org";
import { editors, gotoLine, initEditors, installEditorGlobals } from "./editor.js";
import { timers, initTimers, installTimerGlobals } from "./timer.js";
import { recorders, initRecorders, installRecorderGlobals } from "./recorder.js";
import { initMath } from "./math.js";
import { initCharts, showToday } from "./charts.js";
import { installShortcuts, openHelp } from "./shortcuts.js";

window.htmx = htmx;

export function enhance(root = document) {
  initEditors(root);
  initTimers(root);
  initRecorders(root);
  initMath(root);
  initCharts(root);
  showToday(root);
}

installEditorGlobals();
installTimerGlobals();
installRecorderGlobals();
installShortcuts();
document.documentElement.classList.add("js");

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => enhance(document));
else enhance(document);
document.addEventListener("htmx:load", (e) => enhance(e.target));

window.mianjing = { htmx, editors, gotoLine, timers, recorders, openHelp, enhance };
