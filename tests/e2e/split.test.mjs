// The phone's wasm in two parts (tools/split.mjs, public/loader.js): the start-up part draws the
// first screen on its own; the rest comes after it, and until it is in, taps are held and replayed
// once (never lost, never doubled); a call into the rest before it is in opens the page again with
// both parts loaded first; a rest that cannot be loaded ends in the "could not finish loading" notice.
//
// Every other end-to-end test is also a check of the split: a start-up path the build's profile
// missed logs a console error ("opening again with the whole app"), which fails the test it is in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { watchedPage, useBrowserAndServer, dist, precachedBy, holdRest } from './harness.mjs';
import { start, NO_SETTINGS, SCREENS } from './kiosk-harness.mjs';
import { setupFile } from './contest-harness.mjs';
import { dataSegments } from '../../tools/data-split.mjs';

const env = useBrowserAndServer();
const REST = /\/anxin-rest-[0-9a-f]+\.wasm$/;
const home = (page) => page.getByRole('heading', { name: '选一个主题，开始答题' });

test('the build splits the phone wasm in two, precaches both, and the page names both', () => {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const first = html.match(/data-anxin-wasm="\.\/([^"]+)"/)[1];
  const rest = html.match(/data-anxin-rest="\.\/([^"]+)"/)[1];
  assert.match(first, /^anxin-[0-9a-f]{16}_bg\.wasm$/);
  assert.match(rest, /^anxin-rest-[0-9a-f]{16}\.wasm$/);
  // The preload and its integrity are the start-up part's.
  assert.ok(html.includes(`<link rel="preload" href="./${first}"`), 'the preload names the start-up part');
  const wasms = fs.readdirSync(dist).filter((f) => /^anxin-.*\.wasm$/.test(f));
  assert.deepEqual(wasms.sort(), [first, rest].sort(), 'no unsplit phone wasm is left in dist/');
  const sw = precachedBy('sw.js');
  for (const f of [first, rest]) assert.ok(sw.includes(f), `sw.js misses ${f}`);
});

// tools/imports.mjs: what each page's wasm imports from its glue goes by short names (the
// wasm-bindgen names' hashes do not compress), each a key of the glue's import object.
test('every page imports its glue by short names, each one in the glue', () => {
  for (const page of ['index.html', 'kiosk.html', 'contest.html', 'desk.html']) {
    const html = fs.readFileSync(path.join(dist, page), 'utf8');
    const glueName = html.match(/data-anxin-js="\.\/([^"]+)"/)[1];
    const wasmName = html.match(/data-anxin-wasm="\.\/([^"]+)"/)[1];
    const glue = fs.readFileSync(path.join(dist, glueName), 'utf8');
    const module = `./${wasmName.replace(/-[0-9a-f]+_bg\.wasm$/, '')}_bg.js`;
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(fs.readFileSync(path.join(dist, wasmName))))
      .filter((i) => i.module === module);
    assert.ok(imports.length > 100, `${page}: ${imports.length} imports from ${module}`);
    for (const { name } of imports) {
      assert.ok(name.length <= 2, `${page}: ${name} is not short`);
      assert.match(glue, new RegExp(`[{,]${name}[:(]`), `${page}: ${name} is not a key of ${glueName}`);
    }
  }
});

// tools/data-split.mjs: the read-only data only the rest's code uses is written by the rest's own
// data segments, into the start-up part's memory, when the rest is instantiated.
const SPLIT_PAGES = ['index.html', 'kiosk.html', 'contest.html'];
const partsOf = (page) => {
  const html = fs.readFileSync(path.join(dist, page), 'utf8');
  const read = (attribute) => fs.readFileSync(path.join(dist, html.match(new RegExp(`${attribute}="\\./([^"]+)"`))[1]));
  return { first: dataSegments(read('data-anxin-wasm')), rest: dataSegments(read('data-anxin-rest')) };
};

test("each split page's rest carries the data only it uses, at addresses the start-up part leaves alone", () => {
  for (const page of SPLIT_PAGES) {
    const { first, rest } = partsOf(page);
    const moved = rest.reduce((sum, s) => sum + s.bytes.length, 0);
    // 30 to 37 KB when this was written; none would mean the build could not tell (its warning).
    assert.ok(moved > 16000, `${page}: ${moved} bytes of data in the rest`);
    const ranges = [...first.map((s) => ({ ...s, part: 'start-up' })), ...rest.map((s) => ({ ...s, part: 'rest' }))]
      .sort((a, b) => a.address - b.address);
    for (let i = 1; i < ranges.length; i++) {
      const [a, b] = [ranges[i - 1], ranges[i]];
      assert.ok(a.address + a.bytes.length <= b.address, `${page}: the ${a.part}'s segment at ${a.address} overlaps the ${b.part}'s at ${b.address}`);
    }
  }
});

