// [data-timer]: mm:ss counting up against data-limit-s, pause/resume,
// "over" signal once, and duration_s filled in on submit.
import { each, format, formatClock, h, t } from "./util.js";

export const timers = new Set();
const WARN_FRACTION = 0.8;

function parseStart(iso) {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}

let audioCtx = null;
function beep() {
  try {
    const Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return;
    audioCtx = audioCtx || new Ctx();
    if (audioCtx.state === "suspended") audioCtx.resume().catch(() => {});
    const osc = audioCtx.createOscillator();
    const gain = audioCtx.createGain();
    const t0 = audioCtx.currentTime;
    osc.type = "sine";
    osc.frequency.value = 660;
    gain.gain.setValueAtTime(0.0001, t0);
    gain.gain.exponentialRampToValueAtTime(0.15, t0 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.35);
    osc.connect(gain).connect(audioCtx.destination);
    osc.start(t0);
    osc.stop(t0 + 0.4);
  } catch { /* audio is a nicety */ }
}

class Timer {
  constructor(el) {
    this.el = el;
    this.kind = el.dataset.timerKind || "card";
    this.limit = Math.max(0, Number(el.dataset.limitS) || 0);
    const base = Math.max(0, Number(el.dataset.elapsedS) || 0);
    const started = parseStart(el.dataset.startedAt);
    // elapsed = data-elapsed-s + time since data-started-at (or since page load)
    this.accumulated = base + (started != null ? Math.max(0, Date.now() - started) / 1000 : 0);
    this.runningSince = performance.now();
    this.overSignalled = false;
    this.warned = false;

    this.display = el.querySelector("[data-timer-display]");
    if (!this.display) {
      this.display = h("span", { class: "timer__display", "data-timer-display": "" });
      el.prepend(this.display);
    }
    this.display.setAttribute("role", "timer");
    this.display.setAttribute("aria-live", "off");
    if (!el.querySelector("[data-timer-limit]") && this.limit) {
      this.display.after(h("span", { class: "timer__limit", "data-timer-limit": "", text: " / " + formatClock(this.limit) }));
    }
    this.toggle = el.querySelector("[data-timer-toggle]");
    if (!this.toggle) {
      this.toggle = h("button", { type: "button", class: "btn btn--small btn--ghost timer__toggle", "data-timer-toggle": "" });
      el.append(this.toggle);
    }
    this.toggle.hidden = false;
    this.toggle.addEventListener("click", () => (this.paused ? this.resume() : this.pause()));
    this.status = el.querySelector("[data-timer-status]");
    if (!this.status) {
      this.status = h("span", { class: "timer__status visually-hidden", "data-timer-status": "" });
      el.append(this.status);
    }
    this.status.setAttribute("aria-live", "polite");
    this.status.setAttribute("role", "status");
    el.classList.add("timer");

    if (el.dataset.paused != null && el.dataset.paused !== "false") this.pause(true);
    this.updateToggle();
    this.render();
    this.interval = setInterval(() => this.render(), 250);
  }

  get paused() { return this.runningSince == null; }

  elapsed() {
    return this.accumulated + (this.paused ? 0 : (performance.now() - this.runningSince) / 1000);
  }

  pause(silent = false) {
    if (this.paused) return;
    this.accumulated = this.elapsed();
    this.runningSince = null;
    this.updateToggle();
    this.render();
    if (!silent) this.say(format(t("Timer paused at {time}"), { time: formatClock(this.accumulated) }));
  }

  resume() {
    if (!this.paused) return;
    this.runningSince = performance.now();
    this.updateToggle();
    this.render();
    this.say(t("Timer resumed"));
  }

  updateToggle() {
    const stage = this.kind === "stage";
    // "Continue", not "Resume": as a msgid "Resume" is the header's résumé link (简历).
    this.toggle.textContent = this.paused ? t("Continue") : t("Pause");
    const label = this.paused
      ? (stage ? t("Resume stage clock") : t("Resume timer"))
      : (stage ? t("Pause stage clock") : t("Pause timer"));
    this.toggle.setAttribute("aria-label", label);
    this.toggle.setAttribute("aria-pressed", this.paused ? "true" : "false");
  }

  say(text) { this.status.textContent = text; }

  render() {
    if (!this.el.isConnected) { clearInterval(this.interval); timers.delete(this); return; }
    const s = this.elapsed();
    const text = formatClock(s);
    if (this.display.textContent !== text) this.display.textContent = text;
    let state = this.paused ? "paused" : "running";
    if (this.limit && s >= this.limit) {
      state = "over";
      if (!this.overSignalled) {
        this.overSignalled = true;
        this.el.classList.add("timer--over");
        this.say(format(t("Time is up: the {limit} limit has passed. You can keep going."), { limit: formatClock(this.limit) }));
        beep();
      }
    } else if (this.limit && s >= this.limit * WARN_FRACTION) {
      state = this.paused ? "paused" : "warn";
      if (!this.warned) {
        this.warned = true;
        this.say(format(t("{time} left."), { time: formatClock(this.limit - s) }));
      }
    }
    if (this.el.dataset.state !== state) this.el.dataset.state = state;
  }
}

/** Timer that writes into `form`'s duration_s: the non-stage one inside it wins. */
function timerForForm(form) {
  let best = null;
  for (const t of timers) {
    if (!t.el.isConnected) continue;
    const owner = t.el.dataset.form ? document.getElementById(t.el.dataset.form) : t.el.closest("form");
    if (owner !== form) continue;
    if (!best || (best.kind === "stage" && t.kind !== "stage")) best = t;
  }
  return best;
}

export function initTimers(root) {
  each(root, "[data-timer]", "Timer", (el) => { const t = new Timer(el); timers.add(t); el.mianjingTimer = t; });
}

export function installTimerGlobals() {
  // Capture phase: runs before htmx (or the browser) serialises the form.
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const timer = timerForForm(form);
    if (!timer) return;
    let input = form.querySelector('input[name="duration_s"]');
    if (!input) {
      input = h("input", { type: "hidden", name: "duration_s" });
      form.append(input);
    }
    input.value = String(Math.round(timer.elapsed()));
  }, true);
}
