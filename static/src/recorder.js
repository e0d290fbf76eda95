// [data-recorder]: record an answer with MediaRecorder, play it back, show its
// length against the target range, and upload it as FormData field "audio".
import { each, format, formatClock, h, ownerForm, t } from "./util.js";

const MIME_TYPES = ["audio/webm;codecs=opus", "audio/webm", "audio/ogg;codecs=opus", "audio/mp4"];

function pickMime() {
  if (!window.MediaRecorder || !MediaRecorder.isTypeSupported) return "";
  return MIME_TYPES.find((t) => MediaRecorder.isTypeSupported(t)) || "";
}

function extensionFor(type) {
  if (type.includes("ogg")) return "ogg";
  if (type.includes("mp4")) return "m4a";
  return "webm";
}

function explain(err) {
  const name = err && err.name;
  if (name === "NotAllowedError" || name === "SecurityError")
    return t("Microphone permission was denied. Allow microphone access for this site in the browser settings, then try again.");
  if (name === "NotFoundError" || name === "OverconstrainedError")
    return t("No microphone was found. Plug one in (or enable it) and try again.");
  if (name === "NotReadableError" || name === "AbortError")
    return t("The microphone is busy or could not be started. Close other apps using it and try again.");
  return format(t("Recording failed: {error}"), { error: (err && err.message) || String(err) });
}

class Recorder {
  constructor(el) {
    this.el = el;
    this.min = Number(el.dataset.targetMinS) || 0;
    this.max = Number(el.dataset.targetMaxS) || 0;
    this.hardMax = Number(el.dataset.maxRecordS) || 900;
    this.blob = null;
    this.duration = 0;
    this.uploadedUrl = null;
    this.uploading = false;

    // A no-JS fallback (e.g. <input type=file name=audio>) is marked
    // [data-recorder-fallback] and hidden + disabled once JS takes over.
    // <input type=file data-recorder-attach> inside the form: the recording is put into it and
    // travels with the form's own submit (no upload URL needed, nothing lost on redirect).
    this.attachInput = el.querySelector("input[type=file][data-recorder-attach]");
    if (this.attachInput) this.attachInput.hidden = true;
    this.durationInput = el.querySelector("input[data-recorder-duration]");
    for (const fb of el.querySelectorAll("[data-recorder-fallback]")) {
      fb.hidden = true;
      for (const input of fb.matches("input") ? [fb] : fb.querySelectorAll("input, select, textarea, button")) input.disabled = true;
    }

    const target = this.min || this.max
      ? format(t("target {min}–{max}"), { min: formatClock(this.min), max: formatClock(this.max || this.min) }) : "";
    this.recordBtn = h("button", { type: "button", class: "btn btn--primary", "data-recorder-record": "" }, t("● Record"));
    this.stopBtn = h("button", { type: "button", class: "btn", "data-recorder-stop": "", disabled: true }, t("■ Stop"));
    this.clock = h("span", { class: "recorder__clock", "data-recorder-clock": "", role: "timer", "aria-live": "off" }, "00:00");
    this.target = h("span", { class: "recorder__target", text: target ? " (" + target + ")" : "" });
    this.audio = h("audio", { controls: true, preload: "metadata", class: "recorder__audio", hidden: true });
    this.status = h("p", { class: "recorder__status", role: "status", "aria-live": "polite" });
    this.error = h("p", { class: "recorder__error alert alert--error", role: "alert", hidden: true });
    this.retryBtn = h("button", { type: "button", class: "btn btn--small", hidden: true }, t("Retry upload"));
    this.ui = h("div", { class: "recorder__ui" },
      h("div", { class: "recorder__controls" }, this.recordBtn, this.stopBtn,
        h("span", { class: "recorder__time" }, this.clock, this.target)),
      this.audio, this.status, this.error, this.retryBtn);
    el.append(this.ui);
    el.classList.add("recorder");
    el.dataset.state = "idle";

    // Chrome's MediaRecorder webm has no duration header: the <audio> reports Infinity
    // and cannot seek until it has scanned to the end once.
    this.audio.addEventListener("loadedmetadata", () => {
      if (this.audio.duration !== Infinity) return;
      const reset = () => {
        this.audio.removeEventListener("durationchange", reset);
        this.audio.currentTime = 0;
      };
      this.audio.addEventListener("durationchange", reset);
      this.audio.currentTime = 1e9;
    });
    this.recordBtn.addEventListener("click", () => this.start());
    this.stopBtn.addEventListener("click", () => this.stop());
    this.retryBtn.addEventListener("click", () => this.upload());

    // Upload once the attempt is saved: the page sets data-upload-url on this
    // element, or the server fires the "mianjing:attempt-saved" event
    // (HX-Trigger: {"mianjing:attempt-saved": {"uploadUrl": "..."}}).
    new MutationObserver(() => this.maybeUpload()).observe(el, { attributes: true, attributeFilter: ["data-upload-url"] });
  }

  setError(message) {
    this.error.textContent = message || "";
    this.error.hidden = !message;
  }

  setState(state) { this.el.dataset.state = state; }