test("the rest's data is not in memory before the rest arrives, and is there once it has", async () => {
  const { rest: segments } = partsOf('index.html');
  const sample = segments.filter((s) => s.bytes.some((b) => b)).slice(0, 40)
    .map((s) => ({ address: s.address, bytes: Array.from(s.bytes) }));
  const { page, problems } = await watchedPage(env.browser, env.origin);
  // The loader hands the wasm's exports (its memory) to a page that has this hook.
  await page.addInitScript(() => { window.__anxinTest = {}; });
  const rest = await holdRest(page);
  await page.goto(env.origin + '/');
  await home(page).waitFor();
  const read = () => page.evaluate((ranges) => {
    const memory = new Uint8Array(window.__anxinTest.exports.memory.buffer);
    return ranges.map((r) => Array.from(memory.subarray(r.address, r.address + r.bytes.length)));
  }, sample);
  for (const bytes of await read()) assert.ok(bytes.every((b) => b === 0), 'moved data is in memory before the rest');
  rest.release();
  await page.waitForFunction(() => performance.getEntriesByName('anxin-rest').length === 1);
  assert.deepEqual(await read(), sample.map((s) => s.bytes));
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('the start-up part alone draws the home screen; the banks wait for the rest', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  const rest = await holdRest(page);
  await page.goto(env.origin + '/');
  await home(page).waitFor();
  await page.locator('ul.topics-main button').first().waitFor();
  assert.equal(await page.evaluate(() => performance.getEntriesByName('anxin-ready').length), 1);
  assert.equal(rest.count(), 1, 'the rest is asked for once the first screen is up');
  assert.equal(await page.evaluate(() => performance.getEntriesByName('anxin-rest').length), 0);
  rest.release();
  await page.waitForFunction(() => performance.getEntriesByName('anxin-rest').length === 1);
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('taps while the rest is on its way are held, and the last one is applied once, when it arrives', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  const rest = await holdRest(page);
  await page.goto(env.origin + '/');
  await home(page).waitFor();
  const elder = page.locator('.topbar .elder-toggle');
  assert.equal(await elder.getAttribute('aria-pressed'), 'false');
  // A double tap on "large text": one effect, not two (which would leave it off).
  await elder.click();
  await elder.click();
  await page.waitForTimeout(300);
  assert.equal(await elder.getAttribute('aria-pressed'), 'false', 'nothing happens before the rest is in');
  rest.release();
  await page.waitForFunction(() => document.querySelector('.topbar .elder-toggle').getAttribute('aria-pressed') === 'true');
  await page.waitForTimeout(300);
  assert.equal(await elder.getAttribute('aria-pressed'), 'true', 'the held tap counted once');
  // After that, taps go straight through.
  await elder.click();
  await page.waitForFunction(() => document.querySelector('.topbar .elder-toggle').getAttribute('aria-pressed') === 'false');
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('contest: a setup file chosen (or dropped) while the rest is on its way is loaded once it arrives', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin, { viewport: { width: 1280, height: 720 } });
  const rest = await holdRest(page, /\/contest-rest-[0-9a-f]+\.wasm$/);
  await page.goto(env.origin + '/contest.html');
  await page.getByRole('heading', { name: '比赛设置' }).waitFor();
  const { text } = setupFile();
  // Setting the input's files fires its `change`, as a pick or a drop onto it does.
  await page.locator('input[type=file]').setInputFiles({ name: 'setup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForTimeout(300);
  assert.equal(await page.getByText('已载入“城区支行金融知识竞赛”。').count(), 0, 'held until the rest is in');
  rest.release();
  await page.getByText('已载入“城区支行金融知识竞赛”。').waitFor();
  assert.equal(await page.locator('.field-title input').inputValue(), '城区支行金融知识竞赛');
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test("contest: the setup's rounds and start button are built once the rest is in (their code is not in the start-up part)", async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin, { viewport: { width: 1280, height: 720 } });
  const rest = await holdRest(page, /\/contest-rest-[0-9a-f]+\.wasm$/);
  await page.goto(env.origin + '/contest.html');
  await page.getByRole('heading', { name: '比赛设置' }).waitFor();
  await page.getByRole('heading', { name: '参赛队' }).waitFor();
  await page.waitForTimeout(500);
  assert.equal(await page.locator('.setup-rounds, .setup-start').count(), 0, 'below the first screen, they wait for the rest');
  rest.release();
  await page.getByRole('heading', { name: '比赛环节（按顺序进行）' }).waitFor();
  await page.locator('.round-editor').nth(2).waitFor();
  await page.getByRole('button', { name: '开始比赛' }).waitFor();
  assert.doesNotMatch(page.url(), /whole/);
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('contest: the audience window loads both parts before it starts, without opening again', async () => {
  const html = fs.readFileSync(path.join(dist, 'contest.html'), 'utf8');
  assert.match(html, / data-anxin-whole-if="screen=audience"/);
  const { page, problems } = await watchedPage(env.browser, env.origin, { viewport: { width: 1280, height: 720 } });
  const rest = await holdRest(page, /\/contest-rest-[0-9a-f]+\.wasm$/);
  // As the host's window opens it.
  await page.goto(env.origin + '/contest.html?screen=audience&lang=zh');
  await page.waitForFunction(() => performance.getEntriesByName('anxin-ready').length === 0 && document.readyState === 'complete');
  await page.waitForTimeout(500);
  assert.equal(rest.count(), 1, 'the rest is asked for before the start');
  assert.equal(await page.evaluate(() => performance.getEntriesByName('anxin-ready').length), 0, 'the app waits for it');
  rest.release();
  await page.waitForFunction(() => performance.getEntriesByName('anxin-ready').length === 1);
  await page.locator('main.audience').waitFor();
  assert.equal(await page.evaluate(() => performance.getEntriesByName('anxin-rest').length), 1);
  assert.doesNotMatch(page.url(), /whole/);
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('a call into the rest before it is in opens the page again with both parts loaded first', async () => {
  // The loader hands its placeholders to the tests' hook object.
  const { page, problems } = await watchedPage(env.browser, env.origin, { init: () => { window.__anxinTest = {}; } });
  const rest = await holdRest(page);
  await page.goto(env.origin + '/?lang=en');
  await page.getByRole('heading', { name: 'Pick a topic to start' }).waitFor();
  // What the wasm does when it reaches a function of the rest (tools/split.mjs's placeholders).
  await page.evaluate(() => {
    try {
      window.__anxinTest.placeholders['7']();
    } catch {
      // The call is abandoned: that is the point.
    }
  });
  rest.release();
  await page.waitForURL(/[?&]whole$/);
  assert.match(page.url(), /\?lang=en&whole$/, 'the page keeps its query and gains `whole`');
  await page.getByRole('heading', { name: 'Pick a topic to start' }).waitFor();
  // Both parts were joined before the start: nothing is held.
  assert.equal(await page.evaluate(() => performance.getEntriesByName('anxin-rest').length), 1);
  await page.locator('.topbar .elder-toggle').click();
  assert.equal(await page.locator('.topbar .elder-toggle').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(problems(), ['console error: Anxin: opening again with the whole app loaded first (' + env.origin + '/loader.js)']);
  await page.context().close();
});

// Found by the reload matrix (reload.test.mjs): a reloaded kiosk page restores its scroll position,
// and the scroll event, which the kiosk counts as the customer's touch, reached the rest before it
// was in. The build's profile now scrolls the kiosk's first screen (tools/split.mjs).
test('kiosk: a scroll while the rest is on its way runs on the start-up part (no reopening)', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin, { viewport: SCREENS.landscape, allow: NO_SETTINGS });
  const rest = await holdRest(page, /\/kiosk-rest-[0-9a-f]+\.wasm$/);
  await page.goto(env.origin + '/kiosk.html');
  await start(page).waitFor();
  await page.evaluate(() => window.dispatchEvent(new Event('scroll')));
  await page.waitForTimeout(300);
  rest.release();
  await page.waitForFunction(() => performance.getEntriesByName('anxin-rest').length === 1);
  assert.doesNotMatch(page.url(), /whole/);
  assert.equal(rest.count(), 1);
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('a rest that cannot be loaded ends in the "could not finish loading" notice, after retries', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin, { allow: ['anxin-rest-'] });
  let asked = 0;
  await page.route(REST, (route) => {
    asked += 1;
    route.fulfill({ status: 503, body: '' });
  });
  await page.goto(env.origin + '/');
  await home(page).waitFor();
  const notice = page.getByRole('heading', { name: '“安心答”没能加载完成' });
  await notice.waitFor({ timeout: 15000 });
  assert.equal(asked, 3, 'three tries, two and four seconds apart');
  assert.deepEqual(problems().filter((p) => !p.startsWith('console error: Anxin could not load the rest')), []);
  await page.context().close();
});
