// The crash-and-reload matrix (issue 14): on every page a real flow is walked, and after EVERY step
// the page is read, reloaded as a killed webview or a crashed browser would be, and read again. The
// state after the reload must be the state before (the learner's practice and quiz; the contest's
// match, on the host's window and on the audience window, timer within a tolerance, and an undo after
// a reload takes back the step before it), or, where the page defines another outcome, that outcome
// (the kiosk: back to the attract screen with its statistics exactly as before, the operator panel
// locked again with the PIN and its wrong tries kept). Each flow is a list of steps, one line each;
// adding a step adds a reload. Every test fails on a console error, a failed request or a request to
// another origin (the harness).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { watchedPage, useBrowserAndServer, setUpRound, pick, answer, words, readIndex, readBank } from './harness.mjs';
import { topicName } from './topics.mjs';
import { start, stillThere, openKiosk, storedStats, holdCorner, typePin, NO_SETTINGS } from './kiosk-harness.mjs';
import { PAGE, setupFile, scores } from './contest-harness.mjs';

const env = useBrowserAndServer();
const zh = words.zh;

/**
 * What a window shows, normalised: the headings, the buttons (with pressed / disabled), the
 * options (ticked or not), dialogs and the other visible text of `main` (or the page), leaving out
 * `ignore` (text that changes by itself: a rotating tip, a running countdown) and live regions.
 */
function shown(page, { ignore = [] } = {}) {
  return page.evaluate((ignore) => {
    const root = document.querySelector('main') || document.body;
    const skip = (el) => el.closest(['[aria-live]', '.sr-only', ...ignore].join(', '));
    // Laid out but invisible (a practice's feedback prepared before the check) is not shown.
    const visible = (el) => el.getClientRects().length > 0 && el.checkVisibility({ visibilityProperty: true }) && !skip(el);
    const text = (el) => el.innerText.replace(/\s+/g, ' ').trim();
    const all = (sel, from = document) => [...from.querySelectorAll(sel)].filter(visible);
    const mark = (b) => `${text(b) || b.getAttribute('aria-label')}${b.getAttribute('aria-pressed') === 'true' ? ' [pressed]' : ''}${b.disabled || b.getAttribute('aria-disabled') === 'true' ? ' [disabled]' : ''}`;
    return {
      lang: document.documentElement.lang,
      elder: document.documentElement.classList.contains('elder'),
      headings: all('h1, h2, h3').map(text),
      buttons: all('button').map(mark),
      dialogs: all('[role=alertdialog], [role=dialog]').map(text),
      text: all('p, li, dd, td, th', root).map(text).filter(Boolean),
    };
  }, ignore);
}

