// Build step (run by tools/postbuild.mjs over the assembled dist/, after minify.mjs and before the
// workers' lists): splits each page's wasm (the phone's, the kiosk's, the contest's; not the desk's,
// opened by staff on office PCs) into the part its first screen needs and the rest, so a first visit
// on a slow line waits for fewer bytes before the first screen (issue 11's budget: 150 KB brotli).
//
// How:
// 1. Binaryen's `wasm-split --instrument` makes a copy of the page's wasm that records which functions
//    run. It is served with the rest of dist/ and opened in Chromium (playwright-core) in each of the
//    page's first-visit situations (SCENARIOS below: screens, languages, links, storage and download
//    faults), with the loader told to hold the rest back (`__anxinTest.holdRest`), so each run
//    records exactly what the page runs up to its first screen and while it waits there.
// 2. `wasm-split --split` with the merged profile writes the start-up part (every function seen) and
//    the rest; the start-up part's placeholder imports are folded to one per signature (binaryen.js,
//    `foldPlaceholders`); then the read-only data only the rest uses goes to the rest
//    (tools/data-split.mjs). The start-up part keeps trunk's `_bg.wasm` naming with a hash of its own contents; the
//    rest is `<name>-rest-<hash>.wasm`; the unsplit wasm is removed.
// 3. The page's loader tag gets `data-anxin-wasm` (the start-up part) and `data-anxin-rest` (and
//    `data-anxin-whole-if`, the query parameters of the windows that start on both parts); its
//    preload link the start-up part's name and integrity.
// public/loader.js does the rest at run time (placeholders, held taps, `window.anxinRest`).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import binaryen from 'binaryen';
import { hash16, sha384 } from './hashes.mjs';
import { moveData } from './data-split.mjs';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node tools/split.mjs <dist>');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WASM_SPLIT = process.env.WASM_SPLIT || path.join(root, 'target/tools/binaryen/usr/bin/wasm-split');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const FEATURES = ['--enable-mutable-globals'];
// Where cargo linked each page's binary, and the same linked again with its relocations (`make dist`:
// target/linkinfo) for the data's split (tools/data-split.mjs).
const TARGET = process.env.CARGO_TARGET_DIR || path.join(root, 'target');
const linkedWasm = (bin, dir) => path.join(dir, 'wasm32-unknown-unknown/release', `${bin}.wasm`);

