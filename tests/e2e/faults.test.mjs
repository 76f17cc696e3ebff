// Storage faults, page by page and key by key (issue 14): every key each page keeps is in turn missing,
// truncated, of the wrong type and written by a newer version, with every other key of the page holding
// a real value made by using the page. Each case checks the key's documented outcome (dropped, or kept
// untouched), the page's notice where it has one, that the page comes up, and that nothing else was
// lost. Then, per page: storage that throws on every call, storage full at each write, and storage
// cleared by another tab mid-session. (Storage really full for the learner app, a record the browser
// refuses to read, and the localStorage getter throwing or null are in survival.test.mjs and app.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchedPage, readIndex, readBank, useBrowserAndServer, setUpRound, answer, words, chooseFile, painted } from './harness.mjs';
import { nameOf, topicName } from './topics.mjs';
import { openKiosk, start, answerAndGoOn, holdCorner, typePin, NO_SETTINGS } from './kiosk-harness.mjs';

const env = useBrowserAndServer();
const t = words.zh;

// Every key of every page (src/domain/saved.rs, kiosk.rs KEYS, contest/view.rs and claim.rs; the
// store adds `anxin.`), its name in the learner app's notice, and what a fault does to it. desk.html
// keeps nothing. `host` is the contest's window claim, a plain value rewritten every heartbeat.
const KEYS = [
  { page: 'index', key: 'settings', says: '设置' },
  { page: 'index', key: 'progress', says: '答题进度和错题本' },
  { page: 'index', key: 'history', says: '答题历史' },
  { page: 'index', key: 'attempt', says: '未完成的一轮答题' },
  { page: 'index', key: 'practice', says: '上次保留的练习进度' },
  // The setup or result a reload opens again: never stored beside a round in progress (starting a
  // round forgets it), so its faults are tested on a placeholder while the round is in progress.
  { page: 'index', key: 'screen', says: '上次停留的页面', rare: true },
  { page: 'kiosk', key: 'kiosk.settings', lenient: true },
  { page: 'kiosk', key: 'kiosk.stats' },
  { page: 'kiosk', key: 'kiosk.stats.earlier', rare: true },
  { page: 'kiosk', key: 'kiosk.pin', guarded: true },
  { page: 'kiosk', key: 'kiosk.prizes', rare: true },
  { page: 'contest', key: 'contest.setup', without: 'anxin.contest.match' },
  { page: 'contest', key: 'contest.match' },
  { page: 'contest', key: 'contest.keys' },
  { page: 'contest', key: 'contest.host', plain: true },
];
// The faults: the value written in place of the real one (null: removed), and the outcome. `dropped`:
// the key is removed and the page starts without it; `kept`: left exactly as it was, this visit works
// on memory for it; `absent`: nothing to do. The learner app names the key in a notice.
const FAULTS = [
  { fault: 'missing', value: () => null, outcome: 'absent', notice: null },
  { fault: 'truncated', value: (raw) => raw.slice(0, Math.max(1, Math.floor(raw.length / 2))), outcome: 'dropped', notice: '已损坏，已清除' },
  { fault: 'wrong type', value: () => '{"v":1,"data":42}', outcome: 'dropped', notice: '已损坏，已清除' },
  { fault: 'newer version', value: (raw) => JSON.stringify({ v: 99, data: JSON.parse(raw).data ?? {} }), outcome: 'kept', notice: '更新版本' },
];
// The host's claim is a plain value: one missing or unreadable is no claim, and this window claims
// hosting (writes its own) without a "hosted elsewhere" notice. The
// kiosk's settings are read leniently, field by field, like kiosk.json: a value of the wrong type is
// left in place for the operator to save over, and the defaults apply. `without`: a key left out
// of the page's values for that key's cases (the setup is read when the setup screen opens, which a
// saved match skips).
// The kiosk's PIN record is never dropped: without it the kiosk would be on its first run, offering
// whoever holds the hidden corner a PIN of their own; an unreadable one is kept and the panel stays
// locked (the test below).
const outcomeOf = (k, f) => {
  if (k.plain) return 'claimed';
  if (k.guarded && f.outcome === 'dropped') return 'kept';
  if (k.lenient && f.fault === 'wrong type') return 'ignored';
  return f.outcome;
};
// Keys rewritten by the page on its own (the claim's heartbeat): not compared.
const VOLATILE = ['anxin.contest.host'];