/** Reads `read()` until it equals `want` (after `near`), or `ms` pass; returns the last reading. */
async function until(read, want, near = (s) => s, ms = 8_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const got = near(await read(), want);
    if (isDeepStrictEqual(got, want) || Date.now() > deadline) return got;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Where `got` differs from `want`, one line per difference (so a failure names what a reload lost). */
function differences(got, want, at = '') {
  if (isDeepStrictEqual(got, want)) return [];
  if (got && want && typeof got === 'object' && typeof want === 'object' && Array.isArray(got) === Array.isArray(want)) {
    const keys = [...new Set([...Object.keys(want), ...Object.keys(got)])];
    return keys.flatMap((k) => differences(got[k], want[k], `${at}.${k}`));
  }
  return [`${at || 'state'}: ${JSON.stringify(want)} became ${JSON.stringify(got)}`];
}

/** Asserts `got` equals `want`, naming each difference. */
function assertSame(got, want, what) {
  const lines = differences(got, want);
  const more = lines.length > 8 ? [`… and ${lines.length - 8} more`] : [];
  assert.ok(lines.length === 0, `${what}:\n  ${[...lines.slice(0, 8), ...more].join('\n  ')}`);
}

/**
 * The matrix on one flow. `steps`: `{ name, act, same? }`, walked in order; after each `act` the
 * state is read (`read`), the page reloaded (`reload`) and read again until it equals
 * `outcome(before)` (the same state unless the page defines another); `verify(before, step, k)`
 * may check more. `same: 'step'` also asserts the state after this step equals the one after that
 * step, on `core(state)` (an undo). With `restart`, a reload ends the flow (the kiosk), so before
 * each step `restart()` is called and the steps before it are walked again. Returns the number of
 * reloads.
 */
async function walk(steps, { read, reload, outcome = (s) => s, near, core = (s) => s, verify, restart, problems = () => [] }) {
  const seen = new Map();
  let reloads = 0;
  for (const [k, step] of steps.entries()) {
    if (restart) {
      await restart();
      for (const earlier of steps.slice(0, k)) await earlier.act();
    }
    await step.act();
    const before = await read();
    if (step.same) assertSame(core(before), core(seen.get(step.same)), `"${step.name}" gives back the state after "${step.same}"`);
    seen.set(step.name, before);
    await reload();
    reloads += 1;
    const want = outcome(before);
    assertSame(await until(read, want, near), want, `a reload after "${step.name}"`);
    if (verify) await verify(before, step, k);
    assert.deepEqual(problems(), [], `problems by "${step.name}" and its reload`);
  }
  return reloads;
}

// ---------------------------------------------------------------------------------------------
// index.html: a practice and a quiz. A reload gives back the same screen: the round, the question,
// the ticked options, the verdict and explanation, the answer sheet, the result.

const learner = (page) => () => shown(page);

/** The steps of answering question `n` of `total` in a practice: tick, check, go on. */
const practiseQuestion = (page, n, total, right) => [
  { name: `q${n} ticked`, act: () => pick(page, right) },
  { name: `q${n} checked`, act: async () => { await page.getByRole('button', { name: zh.submit }).click(); await page.locator('.verdict').waitFor(); } },
  n < total
    ? { name: `q${n + 1} shown`, act: async () => { await page.getByRole('button', { name: zh.next }).click(); await page.getByText(`第 ${n + 1} 题 / 共 ${total} 题`).waitFor(); } }
    : { name: 'results', act: async () => { await page.getByRole('button', { name: zh.results }).click(); await page.getByRole('heading', { name: '答题完成' }).first().waitFor(); } },
];

test('index: a practice, reloaded after every step, comes back exactly as it was', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  // Home as it stays: every bank in (the daily practice waits for all of them).
  await page.locator('.topic-fraud[aria-disabled="false"], .topic-fraud:not([aria-disabled])').first().waitFor();
  await page.locator('.topic-daily[aria-disabled="false"]').waitFor();
  const total = 10;
  const steps = [
    { name: 'home', act: async () => {} },
    { name: 'topic chosen', act: () => page.getByRole('button', { name: topicName.zh.fraud }).first().click().then(() => page.getByRole('heading', { name: zh.setupTitle }).waitFor()) },
    { name: 'practice chosen', act: () => page.getByRole('button', { name: zh.practice, exact: true }).click() },
    { name: 'started', act: async () => { await page.getByRole('button', { name: zh.start, exact: true }).click(); await page.getByText(`第 1 题 / 共 ${total} 题`).waitFor(); } },
    ...Array.from({ length: total }, (_, i) => practiseQuestion(page, i + 1, total, i % 3 !== 1)).flat(),
  ];
  const reloads = await walk(steps, { read: learner(page), reload: () => page.reload() });
  assert.equal(reloads, steps.length);
  assert.deepEqual(problems(), []);
  await page.context().close();
});

