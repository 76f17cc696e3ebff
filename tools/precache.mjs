// Build step (run by tools/postbuild.mjs over the assembled dist/): writes one service worker per page
// (WORKERS below: sw.js for index.html, kiosk-sw.js for kiosk.html, contest-sw.js for contest.html, desk-sw.js for desk.html) with the list of the files it
// precaches and a version made from their contents (a new build → a new worker → the browser installs
// it, and the page switches to it at its safe moment: the phone's home screen, the kiosk's attract
// screen).
//
// Each page precaches its own files only. A file a page's HTML names (its wasm, glue, style sheets)
// belongs to the pages that name it; another page's HTML, worker and settings file belong to that
// page; everything else (loader, icons, banks) is shared. So a phone never downloads the kiosk's
// wasm, and the kiosk never the phone's.
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

const dir = process.argv[2];
if (!dir) throw new Error('usage: node tools/precache.mjs <dist>');

// The pages and their workers. `root`: the page a navigation to the worker's scope itself gets (the
// phone's folder URL); `live`: files fetched network-first (a deployer edits them in place).
const WORKERS = [
  { page: 'index.html', worker: 'sw.js', prefix: 'anxin-', root: 'index.html', live: [] },
  { page: 'kiosk.html', worker: 'kiosk-sw.js', prefix: 'anxin-kiosk-', root: null, live: ['kiosk.json'] },
  { page: 'contest.html', worker: 'contest-sw.js', prefix: 'anxin-contest-', root: null, live: [] },
  { page: 'desk.html', worker: 'desk-sw.js', prefix: 'anxin-desk-', root: null, live: [] },
];
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

// The files a page's HTML names (href, src, and the loader's data-anxin-js / data-anxin-wasm /
// data-anxin-rest, the two parts of a split wasm: tools/split.mjs).
const named = (page) => {
  const html = fs.readFileSync(path.join(dir, page), 'utf8');
  const refs = new Set();
  for (const m of html.matchAll(/(?:href|src|data-anxin-js|data-anxin-wasm|data-anxin-rest)="([^"]+)"/g)) {
    const ref = m[1].replace(/^\.\//, '').replace(/[?#].*$/, '');
    if (ref && !/^[a-z]+:/.test(ref)) refs.add(ref);
  }
  return refs;
};
const pages = WORKERS.filter((w) => files.includes(w.page));
if (!pages.some((w) => w.page === 'index.html')) throw new Error('no index.html in the build');
const refs = new Map(pages.map((w) => [w.page, named(w.page)]));

// The entries of one page's worker.
const entriesOf = (own) => {
  const others = pages.filter((w) => w !== own);
  const mine = refs.get(own.page);
  const theirs = new Set(others.flatMap((w) => [w.page, ...[...refs.get(w.page)].filter((r) => !mine.has(r))]));
  const entries = [];
  for (const rel of files) {
    // The workers, the live files, another page's own files, and the precompressed copies
    // tools/compress.mjs writes for hosts (a host serves them in place of the file; the app never
    // asks for them by name).
    if (WORKERS.some((w) => w.worker === rel || w.live.includes(rel)) || theirs.has(rel) || /\.(br|gz)$/.test(rel)) continue;
    if (rel.startsWith('quizzes/')) {
      if (rel === 'quizzes/index.json') entries.push({ file: rel, url: `./${rel}` });
      else if (banks.has(rel)) entries.push({ file: rel, url: `./${rel}?v=${banks.get(rel)}`, immutable: true });
      continue;
    }
    if (APP.test(rel)) entries.push({ file: rel, url: `./${rel}`, ...(HASHED.test(rel) ? { immutable: true } : {}) });
    else if (OPTIONAL.test(rel)) entries.push({ file: rel, url: `./${rel}`, optional: true });
  }
  return entries;
};
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
for (const own of pages) {
  const entries = entriesOf(own);
  // The template and the worker's settings too: a change to the worker alone is a new version.
  const hash = crypto.createHash('sha256').update(template).update(JSON.stringify(own));
  for (const e of entries) hash.update(e.url).update(fs.readFileSync(path.join(dir, e.file)));
  const version = hash.digest('hex').slice(0, 16);
  const list = entries.map(({ file, ...entry }) => entry);
  const out = template
    .replace('__VERSION__', version)
    .replace('__FILES__', JSON.stringify(list, null, 0))
    .replace('__PREFIX__', own.prefix)
    .replace('__ROOT__', JSON.stringify(own.root))
    .replace('__LIVE__', JSON.stringify(own.live.map((f) => ({ url: `./${f}` }))));
  fs.writeFileSync(path.join(dir, own.worker), out);
  console.log(`${own.worker}: ${list.length} files precached for ${own.page}, version ${version}`);
}
