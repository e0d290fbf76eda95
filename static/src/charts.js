// canvas[data-chart='{"type": "line", "data": {...}, "options": {...}}'] -> Chart.js
import {
  Chart, LineController, BarController, RadarController, DoughnutController, PieController, ScatterController,
  LineElement, BarElement, PointElement, ArcElement,
  CategoryScale, LinearScale, RadialLinearScale,
  Colors, Filler, Legend, Tooltip, Title,
} from "chart.js";
import { each } from "./util.js";

Chart.register(
  LineController, BarController, RadarController, DoughnutController, PieController, ScatterController,
  LineElement, BarElement, PointElement, ArcElement,
  CategoryScale, LinearScale, RadialLinearScale,
  Colors, Filler, Legend, Tooltip, Title,
);

function themeDefaults() {
  const css = getComputedStyle(document.documentElement);
  const fg = css.getPropertyValue("--fg-muted").trim();
  const border = css.getPropertyValue("--border").trim();
  if (fg) Chart.defaults.color = fg;
  // Grid lines only: changing Chart.defaults.borderColor would switch off the Colors plugin's palette.
  if (border) Chart.defaults.scale.grid.color = border;
  Chart.defaults.font.family = css.getPropertyValue("--font-sans").trim() || Chart.defaults.font.family;
  Chart.defaults.maintainAspectRatio = false;
  if (window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches) Chart.defaults.animation = false;
}

function createChart(canvas) {
  let config;
  try {
    config = JSON.parse(canvas.dataset.chart);
  } catch (err) {
    console.error("mianjing: data-chart is not valid JSON", canvas, err);
    return;
  }
  if (!canvas.parentElement.classList.contains("chart")) {
    const wrap = document.createElement("div");
    wrap.className = "chart";
    canvas.before(wrap);
    wrap.append(canvas);
  }
  if (!canvas.getAttribute("role")) canvas.setAttribute("role", "img");
  canvas.mianjingChart = new Chart(canvas, config);
}

let themed = false;
export function initCharts(root) {
  if (!themed && root.querySelector && root.querySelector("canvas[data-chart]")) { themeDefaults(); themed = true; }
  each(root, "canvas[data-chart]", "Chart", createChart);
}

export { Chart };

// The attempts-per-day heatmap scrolls on a phone: start at today's (rightmost) column.
export function showToday(root) {
  for (const heatmap of (root || document).querySelectorAll(".heatmap")) {
    heatmap.scrollLeft = heatmap.scrollWidth;
  }
}
