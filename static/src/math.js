// KaTeX for .markdown: $...$, $$...$$, \(...\), \[...\]; plus the
// <span class="math inline"> / <div class="math block"> that markdown-it's
// dollarmath plugin emits.
import katex from "katex";
import renderMathInElement from "katex/contrib/auto-render";
import { each } from "./util.js";

const OPTIONS = {
  delimiters: [
    { left: "$$", right: "$$", display: true },
    { left: "\\[", right: "\\]", display: true },
    { left: "$", right: "$", display: false },
    { left: "\\(", right: "\\)", display: false },
  ],
  ignoredTags: ["script", "noscript", "style", "textarea", "pre", "code", "option"],
  throwOnError: false,
  output: "htmlAndMathml",
};

function renderMarkdown(el) {
  for (const node of el.querySelectorAll(".math.inline, .math.block, .math-inline, .math-display")) {
    const display = node.classList.contains("block") || node.classList.contains("math-display");
    katex.render(node.textContent, node, { displayMode: display, throwOnError: false });
    node.dataset.mjMath = "1";
  }
  renderMathInElement(el, OPTIONS);
}

export function initMath(root) {
  each(root, ".markdown", "Math", renderMarkdown);
}