/** What the page has stored, once the writes of its last tap are in (`painted`). */
const stored = async (page) => {
  await painted(page);
  return page.evaluate(() => Object.fromEntries(
    Object.keys(localStorage).filter((k) => k.startsWith('anxin.')).map((k) => [k, localStorage.getItem(k)])));
};
const restore = (page, values) => page.evaluate((values) => {
  localStorage.clear();
  for (const [k, v] of Object.entries(values)) if (v !== null) localStorage.setItem(k, v);
}, values);
const withoutVolatile = (values, also) => Object.fromEntries(Object.entries(values).filter(([k]) => !VOLATILE.includes(k) && k !== also));

/** Fills this origin's localStorage until it refuses (as another page of the origin could). */
const fillStorage = (page) => page.evaluate(() => {
  let i = 0;
  for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
    for (;;) {
      try { localStorage.setItem(`other-page.${i++}`, 'x'.repeat(size)); } catch { break; }
    }
  }
});
/** Every Storage method throws, from the first script on (a webview whose storage is broken). */
const THROWING = () => {
  for (const m of ['getItem', 'setItem', 'removeItem', 'clear', 'key']) {
    Storage.prototype[m] = () => { throw new DOMException('storage is broken', 'UnknownError'); };
  }
};

// Each page: how to use it so that every key it keeps holds a real value, and how to know it is up.
const PAGES = {
  index: {
    url: '/',
    ready: (p) => p.waitForFunction(() => document.querySelector('h2.question-prompt') || document.querySelector('.topic-daily[aria-disabled="false"]')),
    async fill(page) {
      const [a, b, c] = readIndex().banks;
      await page.goto(env.origin + '/');
      await setUpRound(page, nameOf(a), { mode: 'practice' });
      await answer(page, false);
      await page.getByRole('button', { name: '收藏本题' }).click();
      await page.getByRole('button', { name: t.next }).click();
      await page.getByRole('button', { name: t.quit }).click();
      await setUpRound(page, nameOf(b), { mode: 'quiz', count: 5 });
      for (let i = 0; i < 5; i++) {
        await page.locator('button.option').first().click();
        if (i < 4) await page.getByRole('button', { name: t.next }).click();
      }
      await page.getByRole('button', { name: t.handIn }).click();
      await page.getByRole('heading', { name: /测验通过|这次没有通过/ }).waitFor();
      await page.getByRole('button', { name: t.home }).first().click();
      await page.getByRole('button', { name: /长辈模式/ }).first().click();
      await page.waitForFunction(() => document.documentElement.classList.contains('elder'));
      // Not `a`: its name is also on the "continue" card now.
      await setUpRound(page, nameOf(c), { mode: 'practice' });
      await page.locator('button.option').first().click();
    },
  },
  kiosk: {
    url: '/kiosk.html',
    ready: (p) => start(p).waitFor(),
    async fill(page) {
      await start(page).click();
      await page.getByRole('button', { name: new RegExp(topicName.zh.fraud) }).click();
      for (let i = 1; i <= 5; i++) await answerAndGoOn(page, true, i === 5);
      await page.getByRole('button', { name: '结束', exact: true }).click();
      await holdCorner(page, 3_100);
      await typePin(page, '2580');
      await typePin(page, '2580');
      await page.getByRole('heading', { name: '答题统计' }).waitFor();
      await page.getByRole('button', { name: '关闭' }).click();
      await page.evaluate(() => localStorage.setItem('anxin.kiosk.settings', JSON.stringify({ v: 1, data: { branch: '人民路支行' } })));
    },
  },
  contest: {
    url: '/contest.html',
    ready: (p) => p.getByRole('heading', { name: '比赛设置' }).or(p.locator('.log-list')).first().waitFor(),
    async fill(page) {
      await page.goto(env.origin + '/contest.html');
      await page.getByRole('heading', { name: '比赛设置' }).waitFor();
      const keys = readBank('fraud').questions.filter((q) => q.type === 'single').slice(0, 2).map((q) => `fraud/${q.id}`);
      const setup = {
        title: '故障演练', starting_score: 100,
        teams: [{ name: '甲队', colour: 'red', label: '1' }, { name: '乙队', colour: 'blue', label: '2' }],
        rounds: [{ rules: { compulsory: { seconds: 30, right: 10, wrong: 0, timeout: 0 } }, questions: keys }],
      };
      const text = JSON.stringify({ anxin_contest_setup: 1, setup });
      await chooseFile(page.locator('input[type=file]'), { name: 'setup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      await page.getByRole('button', { name: '保存设置' }).click();
      await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === '开始比赛' && !b.disabled));
      await page.getByRole('button', { name: '开始比赛' }).click();
      await page.keyboard.press('n');
      await page.keyboard.press('s');
      await page.keyboard.press('r');
      await page.locator('.log-list li').first().waitFor();
      await page.evaluate(() => localStorage.setItem('anxin.contest.keys', JSON.stringify({ v: 1, data: { keys: ['7', '8', '9', '4', '5', '6', '1', '2'] } })));
    },
  },
};