// Each split page, its screen, and the first-visit situations it starts in (a visitor with the app's
// records stored, or an offline copy in charge, loads both parts before the start: public/loader.js).
// `init`: storage as a first visit may meet it; `fail`: requests that fail ([pattern, 404 | 'abort']);
// `query`: the links a page is opened with; `scroll`: the page scrolls on its first screen. Each
// situation here has an end-to-end test.
const FIRST_VISIT_FAULTS = [
  // Storage blocked or missing (tests/e2e: app, survival, kiosk), each with its own notice.
  { name: 'storage that throws', init: ['storage', 'throws'] },
  { name: 'storage that is null', init: ['storage', 'null'] },
  { name: 'reads that throw', init: ['reads', 'throw'] },
  // Downloads that fail: the banks' requests start before the rest is in (the app waits for it before
  // handling what came back, but a request's failure is met in the fetch itself).
  { name: 'no bank index', fail: ['**/quizzes/index.json', 404] },
  { name: 'banks that fail to download', fail: ['**/quizzes/*.json?v=*', 'abort'] },
  { name: 'banks that are missing', fail: ['**/quizzes/*.json?v=*', 404] },
];
const PHONE = { width: 390, height: 844 };
const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };
const KIOSK_JSON = JSON.stringify({ branch: '人民路支行', bank_hotline: '95588', questions_per_session: 5, prize_threshold: 3, phone_base_url: 'https://quiz.example.com/' });
const SCENARIOS = {
  'index.html': [
    { name: 'first visit', locale: 'zh-CN' },
    { name: 'first visit, English browser', locale: 'en-US' },
    // The links a bank hands out (README: deep links), each read at start-up.
    { name: 'link: English', query: '?lang=en' },
    { name: 'link: a quiz of one topic', query: '?topic=privacy&mode=quiz&n=5&lang=en' },
    { name: 'link: a topic for the elderly', query: '?topic=fraud&audience=elderly' },
    { name: 'link: the daily set', query: '?mode=daily' },
    { name: 'link: the wrong-answer book', query: '?mode=book' },
    ...FIRST_VISIT_FAULTS,
  ].map((s) => ({ viewport: PHONE, ...s })),
  'kiosk.html': [
    { name: 'first boot, portrait', viewport: PORTRAIT },
    { name: 'first boot, landscape', viewport: LANDSCAPE },
    { name: 'first boot with kiosk.json', viewport: PORTRAIT, serve: ['**/kiosk.json', KIOSK_JSON] },
    // The page scrolls before the rest is in: a reload restoring the scroll position (the kiosk
    // reloads itself after a crash), a finger dragging the screen. A scroll is not held like a tap,
    // and the kiosk counts it as the customer's touch (tests/e2e/split.test.mjs, reload.test.mjs).
    { name: 'first boot, scrolled', viewport: LANDSCAPE, scroll: true },
    // A deployer's mistakes, each named in the console and not fatal (tests/e2e/kiosk.test.mjs).
    { name: 'kiosk.json with a value out of range', viewport: PORTRAIT, serve: ['**/kiosk.json', '{"branch":"人民路支行","idle_seconds":5,"questions_per_session":3}'] },
    { name: 'kiosk.json with a value of the wrong type', viewport: PORTRAIT, serve: ['**/kiosk.json', '{"prize_threshold":"three","phone_base_url":"quiz.example.com"}'] },
    { name: 'kiosk.json that is not JSON', viewport: PORTRAIT, serve: ['**/kiosk.json', '{"branch": 5'] },
    // Hostile values (tests/e2e/hostile.test.mjs), every field refused at once.
    {
      name: 'kiosk.json with hostile values',
      viewport: PORTRAIT,
      serve: ['**/kiosk.json', JSON.stringify({
        branch: `<img src=x onerror="x()"><script>x()</script>${'مرحبا بالعالم שלום עולם'.repeat(2)}`,
        bank_hotline: '<b>95588</b>', phone_base_url: 'javascript:x()', topics: ['<img src=x>', 'fraud'],
      })],
    },
    { name: 'kiosk.json with a branch of emoji and right-to-left text', viewport: PORTRAIT, serve: ['**/kiosk.json', JSON.stringify({ branch: 'مرحبا a\u200Bb 👩‍👩‍👧‍👦🏳️‍🌈' })] },
    ...FIRST_VISIT_FAULTS.map((s) => ({ viewport: PORTRAIT, ...s })),
  ],
  'contest.html': [
    { name: 'host console', viewport: LANDSCAPE },
    { name: 'host console in English', viewport: LANDSCAPE, query: '?lang=en' },
    // The audience window starts on both parts (`whole`: not profiled, and named in the page's
    // `data-anxin-whole-if`): it is opened from the host's window, after it, on the same PC. Its
    // screens in the start-up part were 4.8 KB (brotli) of what the host's first screen waited for.
    { name: 'audience screen', viewport: LANDSCAPE, query: '?screen=audience', whole: true },
    { name: 'host console on a small screen', viewport: { width: 1280, height: 720 } },
    ...FIRST_VISIT_FAULTS.map((s) => ({ viewport: LANDSCAPE, ...s })),
  ],
};

/**
 * One placeholder per signature instead of one per function slot of the rest: wasm-split imports a
 * placeholder for every slot (about 1,700 for the phone), and instantiating that many imports took
 * 18–40 ms of the start task at 4× CPU in Chromium traces, against 10 ms with one per signature (the
 * loader's placeholder does not need to know the slot: any early call opens the page again).
 */
