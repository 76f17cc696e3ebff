// A/B of the learner's answer and next taps by the main thread's CPU time, for changes too small for
// `make bench` to see: its tap timings are wall time at 4× CPU on a shared machine, and two runs of the same
// build differ by more than such a change. Here the CPU is not slowed, and each tap counts only the time
// the page's main thread ran (the trace's thread time), from the click's task to the end of the next frame,
// split into the click's handlers (with their microtasks), style, layout and the frame's steps.
//
//   node bench/taps.mjs RUNS name=dist … — e.g. `node bench/taps.mjs 4 before=/tmp/old-dist after=dist
//   vanilla=bench/peers/vanilla`: the builds are loaded in turn (before, after, vanilla, before, …), RUNS
//   times each, a new browser context each time; each load plays a 10-question practice of the fraud topic
//   (tick the first option, check, next), traced. A name starting with "vanilla" plays the vanilla quiz.
//   Prints each build's median / p75 per tap, in milliseconds.
//
// Not run by `make test` or `make bench`: a tool for a change's author.
import { serveAsHost, launch } from '../tests/e2e/harness.mjs';

const [runsArg, ...specs] = process.argv.slice(2);
if (!(Number(runsArg) > 0) || specs.length === 0 || !specs.every((s) => s.includes('='))) {
  console.error('usage: node bench/taps.mjs RUNS name=dist …');
  process.exit(2);
}
const PHASES = ['ev:click', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'FireAnimationFrame'];
const builds = [];
for (const spec of specs) {
  const [name, dir] = spec.split('=');
  builds.push({ name, server: await serveAsHost(dir), taps: {} });
}
const browser = await launch();

/** Marks each armed click and the end of the frame after it (a task posted from its frame callback). */
function instrument() {
  window.__taps = [];
  window.__armed = null;
  addEventListener('click', (event) => {
    const name = window.__armed;
    if (!name) return;
    window.__armed = null;
    const n = window.__taps.length;
    performance.mark(`tap-start-${n}-${name}`);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        performance.mark(`tap-end-${n}-${name}`);
        window.__taps.push(name);
      };
      channel.port2.postMessage(0);
    });
  }, true);
}

/** The trace's events, read from its stream. */
async function readTrace(cdp) {
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await done;
  let text = '';
  for (;;) {
    const { data, eof } = await cdp.send('IO.read', { handle: stream });
    text += data;
    if (eof) break;
  }
  const parsed = JSON.parse(text);
  return parsed.traceEvents || parsed;
}

/** Per marked tap: the main thread's CPU time from the click's task to the end mark, and by phase. */
function tapTimes(events) {
  const marks = {};
  for (const e of events) {
    const m = /^tap-(start|end)-(\d+)-(\w+)$/.exec(e.name);
    if (m) (marks[m[2]] ||= { name: m[3] })[m[1]] = e;
  }
  const taps = [];
  for (const { name, start, end } of Object.values(marks)) {
    if (!start || !end) continue;
    const onThread = (e) => e.ph === 'X' && e.pid === start.pid && e.tid === start.tid;
    const tasks = events.filter((e) => onThread(e) && e.name === 'ThreadControllerImpl::RunTask');
    const first = tasks.find((t) => t.ts <= start.ts && t.ts + t.dur >= start.ts);
    if (!first) continue;
    const within = (e) => e.ts >= first.ts && e.ts <= end.ts;
    const cpu = tasks.filter(within).reduce((sum, t) => sum + (t.tdur ?? t.dur), 0) / 1000;
    const phases = {};
    for (const e of events) {
      if (!onThread(e) || !within(e)) continue;
      const key = e.name === 'EventDispatch' ? `ev:${e.args?.data?.type}` : e.name;
      if (PHASES.includes(key)) phases[key] = (phases[key] || 0) + (e.tdur ?? e.dur) / 1000;
    }
    taps.push({ name, cpu, phases });
  }
  return taps;
}

async function play(build) {
  const vanilla = build.name.startsWith('vanilla');
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'zh-CN', viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.addInitScript(instrument);
  await page.goto(`${build.server.origin}/index.html`);
  if (!vanilla) {
    await page.waitForFunction(() => performance.getEntriesByName('anxin-ready').length > 0);
    await page.evaluate(() => window.anxinRest);
  }
  await page.waitForTimeout(1500);
  const tap = async (name, locator) => {
    await locator.waitFor();
    await page.waitForTimeout(100);
    const before = await page.evaluate((n) => { window.__armed = n; return window.__taps.length; }, name);
    await locator.click();
    await page.waitForFunction((n) => window.__taps.length > n, before, { polling: 'raf' });
  };
  if (vanilla) await page.getByRole('button', { name: '开始' }).click();
  else {
    await page.locator('.topic-fraud').click();
    await page.getByRole('button', { name: '练习', exact: true }).click();
    await page.getByText(/所选范围共有/).waitFor();
    await page.getByRole('button', { name: '开始', exact: true }).click();
  }
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,blink.user_timing', transferMode: 'ReturnAsStream' });
  for (let i = 1; i <= 10; i++) {
    await page.getByText(new RegExp(`第 ${i} 题 / 共 \\d+ 题`)).waitFor();
    if (vanilla) {
      await tap('answer', page.locator('main button').first());
      await page.getByText(/回答(正确|错误)/).waitFor();
    } else {
      await page.locator('button.option').first().click();
      await tap('answer', page.getByRole('button', { name: '确认答案' }));
      await page.locator('.verdict').first().waitFor();
    }
    if (i < 10) await tap('next', page.getByRole('button', { name: '下一题' }));
  }
  for (const t of tapTimes(await readTrace(cdp))) (build.taps[t.name] ||= []).push(t);
  await context.close();
}

for (let run = 0; run < Number(runsArg); run++) for (const build of builds) await play(build);
await browser.close();

const quantile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
};
const ms = (values) => `${quantile(values, 0.5).toFixed(2)} / ${quantile(values, 0.75).toFixed(2)}`;
for (const build of builds) {
  build.server.close();
  for (const [name, taps] of Object.entries(build.taps)) {
    const phases = PHASES.filter((p) => taps.some((t) => p in t.phases))
      .map((p) => `${p} ${quantile(taps.map((t) => t.phases[p] || 0), 0.5).toFixed(2)}`);
    console.log(`${build.name} ${name} (${taps.length} taps): CPU ${ms(taps.map((t) => t.cpu))} ms | medians: ${phases.join(', ')}`);
  }
}