async function openPage(name) {
  const allow = name === 'kiosk' ? NO_SETTINGS : [];
  const watched = name === 'kiosk'
    ? await openKiosk(env, 'portrait')
    : await watchedPage(env.browser, env.origin, { viewport: { width: 1280, height: 900 }, allow });
  return watched;
}

for (const name of Object.keys(PAGES)) {
  const spec = PAGES[name];
  test(`${name}: each key missing, truncated, of the wrong type, from a newer version: its outcome, and nothing else lost`, async () => {
    const { page, context, problems } = await openPage(name);
    page.setDefaultTimeout(8000);
    await spec.fill(page);
    const everything = await stored(page);
    for (const k of KEYS.filter((k) => k.page === name)) {
      const real = Object.fromEntries(Object.entries(everything).filter(([key]) => key !== k.without));
      const full = `anxin.${k.key}`;
      // A key the page only writes on a rarer path (a bank update, prizes) gets a placeholder: its
      // fault is what is tested. Every other key holds what the page wrote.
      assert.ok(k.rare || real[full], `${full} was not written`);
      const raw = real[full] ?? JSON.stringify({ v: 1, data: {} });
      for (const f of FAULTS) {
        const label = `${full} ${f.fault}`;
        const written = f.value(raw);
        await restore(page, { ...real, [full]: written });
        await page.reload();
        await spec.ready(page);
        const after = await stored(page);
        const outcome = outcomeOf(k, f);
        if (outcome === 'dropped' || outcome === 'absent') assert.equal(after[full], undefined, `${label}: still stored`);
        if (outcome === 'claimed') {
          assert.ok(JSON.parse(after[full]).window, `${label}: not claimed`);
          assert.equal(await page.locator('.host-elsewhere').count(), 0, `${label}: hosted elsewhere`);
        }
        if (outcome === 'kept' || outcome === 'ignored') assert.equal(after[full], written, `${label}: touched`);
        assert.deepEqual(withoutVolatile(after, full), withoutVolatile(real, full), `${label}: another key changed`);
        if (name === 'index') {
          const notices = (await page.getByRole('alert').allInnerTexts()).join('\n');
          if (f.notice) assert.match(notices, new RegExp(`${f.notice}[^\\n]*${k.says}`), `${label}: no notice`);
          else assert.doesNotMatch(notices, /已损坏|更新版本/, `${label}: a notice`);
        }
      }
    }
    assert.deepEqual(problems(), []);
    await context.close();
  });
}

