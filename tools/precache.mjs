// Trunk post-build hook: writes sw.js, the service worker, into the staging dist/ with the list of
// the files it precaches and a version made from their contents (a new build → a new sw.js → the
// browser installs it, and the app switches to it on the home screen).
//
// Precached: what the app needs to start and run offline, and nothing else — the pages (*.html),
// scripts, wasm, styles, icons, the web manifest, quizzes/index.json and the banks it lists. Not the
// format guide, the CSV template, the `.br`/`.gz` copies or anything else a host might refuse (a refused file would fail the
// install). Each entry says how the worker may fetch it:
// - `immutable`: the name or query carries a content hash (trunk's `name-<hash>.ext`, a bank as
//   `quizzes/<file>?v=<hash>` exactly as the app requests it), so a copy in the HTTP cache — the one
//   the page fetched a moment ago on a first visit — is the right one and is not downloaded again;
// - otherwise the name never changes (index.html, loader.js, index.json): revalidated with the server
//   (a conditional request, a few bytes when unchanged), so a new version never precaches a stale copy;
// - `optional`: icons and the manifest, which some hosts refuse by MIME type; the worker installs
//   without them (and warns) instead of failing the whole install.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) throw new Error('usage: TRUNK_STAGING_DIR=<dist> node tools/precache.mjs');
const template = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sw.template.js'), 'utf8');

const files = [];
const walk = (sub) => {
  for (const name of fs.readdirSync(path.join(dir, sub)).sort()) {
    const rel = sub ? `${sub}/${name}` : name;
    if (fs.statSync(path.join(dir, rel)).isDirectory()) walk(rel);
    else files.push(rel);
  }
};
walk('');

const APP = /\.(html|js|mjs|wasm|css)$/;
const OPTIONAL = /\.(svg|png|ico|webp|webmanifest)$/;
// trunk's file hash: `anxin-0123456789abcdef.js`, `anxin-0123456789abcdef_bg.wasm`, `app-….css`.
// trunk writes the 64-bit hash in hex without leading zeros, so one build in sixteen has 15 digits
// (and fewer, rarely): a fixed {16} took such a wasm for an unhashed file and downloaded it twice.
const HASHED = /-[0-9a-f]{10,16}(_bg)?\.[a-z]+$/;

const index = JSON.parse(fs.readFileSync(path.join(dir, 'quizzes', 'index.json'), 'utf8'));
const banks = new Map(index.banks.map((b) => [`quizzes/${b.file}`, b.hash]));

const entries = [];
for (const rel of files) {
  // The worker itself, and the precompressed copies tools/compress.mjs writes for hosts (a host
  // serves them in place of the file; the app never asks for them by name).
  if (rel === 'sw.js' || /\.(br|gz)$/.test(rel)) continue;
  if (rel.startsWith('quizzes/')) {
    if (rel === 'quizzes/index.json') entries.push({ file: rel, url: `./${rel}` });
    else if (banks.has(rel)) entries.push({ file: rel, url: `./${rel}?v=${banks.get(rel)}`, immutable: true });
    continue;
  }
  if (APP.test(rel)) entries.push({ file: rel, url: `./${rel}`, ...(HASHED.test(rel) ? { immutable: true } : {}) });
  else if (OPTIONAL.test(rel)) entries.push({ file: rel, url: `./${rel}`, optional: true });
}
// FNV-1a 64-bit, as `anxin-bank index` writes it (src/domain/bank/index.rs, `content_hash`).
const fnv1a = (bytes) => {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
};
for (const [file, hash] of banks) {
  if (!files.includes(file)) throw new Error(`quizzes/index.json lists ${file}, which is not in the build`);
  // The hash is how every cache tells versions apart: a stale one would keep old copies offline.
  if (fnv1a(fs.readFileSync(path.join(dir, file))) !== hash) {
    throw new Error(`quizzes/index.json has an old hash for ${file}: run \`make banks\` and build again`);
  }
}
if (!entries.some((e) => e.file === 'index.html')) throw new Error('no index.html in the build');

// The template too: a change to the worker alone is a new version.
const hash = crypto.createHash('sha256').update(template);
for (const e of entries) hash.update(e.url).update(fs.readFileSync(path.join(dir, e.file)));
const version = hash.digest('hex').slice(0, 16);
const list = entries.map(({ file, ...entry }) => entry);
const out = template.replace('__VERSION__', version).replace('__FILES__', JSON.stringify(list, null, 0));
fs.writeFileSync(path.join(dir, 'sw.js'), out);
console.log(`sw.js: ${list.length} files precached, version ${version}`);
