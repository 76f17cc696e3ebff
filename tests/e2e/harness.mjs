// End-to-end harness: serves a built dist/ with a plain static server (as a bank would host it) and
// drives Debian's Chromium through playwright-core. Every page is watched: console errors, page
// errors, failed requests and requests to any other origin fail the test that caused them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..', '..');
// ANXIN_DIST points the tests at another build (e.g. a copy being prepared for deployment).
export const dist = process.env.ANXIN_DIST ? path.resolve(process.env.ANXIN_DIST) : path.join(root, 'dist');

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Serves `dir` on 127.0.0.1 with python's http.server; resolves once it answers. `requests()` lists
 * every request the server answered, from its access log: `{ method, path, status }` (a 304 is a
 * revalidation: no body crossed the network).
 */
export async function serve(dir) {
  const port = await freePort();
  const proc = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const log = [];
  let partial = '';
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (text) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop();
    for (const line of lines) {
      const m = line.match(/"([A-Z]+) (\S+) HTTP\/[\d.]+" (\d{3})/);
      if (m) log.push({ method: m[1], path: m[2], status: Number(m[3]) });
    }
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(origin + '/');
      return { origin, close: () => proc.kill(), requests: () => log.slice() };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  proc.kill();
  throw new Error('static server did not start');
}

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.png': 'image/png', '.ico': 'image/x-icon',
};

/**
 * Serves `dir` on 127.0.0.1 the way a production host would (Node's http server, no Python): every
 * file brotli-compressed (quality 11, compressed once at start, sent as `Content-Encoding: br` when the
 * request accepts it and it is smaller), with `Cross-Origin-Opener-Policy: same-origin` and
 * `Cross-Origin-Embedder-Policy: require-corp` so the page is cross-origin isolated (which
 * `performance.measureUserAgentSpecificMemory()` needs). Same answer as `serve`: `{ origin, close,
 * requests }`, where `requests()` also tells the encoding and the body bytes sent.
 */
export async function serveAsHost(dir) {
  const files = new Map();
  const walk = (sub) => {
    for (const name of fs.readdirSync(path.join(dir, sub))) {
      const rel = path.posix.join(sub, name);
      const full = path.join(dir, rel);
      if (fs.statSync(full).isDirectory()) walk(rel);
      else if (/\.(br|gz)$/.test(name)) {
        // The build's precompressed copies (tools/compress.mjs): served as they are if asked for, never
        // compressed again; this server compresses every file itself, as a host without them would.
        files.set('/' + rel, { raw: fs.readFileSync(full), br: null, type: 'application/octet-stream' });
      } else {
        const raw = fs.readFileSync(full);
        const br = zlib.brotliCompressSync(raw, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        });
        files.set('/' + rel, { raw, br: br.length < raw.length ? br : null, type: types[path.extname(name)] || 'application/octet-stream' });
      }
    }
  };
  walk('');
  const log = [];
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://host').pathname);
    } catch {
      pathname = '';
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = files.get(pathname);
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    res.setHeader('Cache-Control', 'no-cache');
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(file ? 405 : 404, { 'Content-Type': 'text/plain' });
      res.end(file ? 'method not allowed' : 'not found');
      log.push({ method: req.method, path: req.url, status: file ? 405 : 404, encoding: null, bytes: 0 });
      return;
    }
    const br = file.br && /\bbr\b/.test(req.headers['accept-encoding'] || '');
    const body = br ? file.br : file.raw;
    res.writeHead(200, {
      'Content-Type': file.type, 'Content-Length': body.length, Vary: 'Accept-Encoding',
      ...(br ? { 'Content-Encoding': 'br' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    log.push({ method: req.method, path: req.url, status: 200, encoding: br ? 'br' : null, bytes: body.length });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    close: () => { server.closeAllConnections(); server.close(); },
    requests: () => log.slice(),
  };
}

/** A copy of dist/ in a temporary folder (to break or remove files without touching the build). */
export function copyOfDist() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-dist-'));
  fs.cpSync(dist, dir, { recursive: true });
  return dir;
}

/** A folder that serves dist/ under `/<sub>/`, like a bank hosting the app at a sub-path. */
export function subPathRoot(sub) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-sub-'));
  fs.symlinkSync(dist, path.join(dir, sub));
  return dir;
}

