// KaTeX for the math the server marked: markdown-it's dollarmath turns $...$ into
// <span class="math inline">, $$...$$ in a sentence into <span class="math display"> and a
// $$ block into <div class="math block">, each holding pure TeX (no dollars). Nothing else on
// the page is scanned for delimiters, so "$5 and $6" in prose stays text.
import katex from "katex";

const SELECTOR = ".math.inline, .math.display, .math.block";

export function initMath(root) {
  for (const node of (root || document).querySelectorAll(SELECTOR)) {
    if (node.dataset.mjMath) continue;
    const display = !node.classList.contains("inline");
    katex.render(node.textContent, node, { displayMode: display, throwOnError: false,
                                           output: "htmlAndMathml" });
    node.dataset.mjMath = "1";
  }
}
