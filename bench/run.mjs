// `make bench`, the browser half: Anxin against the quiz apps people would otherwise get, in one run.
//
// Three apps, each served by its own host-like server (brotli, COOP/COEP: `serveAsHost`):
//   vanilla  bench/peers/vanilla/index.html, ~60 lines of plain JavaScript (the floor);
//   react    react-quiz-component 0.9 on React 18, bundled here by esbuild from bench/.peers
//            (`make bench` installs it there first; nothing is vendored);
//   anxin    dist/ as built.
// Two profiles: `phone` (CPU 4× slower and slow 4G through the DevTools protocol) and `unthrottled`.
// Interleaved: run 1 does phone vanilla, react, anxin, then unthrottled vanilla, react, anxin; run 2 the
// same, and so on (BENCH_RUNS, default 5); each load in a new browser context (cold cache, no service
// worker). Medians (and p75 for taps) go to bench/results.json and, as Markdown, to stdout and into the
// README between `<!-- bench:start -->` and `<!-- bench:end -->`, with the dist/ sizes and the domain
// steps (`cargo bench --bench domain`, natively; BENCH_DOMAIN=0 leaves them out).
//
// "Ready" is the page's own `performance.mark('anxin-ready')`: Anxin marks it when the home screen's
// topic buttons render (src/ui/screens/home.rs), each peer when its start button is in the DOM. A build
// of Anxin without the mark is timed by the moment `.topic-fraud` enters the DOM instead (a
// MutationObserver, in the same task as the mark would be); the output says which one was used.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { serveAsHost, launch, dist, root } from '../tests/e2e/harness.mjs';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || 5));
const peersDir = path.join(root, 'bench', '.peers');
const readme = path.join(root, 'README.md');
const resultsFile = path.join(root, 'bench', 'results.json');

/** Slow 4G as Lighthouse's mobile preset has it; bytes per second for the DevTools protocol. */
const PROFILES = {
  phone: {
    label: 'phone: CPU 4× slower, 562.5 ms round trip, 1.47 Mbit/s down, 675 kbit/s up',
    cpu: 4,
    network: { offline: false, latency: 562.5, downloadThroughput: 1.47e6 / 8, uploadThroughput: 675e3 / 8 },
  },
  unthrottled: { label: 'unthrottled: local server, full CPU', cpu: 1, network: null },
};

const QUESTIONS = 10;

// ---------------------------------------------------------------- the apps and how to play them

/** Anxin: topic → practice of 10 → for each question: tick an option, check, next. */
async function playAnxin(page, tap) {
  await tap('topic', page.locator('.topic-fraud'));
  await page.getByRole('heading', { name: '选择练习方式' }).waitFor();
  await page.getByRole('button', { name: '练习', exact: true }).click();
  await page.getByText(/所选范围共有/).waitFor();
  await tap('start', page.getByRole('button', { name: '开始', exact: true }));
  for (let i = 1; i <= QUESTIONS; i++) {
    await page.getByText(`第 ${i} 题 / 共 ${QUESTIONS} 题`).waitFor();
    await tap('option', page.locator('button.option').first());
    await tap('answer', page.getByRole('button', { name: '确认答案' }));
    await page.locator('.verdict').waitFor();
    if (i < QUESTIONS) await tap('next', page.getByRole('button', { name: '下一题' }));
  }
  await page.getByRole('button', { name: '查看成绩' }).click();
  await page.getByRole('button', { name: '返回首页' }).first().waitFor();
}

/** The floor: start → for each question: an option (feedback at once), next. */
async function playVanilla(page, tap) {
  await tap('start', page.getByRole('button', { name: '开始' }));
  for (let i = 1; i <= QUESTIONS; i++) {
    await page.getByText(`第 ${i} 题 / 共 ${QUESTIONS} 题`).waitFor();
    await tap('answer', page.locator('main button').first());
    await page.getByText(/回答(正确|错误)/).waitFor();
    if (i < QUESTIONS) await tap('next', page.getByRole('button', { name: '下一题' }));
  }
  await page.getByRole('button', { name: '查看成绩' }).click();
  await page.getByRole('button', { name: '返回首页' }).waitFor();
}