/** Debian's Chromium, headless; `extraArgs` are added to the usual switches (the benchmark's, say). */
export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-dev-shm-usage', ...extraArgs,
    ],
  });
}

/**
 * A new page that records problems. `allow` lists URL substrings whose failure the test expects.
 * Call `problems()` at the end: it returns every console error, page error, failed or foreign request.
 * Service workers are blocked unless `serviceWorkers: 'allow'` (the offline tests).
 */
export async function watchedPage(browser, origin, { allow = [], viewport = { width: 390, height: 844 }, init, serviceWorkers = 'block', hasTouch = false } = {}) {
  const context = await browser.newContext({ viewport, serviceWorkers, hasTouch });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const found = [];
  const allowed = (url) => allow.some((a) => url.includes(a));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // The browser's own log line for an expected failed load is part of that expected failure.
    if (msg.text().startsWith('Failed to load resource') && allowed(msg.location().url || '')) return;
    found.push(`console error: ${msg.text()} (${msg.location().url || 'no url'})`);
  });
  page.on('pageerror', (err) => found.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin + '/') && !url.startsWith('data:') && !url.startsWith('blob:')) {
      found.push(`request to another origin: ${url}`);
    }
  });
  page.on('requestfailed', (req) => {
    if (!allowed(req.url())) found.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !allowed(res.url())) found.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { page, context, problems: () => found };
}