function foldPlaceholders(bytes) {
  const mod = binaryen.readBinary(bytes);
  mod.setFeatures(binaryen.Features.MVP | binaryen.Features.MutableGlobals);
  const bySignature = new Map();
  const folded = new Map();
  for (let i = 0; i < mod.getNumFunctions(); i++) {
    const info = binaryen.getFunctionInfo(mod.getFunctionByIndex(i));
    if (info.module !== 'placeholder') continue;
    const key = `${info.params}:${info.results}`;
    if (!bySignature.has(key)) bySignature.set(key, { name: `placeholder$${bySignature.size}`, params: info.params, results: info.results });
    folded.set(info.name, bySignature.get(key).name);
  }
  for (const [i, s] of [...bySignature.values()].entries()) mod.addFunctionImport(s.name, 'placeholder', String(i), s.params, s.results);
  const segments = [];
  for (let i = 0; i < mod.getNumElementSegments(); i++) {
    const info = binaryen.getElementSegmentInfo(mod.getElementSegmentByIndex(i));
    const offset = binaryen.getExpressionInfo(info.offset);
    if (offset.id !== binaryen.ConstId) throw new Error(`element segment ${info.name}: its offset is not a constant`);
    segments.push({ name: info.name, table: info.table, offset: offset.value, data: info.data.map((n) => folded.get(n) || n) });
  }
  for (const s of segments) mod.removeElementSegment(s.name);
  for (const s of segments) mod.addActiveElementSegment(s.table, s.name, s.data, mod.i32.const(s.offset));
  for (const name of folded.keys()) mod.removeFunction(name);
  if (!mod.validate()) throw new Error('the start-up part is not valid once its placeholders are folded');
  const out = Buffer.from(mod.emitBinary());
  mod.dispose();
  return { bytes: out, placeholders: `${folded.size} → ${bySignature.size}` };
}

// The loader's `data-anxin-whole-if`: the query parameters of the situations that start on both parts.
function wholeIf(page) {
  const params = SCENARIOS[page].filter((s) => s.whole).map((s) => s.query.replace(/^\?/, ''));
  if (params.some((p) => !/^[a-z]+=[a-z]+$/.test(p))) throw new Error(`${page}: a \`whole\` situation's query must be one name=value`);
  return params.length ? ` data-anxin-whole-if="${params.join(' ')}"` : '';
}