// A tap's writes in a round (the round in progress, the answer's record) wait until the page has
// painted what the tap changed, and are written at once if the page is hidden or left first. Here
// the check and the hide (or the leave) come in one task, so no paint comes between them.
test('index: a check followed at once by the page hidden or left is written all the same, and a reload has it', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  await setUpRound(page, topicName.zh.fraud);
  for (const [n, event] of [[1, 'visibilitychange'], [2, 'pagehide']]) {
    const q = await pick(page, true);
    const bank = readIndex().banks.find((b) => readBank(b.id).questions.some((x) => x.id === q.id)).id;
    const key = `${bank}/${q.id}`;
    const written = await page.evaluate(({ submit, event, key }) => {
      const recorded = () => Object.keys(JSON.parse(localStorage.getItem('anxin.progress') ?? '{"data":{"reviews":{}}}').data.reviews).includes(key);
      const checked = () => /"answers":\[\{/.test(localStorage.getItem('anxin.attempt') ?? '');
      [...document.querySelectorAll('button')].find((b) => b.innerText.trim() === submit).click();
      const waiting = { recorded: recorded(), checked: checked() };
      if (event === 'pagehide') window.dispatchEvent(new PageTransitionEvent('pagehide'));
      else document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      return { waiting, written: { recorded: recorded(), checked: checked() } };
    }, { submit: zh.submit, event, key });
    assert.deepEqual(written.waiting, { recorded: false, checked: n > 1 }, `question ${n}: before the paint the check waits`);
    assert.deepEqual(written.written, { recorded: true, checked: true }, `question ${n}: the ${event} wrote it`);
    await page.reload();
    await page.locator('.verdict').waitFor();
    assert.match(await page.locator('.verdict').innerText(), /回答正确/);
    await page.getByRole('button', { name: zh.next }).click();
    await page.getByText(`第 ${n + 1} 题 / 共 10 题`).waitFor();
  }
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('index: a quiz, reloaded after every step (the answer sheet, the unanswered warning, hand in), comes back exactly as it was', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  // Home as it stays: every bank in, so that the setup's count is drawn (a topic chosen while the
  // banks still come shows "loading", which a reload may find over already).
  await page.locator('.topic-daily[aria-disabled="false"]').waitFor();
  const go = (n) => page.getByText(`第 ${n} 题 / 共 5 题`).waitFor();
  const next = (n) => async () => { await page.getByRole('button', { name: zh.next }).click(); await go(n); };
  const steps = [
    { name: 'topic chosen', act: () => page.getByRole('button', { name: topicName.zh.rights }).first().click().then(() => page.getByRole('heading', { name: zh.setupTitle }).waitFor()) },
    { name: 'quiz chosen', act: () => page.getByRole('button', { name: zh.quiz, exact: true }).click() },
    { name: '5 questions chosen', act: () => page.getByRole('button', { name: zh.count(5), exact: true }).click() },
    { name: 'started', act: async () => { await page.getByRole('button', { name: zh.start, exact: true }).click(); await go(1); } },
    { name: 'q1 ticked', act: () => pick(page, true) },
    { name: 'q2 shown', act: next(2) },
    { name: 'q2 ticked', act: () => pick(page, false) },
    { name: 'q3 shown', act: next(3) },
    { name: 'q4 shown (q3 left open)', act: next(4) },
    { name: 'q4 ticked', act: () => pick(page, true) },
    { name: 'q5 shown', act: next(5) },
    { name: 'q5 ticked', act: () => pick(page, true) },
    { name: 'hand in: warned', act: () => page.getByRole('button', { name: zh.handIn, exact: true }).click().then(() => page.getByRole('alertdialog').waitFor()) },
    { name: 'keep answering: q3', act: async () => { await page.getByRole('button', { name: '继续答题' }).click(); await go(3); } },
    { name: 'q3 ticked', act: () => pick(page, true) },
    { name: 'q1 from the sheet', act: async () => { await page.getByRole('button', { name: '第 1 题，已答' }).click(); await go(1); } },
    { name: 'handed in', act: async () => { await page.getByRole('button', { name: zh.handIn, exact: true }).click(); await page.getByRole('heading', { name: /测验通过|这次没有通过/ }).waitFor(); } },
  ];
  await walk(steps, { read: learner(page), reload: () => page.reload() });
  assert.deepEqual(problems(), []);
  await page.context().close();
});

// ---------------------------------------------------------------------------------------------
// kiosk.html: the defined outcome of a reload anywhere is the attract screen in the kiosk's default
// language and text size, nothing of the customer left, the statistics exactly as before. Inside
// the operator panel: the attract screen too, the panel locked again (the digits typed are gone),
// the PIN and its wrong tries as stored before.

const kioskRead = (page) => async () => ({
  view: await shown(page, { ignore: ['.tip-text', '.tip-label'] }),
  stats: await storedStats(page),
  pin: await page.evaluate(() => localStorage.getItem('anxin.kiosk.pin')),
});

// A reloaded page restores its scroll position, and the kiosk counts a scroll as the customer's
// touch: on a first boot (nothing stored yet) that scroll once reached the rest of the wasm before
// it was in, and the loader opened the page again with `?whole` (the fake clock had no part in it:
// the call came from the scroll event itself). The build's profile now scrolls the kiosk's first
// screen (tools/split.mjs; split.test.mjs), and a reopening fails here like any console error.
async function kioskWalk(size, steps, { fresh = false, verify } = {}) {
  let kiosk = await openKiosk(env, size);
  const attract = (await kioskRead(kiosk.page)()).view;
  const found = [];
  const problems = () => [...found, ...kiosk.problems()];
  const reloads = await walk(steps(() => kiosk.page), {
    read: () => kioskRead(kiosk.page)(),
    reload: async () => { await kiosk.page.reload(); await start(kiosk.page).waitFor(); },
    outcome: (before) => ({ ...before, view: attract }),
    verify: verify && ((before) => verify(kiosk.page, before)),
    problems,
    restart: async () => {
      if (!fresh) return;
      found.push(...kiosk.problems());
      await kiosk.page.context().close();
      kiosk = await openKiosk(env, size);
    },
  });
  const left = problems();
  await kiosk.page.context().close();
  assert.deepEqual(left, []);
  return reloads;
}

test('kiosk: a session reloaded at every step (and during the idle countdown) is back on the attract screen, statistics exactly as before', async () => {
  const steps = (p) => {
    const page = () => p();
    const check = async () => { await page().getByRole('button', { name: zh.submit }).click(); await page().locator('.verdict').waitFor(); };
    const question = (n, right) => [
      { name: `q${n} ticked`, act: () => pick(page(), right) },
      { name: `q${n} checked`, act: check },
      { name: n < 5 ? `q${n + 1} shown` : 'end card', act: async () => {
        await page().getByRole('button', { name: n < 5 ? zh.next : zh.results }).click();
        await (n < 5 ? page().getByText(`第 ${n + 1} 题 / 共 5 题`) : page().getByRole('heading', { name: '答完了' })).waitFor();
      } },
    ];
    return [
      { name: 'attract', act: async () => {} },
      { name: 'touched to start', act: () => start(page()).click().then(() => page().getByRole('heading', { name: '想了解哪方面？' }).waitFor()) },
      { name: 'English chosen', act: () => page().getByRole('button', { name: 'English' }).click().then(() => page().getByRole('heading', { name: 'What would you like to learn about?' }).waitFor()) },
      { name: 'elder mode on', act: () => page().getByRole('button', { name: 'Elder mode' }).click().then(() => page().getByRole('button', { name: 'Elder mode', pressed: true }).waitFor()) },
      { name: 'back to Chinese', act: () => page().getByRole('button', { name: '中文' }).click().then(() => page().getByRole('heading', { name: '想了解哪方面？' }).waitFor()) },
      { name: 'topic chosen', act: () => page().getByRole('button', { name: new RegExp(topicName.zh.privacy) }).click().then(() => page().getByText('第 1 题 / 共 5 题').waitFor()) },
      ...question(1, true),
      { name: 'q2 ticked', act: () => pick(page(), false) },
      { name: '"still there?" shown', act: async () => { await page().clock.runFor(46_000); await stillThere(page()).waitFor(); } },
      { name: 'countdown half-way', act: () => page().clock.runFor(10_000) },
      { name: 'continued', act: () => page().getByRole('button', { name: '继续答题' }).click().then(() => page().getByRole('alertdialog').waitFor({ state: 'detached' })) },
      { name: 'q2 checked', act: check },
      ...question(2, false).slice(2),
      ...[3, 4, 5].flatMap((n) => question(n, n !== 4)),
      { name: 'done', act: () => page().getByRole('button', { name: '结束', exact: true }).click().then(() => start(page()).waitFor()) },
    ];
  };
  await kioskWalk('landscape', steps);
});

test('kiosk: the operator panel reloaded at every step is locked again, the PIN and its wrong tries kept', async () => {
  const steps = (p) => {
    const page = () => p();
    return [
      { name: 'corner held: first run', act: () => holdCorner(page(), 3_100).then(() => page().getByRole('heading', { name: /首次使用/ }).waitFor()) },
      { name: 'two digits typed', act: async () => { for (const d of '25') await page().locator('.pin-key', { hasText: new RegExp(`^${d}$`) }).click(); } },
      { name: 'PIN typed once', act: async () => { for (const d of '80') await page().locator('.pin-key', { hasText: new RegExp(`^${d}$`) }).click(); await page().getByRole('button', { name: '确定', exact: true }).click(); await page().getByRole('heading', { name: '请再输入一次新密码' }).waitFor(); } },
      { name: 'PIN set: statistics', act: () => typePin(page(), '2580').then(() => page().getByRole('heading', { name: '答题统计' }).waitFor()) },
      { name: 'settings tab', act: () => page().getByRole('button', { name: /^设置$/ }).click() },
      { name: 'closed', act: () => page().getByRole('button', { name: '关闭' }).click().then(() => start(page()).waitFor()) },
      { name: 'corner held: PIN asked', act: () => holdCorner(page(), 3_100).then(() => page().getByRole('heading', { name: '请输入管理密码' }).waitFor()) },
      { name: 'a wrong PIN', act: () => typePin(page(), '1111').then(() => page().getByText('密码错误，还可再试 2 次').waitFor()) },
      { name: 'a second wrong PIN', act: () => typePin(page(), '1112').then(() => page().getByText('密码错误，还可再试 1 次').waitFor()) },
    ];
  };
  // After each reload the panel is closed: the corner asks for the PIN again (a first run while no
  // PIN is stored), and the wrong tries count on from where they were.
  const verify = async (page, before) => {
    await holdCorner(page, 3_100);
    await page.getByRole('heading', { name: before.pin ? '请输入管理密码' : /首次使用/ }).waitFor();
    assert.equal(await page.getByRole('heading', { name: '答题统计' }).count(), 0);
    await page.reload();
    await start(page).waitFor();
  };
  await kioskWalk('portrait', steps, { fresh: true, verify });
});

// ---------------------------------------------------------------------------------------------
// contest.html: a match between every two host actions. The host's window and the audience window
// are each reloaded; both must then show what they showed, the timer within a tolerance; an undo
// after a reload takes back the step before it.

/** The seconds on a window's countdown, or null. */
const countdown = (page, sel) => page.evaluate((sel) => {
  const el = document.querySelector(sel);
  return el ? Number(el.textContent) : null;
}, sel);

const hostRead = (page) => async () => ({
  match: {
    headline: await page.locator('.console-headline').innerText().catch(() => null),
    scores: await scores(page, '.console-team .score-value'),
    timer: await countdown(page, '.console-status .countdown-number'),
  },
  // The setup's note ("loaded …", "saved") tells what the host just did; it is not the match.
  view: await shown(page, { ignore: ['.countdown-number', '.countdown-note', '.setup-note'] }),
});
const audienceRead = (page) => async () => ({
  match: {
    headline: await page.locator('.stage-headline').innerText().catch(() => null),
    scores: await scores(page, '.score-row .score-value'),
    timer: await countdown(page, '.stage .countdown-number'),
  },
  view: await shown(page, { ignore: ['.countdown-number', '.countdown-note'] }),
});

/** A running countdown may have moved on by up to 4 s over a reload; nothing else may differ. */
function near(got, want) {
  const { timer } = got.match;
  const moved = timer !== null && want.match.timer !== null && timer <= want.match.timer && timer >= want.match.timer - 4;
  return moved ? { ...got, match: { ...got.match, timer: want.match.timer } } : got;
}

test('contest: a match reloaded between every two host actions, on the host and on the audience window, goes on exactly where it was', async () => {
  const { page, context, problems } = await watchedPage(env.browser, env.origin, { viewport: { width: 1280, height: 720 } });
  await page.goto(`${env.origin}/${PAGE}`);
  await page.getByRole('heading', { name: '比赛设置' }).waitFor();
  const { text } = setupFile();
  const ready = () => page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === '开始比赛' && !b.disabled));
  let aud = null;
  const audErrors = [];
  const read = async () => ({ host: await hostRead(page)(), audience: aud && (await audienceRead(aud)()) });
  const key = (k) => () => page.keyboard.press(k);
  const steps = [
    { name: 'setup loaded', act: async () => {
      await page.locator('input[type=file]').setInputFiles({ name: 'setup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      await page.getByText('已载入“城区支行金融知识竞赛”。').waitFor();
      await ready();
    } },
    { name: 'match started', act: () => page.getByRole('button', { name: '开始比赛' }).click().then(() => page.locator('.console-headline').waitFor()) },
    { name: 'audience opened', act: async () => {
      [aud] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: /打开观众屏/ }).click()]);
      aud.on('console', (m) => m.type() === 'error' && audErrors.push(m.text()));
      aud.on('pageerror', (e) => audErrors.push(e.message));
      await aud.getByText('必答题').first().waitFor();
    } },
    // 必答
    { name: 'c1 ready', act: key('n') }, { name: 'c1 shown', act: key('s') }, { name: 'c1 timer', act: key('t') },
    { name: 'c1 right', act: key('r') }, { name: 'c1 revealed', act: key('a') },
    { name: 'c2 ready', act: key('n') }, { name: 'c2 shown', act: key('s') }, { name: 'c2 wrong', act: key('w') },
    { name: 'undo c2 wrong', act: key('u'), same: 'c2 shown' }, { name: 'redo c2 wrong', act: key('y'), same: 'c2 wrong' },
    { name: 'c3 ready', act: key('n') }, { name: 'c3 shown', act: key('s') }, { name: 'c3 right', act: key('r') },
    { name: 'buzz-in round', act: key('n') },
    // 抢答: a foul, a buzz, a wrong answer that rebounds, a second buzz
    { name: 'b1 ready', act: key('n') }, { name: 'b1 shown', act: key('s') }, { name: 'b1 foul (2)', act: key('2') },
    { name: 'b1 open', act: key('o') }, { name: 'b1 buzz (1)', act: key('1') }, { name: 'b1 locked-out buzz (3)', act: key('3') },
    { name: 'b1 wrong: rebound', act: key('w') }, { name: 'b1 open again', act: key('o') }, { name: 'b1 buzz (3)', act: key('3') },
    { name: 'b1 paused', act: key('p') }, { name: 'b1 resumed', act: key('p') },
    { name: 'b1 right', act: key('r') }, { name: 'undo b1 right', act: key('u'), same: 'b1 resumed' }, { name: 'b1 right again', act: key('r') },
    { name: 'b1 revealed', act: key('a') },
    { name: 'b2 ready', act: key('n') }, { name: 'b2 shown', act: key('s') }, { name: 'b2 passed', act: key('x') },
    { name: 'risk round', act: key('n') },
    // 风险: a wager by Shift+digit, the timer, a decline
    { name: 'r1 choosing', act: key('n') }, { name: 'r1 wager 20', act: key('Shift+Digit2') },
    { name: 'r1 shown', act: key('s') }, { name: 'r1 timer', act: key('t') }, { name: 'r1 right', act: key('r') },
    { name: 'r2 choosing', act: key('n') }, { name: 'r2 wager 10', act: key('Shift+Digit1') },
    { name: 'undo r2 wager', act: key('u'), same: 'r2 choosing' }, { name: 'r2 wager 30', act: key('Shift+Digit3') },
    { name: 'r2 shown', act: key('s') }, { name: 'r2 wrong', act: key('w') },
    { name: 'r3 choosing', act: key('n') }, { name: 'r3 declined', act: key('d') },
    // 加赛 between the two teams tied first (城东队 and 城南队, 120 each)
    { name: 'tiebreak round', act: key('n') },
    { name: 't1 ready', act: key('n') }, { name: 't1 shown', act: key('s') }, { name: 't1 open', act: key('o') },
    { name: 't1 buzz (1)', act: key('1') }, { name: 't1 right', act: key('r') },
    { name: 'podium', act: key('n') },
  ];
  await walk(steps, {
    read,
    // An undo gives back the question, its phase and the scores, and a countdown if one ran (its
    // seconds have moved on meanwhile); the log gains a line and redo becomes possible.
    core: (s) => [s.host, s.audience].map((w) => w && { ...w.match, timer: w.match.timer !== null }),
    near: (got, want) => ({ host: near(got.host, want.host), audience: got.audience && want.audience ? near(got.audience, want.audience) : got.audience }),
    reload: async () => {
      await page.reload();
      await page.locator('.console-headline, h1, h2').first().waitFor();
    },
    // The audience window is read after every reload of the host's window (it must follow it),
    // and reloaded itself after every third step, after an undo or redo and at the end (each
    // reload of it costs about a second): both must still agree.
    verify: async (before, step, k) => {
      if (!aud || !(k % 3 === 0 || step.same || k === steps.length - 1)) return;
      await aud.reload();
      const back = await until(read, before, (got, want) => ({ host: near(got.host, want.host), audience: near(got.audience, want.audience) }));
      assertSame(back, before, 'a reload of the audience window');
    },
  });
  assert.deepEqual([...problems(), ...audErrors], []);
  await context.close();
});