/** Reads a bank from dist/ (the test's answer key). */
/** The files a built service worker precaches (`sw.js`, `kiosk-sw.js`, …), as paths in dist/. */
export function precachedBy(worker) {
  const m = fs.readFileSync(path.join(dist, worker), 'utf8').match(/^var FILES = (.*);$/m);
  return JSON.parse(m[1]).map((e) => e.url.replace(/^\.\//, '').replace(/\?.*$/, ''));
}

/**
 * Checks that a page other than the phone's keeps its code to itself: its files (named `<page>-…`)
 * appear neither in index.html nor in the phone's sw.js, and its own worker precaches its page, its
 * wasm and the shared files but not the phone's page or wasm. Returns the page's wasm file name.
 */
export function assertOwnCode(page, worker) {
  const files = fs.readdirSync(dist);
  const own = files.filter((f) => f.startsWith(`${page}-`) && !/\.(br|gz)$/.test(f));
  const wasm = files.find((f) => new RegExp(`^${page}-[0-9a-f]+_bg\\.wasm$`).test(f));
  const phoneWasm = files.find((f) => /^anxin-[0-9a-f]+_bg\.wasm$/.test(f));
  assert.ok(wasm, `no ${page} wasm in dist/`);
  const index = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const phone = precachedBy('sw.js');
  for (const f of own) {
    assert.ok(!index.includes(f), `index.html names ${f}`);
    assert.ok(!phone.includes(f), `sw.js precaches ${f}`);
  }
  const theirs = precachedBy(worker);
  for (const f of [`${page}.html`, wasm, 'loader.js', 'quizzes/index.json']) assert.ok(theirs.includes(f), `${worker} misses ${f}`);
  for (const f of ['index.html', phoneWasm]) assert.ok(!theirs.includes(f), `${worker} precaches ${f}`);
  return wasm;
}

export function readBank(id) {
  return JSON.parse(fs.readFileSync(path.join(dist, 'quizzes', `${id}.json`), 'utf8'));
}

export function readIndex() {
  return JSON.parse(fs.readFileSync(path.join(dist, 'quizzes', 'index.json'), 'utf8'));
}

/**
 * Starts one browser and one server for dist/ around a test file. Returns live getters:
 * `const env = useBrowserAndServer(); … env.browser, env.origin`.
 */
export function useBrowserAndServer() {
  const env = { browser: null, server: null, get origin() { return this.server.origin; } };
  before(async () => {
    env.browser = await launch();
    env.server = await serve(dist);
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

/** Serves a copy of dist/ changed by `mutate(dir)`, runs `body(origin, dir, server)`, then cleans up. */
export async function withAlteredCopy(mutate, body) {
  const dir = copyOfDist();
  mutate(dir);
  const altered = await serve(dir);
  try {
    await body(altered.origin, dir, altered);
  } finally {
    altered.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The interface words the tests press, by language. */
export const words = {
  zh: {
    setupTitle: '选择练习方式', practice: '练习', quiz: '测验', start: '开始', pool: /所选范围共有/,
    count: (n) => `${n} 题`, seconds: (s) => `${s} 秒`, sequential: '顺序练习', random: '随机练习',
    submit: '确认答案', next: '下一题', prev: '上一题', results: '查看成绩', handIn: '交卷',
    right: '回答正确', wrong: '回答错误', home: '返回首页', quit: '退出练习', quitQuiz: '退出测验',
  },
  en: {
    setupTitle: 'Choose how to practise', practice: 'Practice', quiz: 'Quiz', start: 'Start', pool: /questions match/,
    count: (n) => `${n} questions`, seconds: (s) => `${s} seconds`, sequential: 'In order', random: 'Shuffled',
    submit: 'Check my answer', next: 'Next question', prev: 'Previous', results: 'See my results', handIn: 'Hand in',
    right: 'Correct', wrong: 'Not quite', home: 'Back to home', quit: 'Leave practice', quitQuiz: 'Leave the quiz',
  },
};

/**
 * Waits until the page is up and the whole wasm is in (a first visit starts on the start-up part
 * alone). A test that writes storage behind the page's back, as another tab would, waits for this
 * first: the start-up part has no code for stored values it cannot meet on a first visit, and a
 * page that met one mid-start would reopen itself with `?whole`.
 */
export async function upAndWhole(page) {
  await page.waitForFunction(() => performance.getEntriesByName('anxin-ready').length > 0);
  await page.evaluate(() => window.anxinRest);
}

/**
 * Resolves once the page has painted twice more, with a task after each paint: what a screen does
 * once painted (taking the focus, `platform::page::after_paint`) is done by then.
 */
export async function afterPaints(page) {
  await page.evaluate(() => new Promise((resolve) => {
    const once = (then) => requestAnimationFrame(() => setTimeout(then, 0));
    once(() => once(resolve));
  }));
}

/**
 * What `act` changes in the page's DOM, once painted after it: one line per change, `childList <class>`
 * for nodes added or taken away, `attributes <class> @<name>` for an attribute set, `characterData
 * #text` for a text changed; each begins with `in the hidden feedback: ` inside a practice's feedback
 * prepared hidden.
 */
export async function mutationsDuring(page, act) {
  await page.evaluate(() => {
    window.__mutations = [];
    window.__observer = new MutationObserver((records) => {
      for (const r of records) {
        const where = r.target.className || r.target.nodeName;
        const element = r.target.nodeType === Node.ELEMENT_NODE ? r.target : r.target.parentElement;
        const hidden = element && element.closest('.feedback[hidden]') ? 'in the hidden feedback: ' : '';
        // An option's mark, drawn hidden with the ticks for the check to show (`QuestionCard`): out
        // of the flow and invisible (it takes no room and is not seen or read); a comment is where a
        // mark goes.
        const marks = [...r.addedNodes, ...r.removedNodes];
        const hiddenMark = (n) => {
          const style = getComputedStyle(n);
          return style.display === 'none' || (style.visibility === 'hidden' && style.position === 'absolute');
        };
        const mark = r.type === 'childList' && marks.length > 0
          && marks.every((n) => n.nodeType === Node.COMMENT_NODE || (n.classList && n.classList.contains('until-revealed')))
          && getComputedStyle(element).display !== 'none'
          && marks.every((n) => n.nodeType === Node.COMMENT_NODE || !n.isConnected || hiddenMark(n))
          ? 'a hidden mark: ' : '';
        window.__mutations.push(hidden + mark + (r.type === 'attributes' ? `attributes ${where} @${r.attributeName}` : `${r.type} ${where}`));
      }
    });
    window.__observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await act();
  await afterPaints(page);
  return page.evaluate(() => {
    window.__observer.disconnect();
    return window.__mutations;
  });
}

/**
 * Of `mutations` (`mutationsDuring`), what a tick on an option drew anew: neither an attribute set, nor a
 * change inside the hidden feedback, whose verdict follows the options ticked (`PracticeActions`), nor a
 * hidden mark put into an option or taken out (`QuestionCard`).
 */
export function drawnAnew(mutations) {
  return mutations.filter((m) => !m.startsWith('attributes') && !m.startsWith('in the hidden feedback: ') && !m.startsWith('a hidden mark: '));
}

/**
 * Holds every request for the rest of a page's wasm (the phone's by default) until `release()`;
 * `count()` tells how many were made.
 */
export async function holdRest(page, rest = /\/anxin-rest-[0-9a-f]+\.wasm$/) {
  const waiting = [];
  let released = false;
  let count = 0;
  await page.route(rest, (route) => {
    count += 1;
    if (released) route.continue();
    else waiting.push(route);
  });
  return {
    count: () => count,
    release: () => {
      released = true;
      for (const route of waiting.splice(0)) route.continue();
    },
  };
}

/**
 * Sets a file into a file input, once the rest of the wasm is in. On a first visit input is held
 * until then (a click on the file button is made again, a `change` fired again, as it arrives):
 * waiting first lets a test read the file's outcome at once, as a person picking later would.
 */
export async function chooseFile(input, file) {
  await input.page().evaluate(() => window.anxinRest);
  await input.setInputFiles(file);
}

/**
 * From the home screen: taps the card titled `title`, chooses the mode (and for a quiz the count
 * and time limit, for a practice the order), waits for the question count, and starts.
 */
export async function setUpRound(page, title, { mode = 'practice', count, order, seconds, lang = 'zh' } = {}) {
  const t = words[lang];
  await page.getByRole('button', { name: title }).first().click();
  await page.getByRole('heading', { name: t.setupTitle }).waitFor();
  await page.getByRole('button', { name: t[mode], exact: true }).click();
  if (count) await page.getByRole('button', { name: t.count(count), exact: true }).click();
  if (order) await page.getByRole('button', { name: t[order], exact: true }).click();
  if (seconds) await page.getByRole('button', { name: t.seconds(seconds), exact: true }).click();
  await page.getByText(t.pool).waitFor();
  await page.getByRole('button', { name: t.start, exact: true }).click();
  await page.locator('h2.question-prompt').waitFor();
}

/** The question on screen, looked up by its prompt in every shipped bank. */
export async function questionOnScreen(page, lang = 'zh') {
  const prompt = (await page.locator('h2.question-prompt').innerText()).trim();
  for (const entry of readIndex().banks) {
    const q = readBank(entry.id).questions.find((q) => q.prompt[lang].trim() === prompt);
    if (q) return q;
  }
  throw new Error(`not in any bank: ${prompt}`);
}

/**
 * Waits until the page has painted twice and run the tasks posted after. The learner's page writes
 * a tap's records in a round once the tap's result is painted (`use_app`'s dispatcher, or at once
 * if the page is hidden or left): read its storage after this, not right after a click.
 */
export const painted = (page) => page.evaluate(() => new Promise((done) => {
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)));
}));

/** Ticks the right options of the question on screen, or one wrong option. Returns the question. */
export async function pick(page, right, lang = 'zh') {
  const q = await questionOnScreen(page, lang);
  const ids = right ? q.answer : [q.options.map((o) => o.id).find((id) => !q.answer.includes(id))];
  for (const id of ids) {
    // By the option's whole text: one option's text can be part of another's (investing-016: "50万元" and
    // "每个账户各最多50万元"), and a substring match would tick the other.
    const text = q.options.find((o) => o.id === id).text[lang];
    const whole = new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    await page.locator('button.option').filter({ has: page.locator('.option-text', { hasText: whole }) }).first().click();
  }
  return q;
}

/** Practice: answers the question on screen right or wrong, then reveals. Returns the question. */
export async function answer(page, right, lang = 'zh') {
  const q = await pick(page, right, lang);
  await page.getByRole('button', { name: words[lang].submit }).click();
  await page.locator('.verdict').waitFor();
  return q;
}