  async start() {
    this.setError("");
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      this.setError(t("This browser cannot record here: recording needs a secure page (https or localhost) and a browser with microphone support."));
      return;
    }
    if (!window.MediaRecorder) {
      this.setError(t("This browser does not support audio recording (MediaRecorder)."));
      return;
    }
    if (this.blob && !this.uploadedUrl && !window.confirm(t("Discard the current recording and record again?"))) return;
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (err) {
      this.setError(explain(err));
      this.setState("error");
      return;
    }
    const mime = pickMime();
    let rec;
    try {
      rec = mime ? new MediaRecorder(stream, { mimeType: mime }) : new MediaRecorder(stream);
    } catch (err) {
      stream.getTracks().forEach((t) => t.stop());
      this.setError(explain(err));
      return;
    }
    this.stream = stream;
    this.rec = rec;
    this.chunks = [];
    this.blob = null;
    this.uploadedUrl = null;
    this.retryBtn.hidden = true;
    this.audio.hidden = true;
    if (this.audio.src) URL.revokeObjectURL(this.audio.src);
    this.audio.removeAttribute("src");
    rec.addEventListener("dataavailable", (e) => { if (e.data && e.data.size) this.chunks.push(e.data); });
    rec.addEventListener("stop", () => this.finish());
    rec.addEventListener("error", (e) => this.setError(explain(e.error || e)));
    rec.start(1000);
    this.startedAt = performance.now();
    this.tick = setInterval(() => this.renderClock(), 250);
    this.recordBtn.disabled = true;
    this.stopBtn.disabled = false;
    this.stopBtn.focus();
    this.setState("recording");
    this.status.textContent = t("Recording…");
    this.renderClock();
  }

  stop() {
    if (this.rec && this.rec.state !== "inactive") this.rec.stop();
  }

  elapsed() { return (performance.now() - this.startedAt) / 1000; }

  renderClock(seconds = this.elapsed()) {
    this.clock.textContent = formatClock(seconds);
    let fit = "ok";
    if (this.min && seconds < this.min) fit = "short";
    else if (this.max && seconds > this.max) fit = "long";
    this.el.dataset.fit = fit;
    if (this.rec && this.rec.state === "recording" && seconds >= this.hardMax) this.stop();
  }

  finish() {
    clearInterval(this.tick);
    this.duration = this.elapsed();
    this.renderClock(this.duration);
    this.stream.getTracks().forEach((t) => t.stop());
    const type = (this.rec.mimeType || pickMime() || "audio/webm").split(";")[0];
    this.blob = new Blob(this.chunks, { type });
    this.audio.src = URL.createObjectURL(this.blob);
    this.audio.hidden = false;
    this.recordBtn.disabled = false;
    this.recordBtn.textContent = t("● Record again");
    this.stopBtn.disabled = true;
    this.setState("recorded");
    const fit = this.el.dataset.fit;
    const message = fit === "short" ? t("Recorded {time} — shorter than the target.")
      : fit === "long" ? t("Recorded {time} — longer than the target.")
        : this.min || this.max ? t("Recorded {time} — within the target.") : t("Recorded {time}.");
    this.status.textContent = format(message, { time: formatClock(this.duration) });
    this.el.dispatchEvent(new CustomEvent("mianjing:recorded", { bubbles: true, detail: { blob: this.blob, duration: this.duration } }));
    if (this.attachInput && typeof DataTransfer === "function") {
      const ext = { "audio/ogg": "ogg", "audio/mp4": "m4a", "audio/mpeg": "mp3", "audio/wav": "wav" }[type] || "webm";
      const files = new DataTransfer();
      files.items.add(new File([this.blob], `answer.${ext}`, { type }));
      this.attachInput.files = files.files;
      if (this.durationInput) this.durationInput.value = String(Math.round(this.duration * 10) / 10);
      this.status.textContent += " " + (this.el.dataset.msgAttached || t("It will be saved with your answer."));
    } else if (this.el.dataset.uploadUrl) this.upload();
    else this.status.textContent += " " + t("It will be uploaded when you save the attempt.");
  }

  maybeUpload(url) {
    if (url) this.el.dataset.uploadUrl = url; // MutationObserver calls back; upload() is idempotent
    if (this.blob && !this.uploadedUrl && this.el.dataset.uploadUrl) this.upload();
  }

  async upload() {
    const url = this.el.dataset.uploadUrl;
    if (!this.blob || !url || this.uploading || this.uploadedUrl === url) return;
    this.uploading = true;
    this.retryBtn.hidden = true;
    this.setError("");
    this.setState("uploading");
    this.status.textContent = t("Uploading recording…");
    const body = new FormData();
    body.append("audio", this.blob, "answer." + extensionFor(this.blob.type));
    body.append("duration_s", String(Math.round(this.duration)));
    try {
      const res = await fetch(url, { method: "POST", body, credentials: "same-origin" });
      if (!res.ok) throw new Error(format(t("the server answered {status}"), { status: `${res.status} ${res.statusText}`.trim() }));
      this.uploadedUrl = url;
      this.setState("uploaded");
      this.status.textContent = format(t("Recording uploaded ({time})."), { time: formatClock(this.duration) });
      this.el.dispatchEvent(new CustomEvent("mianjing:uploaded", { bubbles: true, detail: { url, response: res } }));
    } catch (err) {
      this.setState("error");
      this.setError(format(t("Upload failed: {error}. Your recording is kept; retry below."), { error: err.message || String(err) }));
      this.retryBtn.hidden = false;
    } finally {
      this.uploading = false;
    }
  }
}

export const recorders = new Set();

export function initRecorders(root) {
  each(root, "[data-recorder]", "Recorder", (el) => { const r = new Recorder(el); recorders.add(r); el.mianjingRecorder = r; });
}

export function installRecorderGlobals() {
  document.addEventListener("mianjing:attempt-saved", (event) => {
    const detail = event.detail || {};
    const url = detail.uploadUrl || detail.upload_url || (typeof detail.value === "string" ? detail.value : "");
    const form = event.target instanceof Element ? event.target.closest("form") : null;
    for (const r of recorders) {
      if (!r.el.isConnected) { recorders.delete(r); continue; }
      if (form && ownerForm(r.el) !== form) continue;
      r.maybeUpload(url);
    }
  });
}