const run = (args) => execFileSync(WASM_SPLIT, [...FEATURES, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json',
};
// A plain static server over `base`, the files in `swap` served in their place.
function serve(base, swap) {
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(base, name);
    const body = swap.has(name) ? swap.get(name) : fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file) : null;
    if (body === null) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(name)] || 'application/octet-stream' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function profile(page, wasmName, html, work) {
  const instrumented = path.join(work, 'instrumented.wasm');
  run(['--instrument', path.join(dir, wasmName), '-o', instrumented]);
  const bytes = fs.readFileSync(instrumented);
  const text = fs.readFileSync(path.join(dir, page), 'utf8');
  const swap = new Map([[wasmName, bytes], [page, text.split(sha384(fs.readFileSync(path.join(dir, wasmName)))).join(sha384(bytes))]]);
  const server = await serve(dir, swap);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  const profiles = [];
  try {
    for (const [i, scenario] of SCENARIOS[page].entries()) {
      if (scenario.whole) continue;
      const context = await browser.newContext({ serviceWorkers: 'block', locale: scenario.locale || 'zh-CN', viewport: scenario.viewport });
      const errors = [];
      const tab = await context.newPage();
      tab.on('pageerror', (e) => errors.push(e.message));
      await tab.addInitScript((init) => {
        window.__anxinTest = { holdRest: true };
        const [what, how] = init || [];
        if (what === 'storage') {
          Object.defineProperty(window, 'localStorage', {
            get() {
              if (how === 'throws') throw new DOMException('blocked', 'SecurityError');
              return null;
            },
          });
        } else if (what === 'reads') {
          Storage.prototype.getItem = () => { throw new DOMException('denied', 'SecurityError'); };
        }
      }, scenario.init);
      if (scenario.serve) {
        const [pattern, body] = scenario.serve;
        await tab.route(pattern, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
      }
      if (scenario.fail) {
        const [pattern, how] = scenario.fail;
        await tab.route(pattern, (route) => (how === 'abort' ? route.abort('failed') : route.fulfill({ status: how, body: '' })));
      }
      await tab.goto(`${origin}/${page}${scenario.query || ''}`);
      // Mounted (a deep link's first screen may wait on the banks, held back here: no `anxin-ready`).
      await tab.waitForFunction(() => window.__anxinTest.exports && !document.querySelector('.boot-loading'), null, { timeout: 60000 });
      if (scenario.scroll) await tab.evaluate(() => window.dispatchEvent(new Event('scroll')));
      // What the page does while it waits on its first screen (a clock's ticks, the banks' requests).
      await tab.waitForTimeout(2000);
      const data = await tab.evaluate(() => {
        const exports = window.__anxinTest.exports;
        const at = exports.memory.grow(4) * 65536;
        const length = exports.__write_profile(at, 4 * 65536);
        return Array.from(new Uint8Array(exports.memory.buffer, at, length));
      });
      if (errors.length) throw new Error(`${page}, ${scenario.name}: ${errors.join('; ')}`);
      const out = path.join(work, `profile-${i}`);
      fs.writeFileSync(out, Buffer.from(data));
      profiles.push(out);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const merged = path.join(work, 'profile');
  run(['--merge-profiles', ...profiles, '-o', merged]);
  return merged;
}

for (const page of Object.keys(SCENARIOS)) {
  const htmlFile = path.join(dir, page);
  if (!fs.existsSync(htmlFile)) continue;
  let html = fs.readFileSync(htmlFile, 'utf8');
  const tag = html.match(/data-anxin-wasm="\.\/([^"]+_bg\.wasm)"/);
  if (!tag) throw new Error(`${page}: no data-anxin-wasm`);
  const wasmName = tag[1];
  const stem = wasmName.replace(/-[0-9a-f]+_bg\.wasm$/, '');
  const work = fs.mkdtempSync(path.join(root, 'target', 'split-'));
  try {
    const merged = await profile(page, wasmName, html, work);
    const [first, second] = [path.join(work, 'first.wasm'), path.join(work, 'rest.wasm')];
    run(['--split', path.join(dir, wasmName), '--profile', merged, '-o1', first, '-o2', second,
      '--export-prefix=%', '--placeholder-namespace=placeholder', '--import-namespace=primary']);
    const whole = fs.readFileSync(path.join(dir, wasmName));
    const fold = foldPlaceholders(fs.readFileSync(first));
    const [linked, withRelocs] = [linkedWasm(stem, TARGET), linkedWasm(stem, path.join(TARGET, 'linkinfo'))]
      .map((f) => (fs.existsSync(f) ? fs.readFileSync(f) : Buffer.alloc(0)));
    const data = moveData({ first: fold.bytes, rest: fs.readFileSync(second), linked, withRelocs });
    if (data.skipped) console.warn(`split: ${page}: WARNING: all its data stays in the start-up part (${data.skipped})`);
    const [a, b] = [data.first, data.rest];
    const names = { first: `${stem}-${hash16(a)}_bg.wasm`, rest: `${stem}-rest-${hash16(b)}.wasm` };
    fs.writeFileSync(path.join(dir, names.first), a);
    fs.writeFileSync(path.join(dir, names.rest), b);
    fs.rmSync(path.join(dir, wasmName));
    const integrity = sha384(whole);
    if (!html.includes(integrity)) throw new Error(`${page}: no integrity for ${wasmName}`);
    html = html.split(integrity).join(sha384(a))
      .split(`href="./${wasmName}"`).join(`href="./${names.first}"`)
      .replace(`data-anxin-wasm="./${wasmName}"`,
        `data-anxin-wasm="./${names.first}" data-anxin-rest="./${names.rest}"${wholeIf(page)}`);
    fs.writeFileSync(htmlFile, html);
    const dataNote = data.moved ? `; ${data.moved.bytes} bytes of data (${data.moved.symbols} symbols) moved to the rest` : '';
    console.log(`split: ${page} ${wasmName} (${whole.length} bytes) → start-up ${a.length} + rest ${b.length} bytes; placeholders ${fold.placeholders}${dataNote}`);
  } finally {
    // SPLIT_KEEP=1 keeps the profiles and parts (target/split-*) to study what each situation adds.
    if (process.env.SPLIT_KEEP) console.log(`split: kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}