/** react-quiz-component with instant feedback: start → for each question: an answer, next. */
async function playReact(page, tap) {
  await tap('start', page.locator('.startQuizBtn'));
  for (let i = 1; i <= QUESTIONS; i++) {
    await page.locator('.answerBtn').first().waitFor();
    await tap('answer', page.locator('.answerBtn').first());
    await page.locator('.alert').first().waitFor();
    if (i < QUESTIONS) {
      await tap('next', page.locator('.nextQuestionBtn'));
      await page.locator('.alert').first().waitFor({ state: 'detached' });
    }
  }
  await page.locator('.nextQuestionBtn').click();
  await page.locator('.quiz-result-filter').first().waitFor();
}

/** The kiosk, as a walk-up customer: "touch to start" → a topic → for each question of the session: tick
 *  an option, check, next → the end card. */
async function playKiosk(page, tap) {
  await tap('start', page.locator('button.start'));
  await page.getByRole('heading', { name: '想了解哪方面？' }).waitFor();
  await tap('topic', page.locator('.kiosk-topic.topic-fraud'));
  const position = await page.getByText(/^第 1 题 \/ 共 \d+ 题$/).innerText();
  const total = Number(position.match(/共 (\d+) 题/)[1]);
  for (let i = 1; i <= total; i++) {
    await page.getByText(`第 ${i} 题 / 共 ${total} 题`).waitFor();
    await tap('option', page.locator('button.option').first());
    await tap('answer', page.getByRole('button', { name: '确认答案' }));
    await page.locator('.verdict').waitFor();
    if (i < total) await tap('next', page.getByRole('button', { name: '下一题' }));
  }
  await page.getByRole('button', { name: '查看成绩' }).click();
  await page.getByRole('heading', { name: '答完了' }).waitFor();
}

const APPS = [
  { id: 'vanilla', label: 'vanilla JS (floor)', readySelector: 'button', play: playVanilla },
  { id: 'react', label: 'react-quiz-component 0.9 (React 18)', readySelector: '.startQuizBtn', play: playReact },
  {
    id: 'anxin', label: 'Anxin', readySelector: '.topic-fraud', play: playAnxin,
    // Every bank fetched and validated: the daily set becomes available.
    settledSelector: '.topic-daily[aria-disabled="false"]',
  },
  // Anxin's other pages, each on its own screen: their budgets are the phone's. The kiosk is played
  // as a customer would (a session from the attract screen); the contest is loaded only.
  // A kiosk is opened before the branch opens and its first customer walks up later: here two
  // seconds after it has settled (every bank in: its own mark).
  {
    id: 'kiosk', label: 'Anxin kiosk.html', path: '/kiosk.html', readySelector: 'button.start', settledMark: 'anxin-settled', idleBeforePlay: 2000,
    play: playKiosk, viewport: { width: 1080, height: 1920 },
  },
  { id: 'contest', label: 'Anxin contest.html', path: '/contest.html', readySelector: '.shell', viewport: { width: 1280, height: 720 } },
];

// ---------------------------------------------------------------- builds

/** Bundles the react peer with esbuild from bench/.peers into a folder to serve. */
async function buildReactPeer() {
  const require = createRequire(path.join(peersDir, 'package.json'));
  let esbuild;
  try {
    esbuild = require('esbuild');
  } catch {
    throw new Error('bench/.peers has no esbuild: run `make bench` (it installs the peers first)');
  }
  const out = path.join(peersDir, 'react-dist');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(root, 'bench', 'peers', 'react', 'main.js')],
    bundle: true, minify: true, format: 'iife', target: 'es2020', legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    nodePaths: [path.join(peersDir, 'node_modules')],
    outfile: path.join(out, 'app.js'), logLevel: 'warning',
  });
  fs.copyFileSync(path.join(root, 'bench', 'peers', 'react', 'index.html'), path.join(out, 'index.html'));
  return out;
}