// Faults of the whole store, mid-use. `other` is a second tab of the same origin.
const kioskSession = async (page) => {
  await start(page).click();
  await page.getByRole('button', { name: new RegExp(topicName.zh.fraud) }).click();
  for (let i = 1; i <= 5; i++) await answerAndGoOn(page, true, i === 5);
  await page.getByRole('heading', { name: '答完了' }).waitFor();
  await page.getByRole('button', { name: '结束', exact: true }).click();
  await start(page).waitFor();
};
const kioskStarted = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('anxin.kiosk.stats') ?? 'null')?.data.started ?? 0);
const contestStep = async (page) => {
  const before = await page.locator('.log-list li').count();
  for (const k of ['n', 's', 'r']) await page.keyboard.press(k);
  await page.locator('.log-list li').nth(before).waitFor();
};
const bookKeys = (page) => painted(page).then(() => page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('anxin.progress') ?? '{"data":{"reviews":{}}}').data.reviews)));

const WHOLE = [
  { page: 'index', fault: 'every Storage call throws', init: THROWING, outcome: 'runs on memory and says so; a round works', async run(page) {
    await page.getByText('此设备不能保存答题记录').waitFor();
    await setUpRound(page, nameOf(readIndex().banks[0]));
    await answer(page, false);
  } },
  { page: 'index', fault: 'cleared by another tab mid-round', outcome: 'the next write puts back every answer of this visit', async run(page, other) {
    await setUpRound(page, nameOf(readIndex().banks[0]), { order: 'sequential' });
    await answer(page, false);
    await page.getByRole('button', { name: t.next }).click();
    assert.equal((await bookKeys(page)).length, 1);
    await other.evaluate(() => localStorage.clear());
    await answer(page, false);
    assert.equal((await bookKeys(page)).length, 2, 'the first answer is lost');
    assert.ok(await page.evaluate(() => localStorage.getItem('anxin.attempt')), 'the round in progress is lost');
  } },
  { page: 'kiosk', fault: 'every Storage call throws', init: THROWING, outcome: 'sessions run; the panel opens on a PIN set in memory', async run(page) {
    await kioskSession(page);
    await holdCorner(page, 3_100);
    await typePin(page, '2580');
    await typePin(page, '2580');
    await page.getByRole('heading', { name: '答题统计' }).waitFor();
  } },
  { page: 'kiosk', fault: 'storage full at each write', outcome: 'sessions run and are counted in memory; the panel opens', async run(page) {
    await fillStorage(page);
    await kioskSession(page);
    await kioskSession(page);
    await holdCorner(page, 3_100);
    await typePin(page, '2580');
    await typePin(page, '2580');
    await page.getByRole('heading', { name: '答题统计' }).waitFor();
    const row = page.locator('.stats-table tr', { has: page.locator('th', { hasText: /^参与人次$/ }) }).locator('td').first();
    assert.equal(await row.innerText(), '<5');
  } },
  { page: 'kiosk', fault: 'cleared by another tab between sessions', outcome: 'the next count puts back every session', async run(page, other) {
    await kioskSession(page);
    assert.equal(await kioskStarted(page), 1);
    await other.evaluate(() => localStorage.clear());
    await kioskSession(page);
    assert.equal(await kioskStarted(page), 2, 'a session is lost');
  } },
  { page: 'contest', fault: 'every Storage call throws', init: THROWING, outcome: 'says a reload would lose the match; the match runs', async run(page) {
    await page.getByText('此浏览器不能保存比赛').waitFor();
    await startMatch(page);
    await contestStep(page);
  } },
  { page: 'contest', fault: 'storage full at each write', outcome: '"storage is full" shown; the match runs in memory', async run(page) {
    await fillStorage(page);
    await startMatch(page);
    await contestStep(page);
    await page.getByText('浏览器存储已满，比赛没能保存').waitFor();
    await contestStep(page);
  } },
  { page: 'contest', fault: 'cleared by another tab mid-match', outcome: 'the match is saved again whole; the step pressed at that moment is taken or not, and what is shown is what is saved; the next step is taken', async run(page, other) {
    await startMatch(page);
    await contestStep(page);
    await other.evaluate(() => localStorage.clear());
    // Which comes first decides whether the step pressed then is taken: the window's own check of its
    // claim (gone: the step is not taken, the match is read again as after another window hosted), or
    // the storage event, on which the window saves the match in memory again and claims anew. Either
    // way the match is saved again whole and nothing shown is lost.
    await page.keyboard.press('n');
    await page.waitForFunction(() => localStorage.getItem('anxin.contest.match'));
    const shown = await page.locator('.log-list li').count();
    assert.ok(shown === 3 || shown === 4, `${shown} steps in the log`);
    await contestStep(page);
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('anxin.contest.match')).data.log.length);
    assert.equal(saved, await page.locator('.log-list li').count());
  } },
];

