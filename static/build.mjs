// Build the browser bundle: node build.mjs [--outdir DIR]   (default: dist)
//   src/main.js  -> DIR/app.js   one minified ES module (CodeMirror, htmx 2, KaTeX, Chart.js)
//   src/app.css  -> DIR/app.css  theme + KaTeX CSS, fonts referenced as fonts/<name>.woff2
//                                (src/dark-palette.css pasted where app.css includes it)
//   KaTeX woff2  -> DIR/fonts/
// Deterministic: same inputs (package-lock.json) give byte-identical output; no
// timestamps, no absolute paths, no source maps. tests/test_assets.py checks this.
import * as esbuild from "esbuild";
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const i = argv.indexOf("--outdir");
const outdir = path.resolve(i >= 0 ? argv[i + 1] : path.join(here, "dist"));
const katexDir = path.join(here, "node_modules", "katex", "dist");

// Only ship woff2 (every browser we support has it): drop the woff/ttf fallbacks
// from KaTeX's @font-face rules, and leave the font URLs for us to copy.
const katexWoff2Only = {
  name: "katex-woff2-only",
  setup(build) {
    build.onLoad({ filter: /katex[\\/]dist[\\/]katex\.css$/ }, async (args) => {
      let css = await readFile(args.path, "utf8");
      css = css.replace(/,\s*url\(fonts\/[^)]+\.woff\) format\("woff"\)/g, "")
               .replace(/,\s*url\(fonts\/[^)]+\.ttf\) format\("truetype"\)/g, "");
      if (/\.(woff|ttf)\)/.test(css)) throw new Error("katex.css: unexpected font URL format");
      return { contents: css, loader: "css" };
    });
  },
};

// CSS cannot share one block of declarations between a media query and a selector: app.css
// marks both places with `/* @include "dark-palette.css"; */` and this pastes the one palette.
const darkPalette = {
  name: "dark-palette",
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]app\.css$/ }, async (args) => {
      const marker = '/* @include "dark-palette.css"; */';
      const css = await readFile(args.path, "utf8");
      const palette = (await readFile(path.join(here, "src", "dark-palette.css"), "utf8"))
        .replace(/^\/\*[\s\S]*?\*\/\n/, "");  // its own comment stays out
      if (css.split(marker).length !== 3) throw new Error("app.css: expected the dark palette twice");
      return { contents: css.replaceAll(marker, palette), loader: "css" };
    });
  },
};

const common = {
  absWorkingDir: here,
  bundle: true,
  minify: true,
  sourcemap: false,
  legalComments: "none",
  charset: "utf8",
  logLevel: "warning",
  write: false,
  metafile: false,
};

async function main() {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(path.join(outdir, "fonts"), { recursive: true });

  const js = await esbuild.build({
    ...common,
    entryPoints: { app: "src/main.js" },
    format: "esm",
    target: ["es2020", "chrome100", "firefox100", "safari15"],
    platform: "browser",
    define: { "process.env.NODE_ENV": '"production"' },
    outdir,
  });
  const css = await esbuild.build({
    ...common,
    entryPoints: { app: "src/app.css" },
    target: ["chrome100", "firefox100", "safari15"],
    external: ["fonts/*"],
    plugins: [katexWoff2Only, darkPalette],
    outdir,
  });

  const banner = {
    js: "/* mianjing app.js: built by static/build.mjs; bundles CodeMirror 6 (MIT), htmx 2 (0BSD), KaTeX (MIT), Chart.js (MIT); see static/package.json */\n",
    css: "/* mianjing app.css: built by static/build.mjs from static/src/app.css + KaTeX (MIT) */\n",
  };
  for (const out of [...js.outputFiles, ...css.outputFiles]) {
    const ext = path.extname(out.path).slice(1);
    await writeFile(out.path, banner[ext] + out.text);
  }

  const fonts = (await readdir(path.join(katexDir, "fonts"))).filter((f) => f.endsWith(".woff2")).sort();
  for (const f of fonts) await copyFile(path.join(katexDir, "fonts", f), path.join(outdir, "fonts", f));

  console.log(`built app.js, app.css and ${fonts.length} fonts into ${path.relative(process.cwd(), outdir) || "."}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