function versionOf(name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(peersDir, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- in-page instruments

/**
 * Runs in every page before its own scripts: long tasks, LCP candidates, the moment the ready (and
 * settled) selectors first match, and tap timings (a capturing click listener: from the click event's
 * timestamp to the end of the next frame, i.e. a message posted from the next requestAnimationFrame,
 * which runs after that frame's style, layout and paint).
 */
function instrument({ readySelector, settledSelector, settledMark }) {
  const b = (window.__bench = { long: [], lcp: [], domReady: null, settled: null, taps: [], armed: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.lcp.push(e.startTime);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    if (settledMark) {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === settledMark && b.settled === null) b.settled = e.startTime;
      }).observe({ type: 'mark', buffered: true });
    }
  } catch {
    // An engine without these entry types: the metrics stay empty and are reported as missing.
  }
  const watch = new MutationObserver(() => {
    const now = performance.now();
    if (b.domReady === null && document.querySelector(readySelector)) b.domReady = now;
    if (b.settled === null && !settledMark && (!settledSelector || document.querySelector(settledSelector))) b.settled = now;
    if (b.domReady !== null && (b.settled !== null || settledMark)) watch.disconnect();
  });
  watch.observe(document, { childList: true, subtree: true, attributes: true });
  addEventListener('click', (event) => {
    const name = b.armed;
    if (!name) return;
    b.armed = null;
    const start = event.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => b.taps.push({ name, ms: performance.now() - start, end: performance.now() });
      channel.port2.postMessage(0);
    });
  }, true);
}