/** Loads a two-team, two-question setup from a file and starts the match. */
async function startMatch(page) {
  const keys = readBank('fraud').questions.filter((q) => q.type === 'single').slice(0, 2).map((q) => `fraud/${q.id}`);
  const setup = {
    title: '故障演练', starting_score: 100,
    teams: [{ name: '甲队', colour: 'red', label: '1' }, { name: '乙队', colour: 'blue', label: '2' }],
    rounds: [{ rules: { compulsory: { seconds: 30, right: 10, wrong: 0, timeout: 0 } }, questions: keys }],
  };
  const text = JSON.stringify({ anxin_contest_setup: 1, setup });
  await chooseFile(page.locator('input[type=file]'), { name: 'setup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === '开始比赛' && !b.disabled));
  await page.getByRole('button', { name: '开始比赛' }).click();
}

for (const c of WHOLE) {
  test(`${c.page}: ${c.fault}: ${c.outcome}`, async () => {
    const viewport = c.page === 'kiosk' ? { width: 1080, height: 1920 } : { width: 1280, height: 900 };
    const { page, context, problems } = await watchedPage(env.browser, env.origin, { viewport, init: c.init, allow: c.page === 'kiosk' ? NO_SETTINGS : [] });
    page.setDefaultTimeout(8000);
    if (c.page === 'kiosk') await page.clock.install();
    await page.goto(env.origin + PAGES[c.page].url);
    await PAGES[c.page].ready(page);
    const other = await context.newPage();
    await other.goto(env.origin + '/quizzes/index.json');
    // A page in the background has its timers and frames throttled.
    await page.bringToFront();
    await c.run(page, other);
    assert.deepEqual(problems(), []);
    await context.close();
  });
}

// Found by the matrix above: the kiosk used to read an unreadable or newer `kiosk.pin` as "no PIN yet",
// so the hidden corner offered a first-run PIN to whoever held it.
for (const [fault, record] of [['unreadable', '{"v":1,"data":42}'], ['newer', '{"v":99,"data":{"state":"set"}}']]) {
  test(`kiosk: an ${fault} PIN record keeps the panel locked, says why, and is left as it was`, async () => {
    const { page, context, problems } = await openKiosk(env, 'portrait', {
      init: `localStorage.setItem('anxin.kiosk.pin', ${JSON.stringify(record)})`,
    });
    await holdCorner(page, 3_100);
    await page.getByText('管理密码的记录读不出来').waitFor();
    // What a customer would type as a "new PIN", twice: nothing opens.
    await typePin(page, '2580');
    await typePin(page, '2580');
    await page.getByText('管理密码的记录读不出来').waitFor();
    assert.equal(await page.getByRole('heading', { name: '答题统计' }).count(), 0, 'the statistics stay closed');
    assert.equal(await page.evaluate(() => localStorage.getItem('anxin.kiosk.pin')), record);
    assert.deepEqual(problems(), []);
    await context.close();
  });
}
