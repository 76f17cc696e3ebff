// Build step (run by tools/postbuild.mjs over the assembled dist/, before the workers' lists are made): minifies the
// scripts trunk leaves readable (`minify = "never"` in Trunk.toml, since trunk's own minifier is known
// to break wasm-bindgen's glue). esbuild parses what it minifies, so names the wasm imports by (object
// properties) and the module's exports are kept; only whitespace, comments and local names go.
// - the glue `anxin-<hash>.js` (ES2020, the app's floor; `make engines` checks it): its name keeps
//   trunk's hash of the readable text (same text, same minified text), and the `integrity` trunk
//   wrote for it into the pages (`<link rel="modulepreload" … integrity="sha384-…">`) is replaced by
//   the minified file's;
// - `loader.js`, which must still parse on engines older than the floor (it shows them the "too old"
//   notice), so esbuild may not use syntax newer than ES2015 (modules themselves) in it.
import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { sha384 as integrity } from './hashes.mjs';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node tools/minify.mjs <dist>');

const GLUE = /^[a-z0-9_-]+-[0-9a-f]{10,16}\.js$/;

const scripts = fs.readdirSync(dir).filter((name) => GLUE.test(name)).map((name) => ({ name, target: 'es2020' }));
if (scripts.length === 0) throw new Error(`no wasm-bindgen glue (<name>-<hash>.js) in ${dir}`);
if (fs.existsSync(path.join(dir, 'loader.js'))) scripts.push({ name: 'loader.js', target: 'es2015' });

const pages = fs.readdirSync(dir).filter((name) => name.endsWith('.html'));
const html = new Map(pages.map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]));

for (const { name, target } of scripts) {
  const file = path.join(dir, name);
  const before = fs.readFileSync(file);
  const { code } = transformSync(before.toString('utf8'), {
    loader: 'js', format: 'esm', target, minify: true, legalComments: 'none', charset: 'utf8',
  });
  const after = Buffer.from(code, 'utf8');
  fs.writeFileSync(file, after);
  const [old, now] = [integrity(before), integrity(after)];
  let rewritten = 0;
  for (const [page, text] of html) {
    if (!text.includes(old)) continue;
    html.set(page, text.split(old).join(now));
    rewritten += 1;
  }
  console.log(`minify: ${name} ${before.length} → ${after.length} bytes${rewritten ? `, integrity updated in ${rewritten} page(s)` : ''}`);
}
for (const [page, text] of html) fs.writeFileSync(path.join(dir, page), text);