/** Load metrics, read in the page once it is ready and settled. */
function loadMetrics() {
  const b = window.__bench;
  const mark = performance.getEntriesByName('anxin-ready', 'mark')[0];
  const ready = mark ? mark.startTime : b.domReady;
  const entries = [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
    .filter(Boolean)
    .map((e) => ({
      name: e.name, initiator: e.initiatorType, start: e.startTime, end: e.responseEnd, transfer: e.transferSize, body: e.encodedBodySize,
    }));
  // A first visit to a split page (tools/split.mjs): when the rest of its wasm is in (taps are held
  // until then).
  const rest = performance.getEntriesByName('anxin-rest', 'mark')[0];
  return {
    ready, readySource: mark ? 'mark' : 'dom', rest: rest ? rest.startTime : null, settled: b.settled, entries, long: b.long.slice(), lcp: b.lcp.slice(),
  };
}

/** `performance.measureUserAgentSpecificMemory()` (needs cross-origin isolation), else the JS heap through CDP. */
async function memory(page, cdp) {
  const bytes = await page.evaluate(async () => {
    if (!self.crossOriginIsolated || !performance.measureUserAgentSpecificMemory) return null;
    return (await performance.measureUserAgentSpecificMemory()).bytes;
  });
  if (bytes !== null) return { bytes, source: 'measureUserAgentSpecificMemory' };
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return { bytes: usedSize, source: 'JS heap (CDP Runtime.getHeapUsage)' };
}

// ---------------------------------------------------------------- one measurement

/**
 * Request waves before ready: a request is one wave after the latest request that ended before it
 * started. The browser's own favicon fetch (initiator `other`) starts when the browser gets to it, not
 * because something waited for it, so it is left out of the chain (its bytes still count).
 */
function roundTrips(entries) {
  const sorted = entries.filter((e) => e.initiator !== 'other').sort((a, b) => a.start - b.start);
  const wave = [];
  for (const [i, e] of sorted.entries()) {
    let w = 1;
    for (let j = 0; j < i; j++) if (sorted[j].end <= e.start) w = Math.max(w, wave[j] + 1);
    wave.push(w);
  }
  return Math.max(0, ...wave);
}

async function measureOnce(browser, app, origin, profile) {
  const context = await browser.newContext({ viewport: app.viewport || { width: 360, height: 780 }, serviceWorkers: 'block' });
  try {
    await context.addInitScript(instrument, { readySelector: app.readySelector, settledSelector: app.settledSelector || null, settledMark: app.settledMark || null });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
    page.setDefaultTimeout(60_000);

    await page.goto(origin + (app.path || '/'), { waitUntil: 'load', timeout: 90_000 });
    await page.waitForFunction(() => window.__bench.settled !== null
      && (performance.getEntriesByName('anxin-ready', 'mark').length > 0 || window.__bench.domReady !== null), null, { polling: 100, timeout: 90_000 });
    // The paint of the ready screen reports its LCP candidate a little after the frame (later still
    // with the CPU slowed): two frames, then wait for a candidate (5 s at most), then a short grace.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.waitForFunction(() => window.__bench.lcp.length > 0, null, { polling: 50, timeout: 5_000 }).catch(() => {});
    await page.waitForTimeout(250);
    const load = await page.evaluate(loadMetrics);
    const memoryAfterLoad = await memory(page, cdp);

    // A tap as a finger makes it: pressed at the control's centre, released 60 ms later (two input
    // events, two tasks). Not Playwright's \`locator.click()\`: its check that the press lands on the
    // control runs a script of its own on the press, with a style recalculation, inside the tap's
    // task (5–12 ms of it at 4× CPU), and it sends the press and the release at once (one task).
    const tap = async (name, locator) => {
      await locator.waitFor();
      await locator.scrollIntoViewIfNeeded();
      const box = await locator.boundingBox();
      if (!box) throw new Error(`${name}: nothing to tap`);
      const before = await page.evaluate((n) => { window.__bench.armed = n; return window.__bench.taps.length; }, name);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { delay: 60 });
      await page.waitForFunction((n) => window.__bench.taps.length > n, before, { polling: 'raf' });
    };
    if (app.idleBeforePlay) await page.waitForTimeout(app.idleBeforePlay);
    if (app.play) await app.play(page, tap);
    const taps = await page.evaluate(() => window.__bench.taps);
    const allLong = await page.evaluate(() => window.__bench.long);
    const memoryAfterQuiz = app.play ? await memory(page, cdp) : { bytes: null, source: null };
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);

    const before = load.entries.filter((e) => e.end <= load.ready);
    const longToReady = load.long.filter((t) => t.start < load.ready);
    const firstAnswer = taps.find((t) => t.name === 'answer');
    const longToAnswer = allLong.filter((t) => !firstAnswer || t.start < firstAnswer.end);
    const tapsByName = {};
    for (const t of taps) (tapsByName[t.name] ||= []).push(t.ms);
    // Where each long task to the first answer fell: in a tap (from its click to its frame, the pointer's
    // events a few ms before the click included), before ready, or after ready between taps (banks, the
    // rest of the wasm, a rehearsal).
    const during = (t) => {
      const tap = taps.find((x) => t.start >= x.end - x.ms - 5 && t.start <= x.end);
      if (tap) return `tap: ${tap.name}`;
      return t.start < load.ready ? 'load, before ready' : 'after ready, between taps';
    };
    return {
      ready: load.ready,
      readySource: load.readySource,
      rest: load.rest,
      settled: app.settledSelector || app.settledMark ? load.settled : null,
      bytes: before.reduce((sum, e) => sum + e.transfer, 0),
      requests: before.length,
      timeline: load.entries.map((e) => ({
        path: new URL(e.name).pathname, initiator: e.initiator, start: Math.round(e.start), end: Math.round(e.end), bytes: e.transfer, beforeReady: e.end <= load.ready,
      })),
      roundTrips: roundTrips(before),
      lcp: load.lcp.length ? Math.max(...load.lcp.filter((t) => t <= load.ready + 10_000)) : null,
      tbt: longToReady.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
      longestToReady: Math.max(0, ...longToReady.map((t) => t.duration)),
      longestToAnswer: Math.max(0, ...longToAnswer.map((t) => t.duration)),
      longTasks: longToAnswer.map((t) => ({ start: Math.round(t.start), duration: Math.round(t.duration), during: during(t) })),
      taps: tapsByName,
      memoryAfterLoad: memoryAfterLoad.bytes,
      memoryAfterQuiz: memoryAfterQuiz.bytes,
      memorySource: memoryAfterQuiz.source,
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- statistics and tables

const quantile = (xs, q) => {
  const s = xs.filter((x) => x !== null && x !== undefined && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.ceil(pos)] - s[lo]) * (pos - lo);
};
const median = (xs) => quantile(xs, 0.5);

function summarise(runs) {
  const ok = runs.filter((r) => !r.error);
  const pick = (key) => median(ok.map((r) => r[key]));
  const tapNames = [...new Set(ok.flatMap((r) => Object.keys(r.taps)))];
  const taps = {};
  for (const name of tapNames) {
    const all = ok.flatMap((r) => r.taps[name] || []);
    taps[name] = { median: median(all), p75: quantile(all, 0.75), samples: all.length };
  }
  return {
    runs: ok.length,
    failed: runs.length - ok.length,
    readySource: [...new Set(ok.map((r) => r.readySource))].join('+') || null,
    memorySource: [...new Set(ok.map((r) => r.memorySource))].join('+') || null,
    bytes: pick('bytes'), requests: pick('requests'), roundTrips: pick('roundTrips'), ready: pick('ready'),
    lcp: pick('lcp'), tbt: pick('tbt'), longestToReady: pick('longestToReady'), longestToAnswer: pick('longestToAnswer'),
    settled: pick('settled'), rest: pick('rest'), memoryAfterLoad: pick('memoryAfterLoad'), memoryAfterQuiz: pick('memoryAfterQuiz'), taps,
  };
}

const kb = (b) => (b === null ? '—' : b < 10_240 ? `${(b / 1024).toFixed(1)} KB` : `${Math.round(b / 1024)} KB`);
const mb = (b) => (b === null ? '—' : `${(b / 1048576).toFixed(2)} MB`);
const ms = (t) => (t === null ? '—' : t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${Math.round(t)} ms`);
const count = (n) => (n === null ? '—' : String(Math.round(n * 10) / 10));
const ratio = (a, b) => (a === null || b === null || b === 0 ? '—' : `${(a / b).toFixed(a / b >= 10 ? 0 : 2)}×`);

function table(profileKey, summary) {
  const { vanilla: v, react: r, anxin: a } = summary;
  const tapCell = (s, name) => (s.taps[name] ? `${ms(s.taps[name].median)} / ${ms(s.taps[name].p75)}` : '—');
  const tapRatio = (name, other, otherName = name) =>
    a.taps[name] && other.taps[otherName] ? ratio(a.taps[name].p75, other.taps[otherName].p75) : '—';
  const rows = [
    ['transferred before ready (brotli)', kb, 'bytes'],
    ['requests before ready', count, 'requests'],
    ['round trips before ready', count, 'roundTrips'],
    ['ready (first screen usable)', ms, 'ready'],
    ['largest contentful paint', ms, 'lcp'],
    ['total blocking time, to ready', ms, 'tbt'],
    ['longest task, to ready', ms, 'longestToReady'],
    ['longest task, load → first answer', ms, 'longestToAnswer'],
    ['memory after load', mb, 'memoryAfterLoad'],
    ['memory after a 10-question round', mb, 'memoryAfterQuiz'],
  ];
  const lines = [
    `**${PROFILES[profileKey].label}** — cold cache, brotli, median of ${Math.min(v.runs, r.runs, a.runs)} interleaved runs`,
    '',
    '| | vanilla JS (floor) | react-quiz-component | Anxin | Anxin ÷ vanilla | Anxin ÷ react |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const [label, fmt, key] of rows) {
    lines.push(`| ${label} | ${fmt(v[key])} | ${fmt(r[key])} | **${fmt(a[key])}** | ${ratio(a[key], v[key])} | ${ratio(a[key], r[key])} |`);
  }
  lines.push(`| tap start → next frame, median / p75 | ${tapCell(v, 'start')} | ${tapCell(r, 'start')} | **${tapCell(a, 'start')}** | ${tapRatio('start', v)} | ${tapRatio('start', r)} |`);
  lines.push(`| tap answer → feedback painted, median / p75 | ${tapCell(v, 'answer')} | ${tapCell(r, 'answer')} | **${tapCell(a, 'answer')}** | ${tapRatio('answer', v)} | ${tapRatio('answer', r)} |`);
  lines.push(`| tap next → next question painted, median / p75 | ${tapCell(v, 'next')} | ${tapCell(r, 'next')} | **${tapCell(a, 'next')}** | ${tapRatio('next', v)} | ${tapRatio('next', r)} |`);
  lines.push(`| Anxin only: tap a topic / tick an option, median / p75 | | | ${tapCell(a, 'topic')}; ${tapCell(a, 'option')} | | |`);
  lines.push(`| Anxin only: the rest of the wasm in (a first visit's taps wait for it) | | | ${ms(a.rest)} | | |`);
  lines.push(`| Anxin only: every bank fetched and validated | | | ${ms(a.settled)} | | |`);
  return lines.join('\n');
}

/** Anxin's other pages against the React quiz's load in the same run: the kiosk played, the contest loaded. */
function pagesTable(profileKey, summary) {
  const r = summary.react;
  const v = summary.vanilla;
  const lines = [
    `**Anxin's other pages, ${profileKey}** — kiosk at 1080×1920 (a customer's session from the attract screen), contest at 1280×720 (loaded only), median of ${Math.min(summary.kiosk.runs, summary.contest.runs)} interleaved runs`,
    '',
    '| | transferred before ready | ready | ready ÷ react | largest contentful paint | longest task, to ready | longest task, load → first answer | taps "start" / topic, p75 | answer p75 (÷ vanilla) | next p75 (÷ vanilla) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const p75 = (s, name) => (s.taps[name] ? s.taps[name].p75 : null);
  const played = (p, cell) => (Object.keys(p.taps).length ? cell() : '—');
  for (const id of ['kiosk', 'contest']) {
    const p = summary[id];
    lines.push(`| \`${id}.html\` | ${kb(p.bytes)} | ${ms(p.ready)} | ${ratio(p.ready, r.ready)} | ${ms(p.lcp)} | ${ms(p.longestToReady)} | ` +
      `${played(p, () => ms(p.longestToAnswer))} | ${played(p, () => `${ms(p75(p, 'start'))} / ${ms(p75(p, 'topic'))}`)} | ` +
      `${played(p, () => `${ms(p75(p, 'answer'))} (${ratio(p75(p, 'answer'), p75(v, 'answer'))})`)} | ` +
      `${played(p, () => `${ms(p75(p, 'next'))} (${ratio(p75(p, 'next'), p75(v, 'next'))})`)} |`);
  }
  return lines.join('\n');
}

function notes(summary) {
  const a = summary.anxin;
  const ready = a.readySource === 'mark'
    ? "Anxin's ready is its own `performance.mark('anxin-ready')`."
    : a.readySource === 'dom'
      ? "Anxin's ready: this build has no `anxin-ready` mark, so it is the moment `.topic-fraud` entered the DOM."
      : `Anxin's ready: the mark in some runs, \`.topic-fraud\` entering the DOM in others (${a.readySource}).`;
  const memorySources = [...new Set(Object.values(summary).map((s) => s.memorySource).filter(Boolean))].join(', ');
  return [
    `${ready} The peers mark the same name when their start button is in the DOM.`,
    `Memory: ${memorySources}. Taps: pressed at the control's centre and released 60 ms later (Playwright's mouse, as a finger taps), timed from the click event to the end of the next frame; ` +
      "Anxin's answer tap is its check button (an option is ticked first), the peers give feedback on the option itself. " +
      'Ratios on taps compare p75s. Bytes are resource-timing transfer sizes (headers included) of the responses finished before ready; ' +
      'round trips are the longest chain of those requests in which each starts after the one before it ended (the favicon left out). ' +
      "Memory after load is read once the app has settled (for Anxin: every bank loaded). Each run's requests are in bench/results.json.",
  ].join('\n');
}

function sizes() {
  const rows = [];
  const walk = (dir) => {
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (fs.statSync(file).isDirectory()) walk(file);
      // The precompressed copies (tools/compress.mjs): their sizes are the columns below.
      else if (!/\.(br|gz)$/.test(name)) {
        const raw = fs.readFileSync(file);
        rows.push([
          path.relative(dist, file).replace(/-[0-9a-f]{8,}(?=[._])/, '-<hash>'), raw.length,
          zlib.gzipSync(raw, { level: 9 }).length,
          zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
        ]);
      }
    }
  };
  walk(dist);
  rows.sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((t, r) => [t[0] + r[1], t[1] + r[2], t[2] + r[3]], [0, 0, 0]);
  const n = (x) => x.toLocaleString('en');
  return [
    '| dist/ file | raw bytes | gzip -9 bytes | brotli 11 bytes |',
    '|---|---:|---:|---:|',
    ...rows.map(([name, raw, gz, br]) => `| ${name} | ${n(raw)} | ${n(gz)} | ${n(br)} |`),
    `| **total** | ${n(total[0])} | ${n(total[1])} | ${n(total[2])} |`,
  ].join('\n');
}

/** The domain steps, natively in a release build (`benches/domain.rs` prints its own Markdown table). */
function domain() {
  const run = spawnSync('cargo', ['bench', '--bench', 'domain'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) throw new Error('cargo bench --bench domain failed');
  return run.stdout.trim();
}

function writeReadme(markdown) {
  const text = fs.readFileSync(readme, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) {
    console.error(`README.md has no ${start} … ${end} block: the tables were not written into it.`);
    return;
  }
  fs.writeFileSync(readme, `${text.slice(0, i + start.length)}\n${markdown}\n${text.slice(j)}`);
}

// ---------------------------------------------------------------- main

async function main() {
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`no build in ${dist}: run \`make dist\``);
  const started = Date.now();
  // First, while nothing else runs: it may have to compile.
  const domainTable = process.env.BENCH_DOMAIN === '0' ? null : domain();
  const reactDir = await buildReactPeer();
  const dirs = { vanilla: path.join(root, 'bench', 'peers', 'vanilla'), react: reactDir, anxin: dist, kiosk: dist, contest: dist };
  const servers = {};
  for (const app of APPS) servers[app.id] = await serveAsHost(dirs[app.id]);
  // ForceEagerMeasureMemory: measureUserAgentSpecificMemory answers at once instead of at the next GC.
  const browser = await launch(['--enable-blink-features=ForceEagerMeasureMemory']);
  const chromium = browser.version();
  const raw = Object.fromEntries(Object.keys(PROFILES).map((p) => [p, Object.fromEntries(APPS.map((app) => [app.id, []]))]));
  try {
    for (let run = 1; run <= RUNS; run++) {
      for (const profile of Object.keys(PROFILES)) {
        for (const app of APPS) {
          const t = Date.now();
          let result;
          try {
            result = await measureOnce(browser, app, servers[app.id].origin, PROFILES[profile]);
          } catch (e) {
            result = { error: String(e.message || e).split('\n')[0] };
          }
          raw[profile][app.id].push(result);
          const said = result.error ? `FAILED: ${result.error}` : `ready ${ms(result.ready)}, ${kb(result.bytes)}`;
          console.error(`run ${run}/${RUNS} ${profile.padEnd(11)} ${app.id.padEnd(7)} ${said} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
        }
      }
    }
  } finally {
    await browser.close();
    for (const s of Object.values(servers)) s.close();
  }

  const summary = {};
  for (const profile of Object.keys(PROFILES)) {
    summary[profile] = {};
    for (const app of APPS) summary[profile][app.id] = summarise(raw[profile][app.id]);
  }
  const date = new Date().toISOString().slice(0, 10);
  const versions = { chromium, react: versionOf('react'), 'react-dom': versionOf('react-dom'), 'react-quiz-component': versionOf('react-quiz-component'), esbuild: versionOf('esbuild') };
  const markdown = [
    `Measured ${date} by \`make bench\` (BENCH_RUNS=${RUNS}, ${((Date.now() - started) / 1000).toFixed(0)} s) in Chromium ${chromium} ` +
      `(headless, Playwright), on the 2-core build machine; react-quiz-component ${versions['react-quiz-component']}, ` +
      `React ${versions.react}, bundled by esbuild ${versions.esbuild}. Each app served by a Node server with brotli and COOP/COEP.`,
    '',
    table('phone', summary.phone),
    '',
    table('unthrottled', summary.unthrottled),
    '',
    pagesTable('phone', summary.phone),
    '',
    notes(summary.phone),
    '',
    sizes(),
    ...(domainTable ? ['', domainTable] : []),
  ].join('\n');
  fs.writeFileSync(resultsFile, JSON.stringify({ date, runs: RUNS, versions, profiles: PROFILES, summary, raw }, null, 2) + '\n');
  writeReadme(markdown);
  console.log(markdown);
  const failed = Object.values(summary).flatMap((p) => Object.values(p)).reduce((n, s) => n + s.failed, 0);
  if (failed) {
    console.error(`${failed} measurement(s) failed; see bench/results.json`);
    process.exitCode = 1;
  }
}

await main();
