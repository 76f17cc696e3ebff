// Double input and two tabs (issue 14). A double tap on each button that acts (both taps land where
// the first one was, so the second one hits whatever the first put there): exactly one effect. The
// kiosk: a double tap at each step of a session and a tap during the idle-reset countdown. The contest:
// two buzzers in the same millisecond, a buzzer key held down (auto-repeat): one buzz. The learner app
// open in two tabs: no answer, round or setting of one tab lost by the other's writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { watchedPage, readIndex, readBank, useBrowserAndServer, setUpRound, answer, pick, words, dist, chooseFile, afterPaints } from './harness.mjs';
import { nameOf, topicName } from './topics.mjs';
import { openKiosk, start, stillThere, holdCorner } from './kiosk-harness.mjs';

const env = useBrowserAndServer();
const t = words.zh;
const banks = readIndex().banks;

// Read once the page has painted: a tap in a round writes its records in a task after its paint.
const saved = async (page, key) => {
  await afterPaints(page);
  return page.evaluate((key) => JSON.parse(localStorage.getItem(`anxin.${key}`) ?? 'null')?.data ?? null, key);
};
const reviewed = async (page) => Object.keys((await saved(page, 'progress'))?.reviews ?? {}).sort();
const inBook = async (page) => {
  const reviews = (await saved(page, 'progress'))?.reviews ?? {};
  return Object.keys(reviews).filter((k) => reviews[k].in_book).sort();
};

test('the learner app in two tabs: answers, bookmarks, finished rounds and settings of both tabs are all kept', async () => {
  const { page: a, context, problems } = await watchedPage(env.browser, env.origin);
  const b = await context.newPage();
  for (const p of [a, b]) {
    p.setDefaultTimeout(8000);
    await p.goto(env.origin + '/');
    await p.locator('.topic-daily[aria-disabled="false"]').waitFor();
  }
  // Each tab answers a question of its own topic wrong, then leaves.
  await a.bringToFront();
  await setUpRound(a, nameOf(banks[0]));
  const qa = await answer(a, false);
  await a.getByRole('button', { name: t.quit }).click();
  await b.bringToFront();
  await setUpRound(b, nameOf(banks[1]));
  const qb = await answer(b, false);
  await b.getByRole('button', { name: t.quit }).click();
  const both = [`${banks[0].id}/${qa.id}`, `${banks[1].id}/${qb.id}`].sort();
  assert.deepEqual(await inBook(b), both, "the second tab's write lost the first tab's answer");
  // A tab that answers again after the other wrote keeps the other's answer too.
  await a.bringToFront();
  await setUpRound(a, nameOf(banks[2]));
  const qc = await answer(a, false);
  await a.getByRole('button', { name: t.quit }).click();
  assert.deepEqual(await inBook(a), [...both, `${banks[2].id}/${qc.id}`].sort());
  // Each tab shows what both did (the wrong-answer book counts three).
  await b.bringToFront();
  await b.locator('.topic-book', { hasText: /3 道/ }).waitFor();
  // A setting changed in one tab (elder mode) is kept by the other's next settings write (the
  // plan of the round it starts).
  await b.getByRole('button', { name: /长辈模式/ }).first().click();
  await a.bringToFront();
  await a.waitForFunction(() => document.documentElement.classList.contains('elder'));
  await setUpRound(a, nameOf(banks[3]));
  const settings = await saved(a, 'settings');
  assert.deepEqual([settings.elder, settings.plan.topics], [true, [banks[3].topic]], 'a setting is lost');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the learner app in two tabs: a practice parked in one is the one the other continues; two rounds at once are named', async () => {
  const { page: a, context, problems } = await watchedPage(env.browser, env.origin);
  const b = await context.newPage();
  for (const p of [a, b]) {
    p.setDefaultTimeout(8000);
    await p.goto(env.origin + '/');
    await p.locator('.topic-daily[aria-disabled="false"]').waitFor();
  }
  await a.bringToFront();
  await setUpRound(a, nameOf(banks[0]), { order: 'sequential' });
  await answer(a, true);
  await a.getByRole('button', { name: t.next }).click();
  await a.getByRole('button', { name: t.quit }).click();
  // The other tab offers to continue it, at its question.
  await b.bringToFront();
  const resume = b.getByRole('button', { name: /继续上次的练习/ });
  await resume.waitFor();
  assert.match(await resume.innerText(), /第 2 题/);
  // A round in each tab at once: there is one slot to resume from; each tab says so when the
  // other takes it, and both tabs' answers count.
  await resume.click();
  await b.getByText(/第 2 题/).first().waitFor();
  await a.bringToFront();
  await setUpRound(a, nameOf(banks[1]));
  const qa = await answer(a, false);
  const elsewhere = (p) => p.getByRole('alert').filter({ hasText: '你在另一个标签页里也在答题' });
  await b.bringToFront();
  await elsewhere(b).waitFor();
  const qb = await answer(b, false);
  // The other tab's check writes its answer once painted (its alert here may come from its tick).
  await afterPaints(b);
  await elsewhere(a).waitFor();
  assert.deepEqual(await inBook(a), [`${banks[0].id}/${qb.id}`, `${banks[1].id}/${qa.id}`].sort());
  // The slot holds the round touched last.
  const slot = await saved(a, 'attempt');
  assert.ok(JSON.stringify(slot).includes(qb.id), 'the last round touched is not the one saved');
  assert.deepEqual(problems(), []);
  await context.close();
});

// The learner app, one button per line, in the order a learner meets them: the button double-tapped
// (after `before`, if any), and the one effect it must have. `q(n)`: question n of the round shown.
const q = (n, of) => (p) => p.getByText(`第 ${n} 题 / 共 ${of} 题`).waitFor();
const ticked = (p) => p.locator('button.option[aria-pressed="true"]').count();
const LEARNER = [
  { button: 'a topic on home', press: (p) => p.getByRole('button', { name: nameOf(banks[0]) }).first(), effect: (p) => p.getByRole('heading', { name: t.setupTitle }).waitFor(), history: 1 },
  { button: 'start', before: (p) => p.getByRole('button', { name: t.sequential, exact: true }).click(), press: (p) => p.getByRole('button', { name: t.start, exact: true }), effect: async (p) => { await q(1, 10)(p); assert.equal(await ticked(p), 0, 'an option was ticked'); } },
  { button: 'check', before: (p) => pick(p, false), press: (p) => p.getByRole('button', { name: t.submit }), effect: async (p) => { await p.locator('.verdict').waitFor(); await q(1, 10)(p); assert.equal((await reviewed(p)).length, 1); } },
  { button: 'next', press: (p) => p.getByRole('button', { name: t.next }), effect: async (p) => { await q(2, 10)(p); assert.equal(await p.locator('.verdict:visible').count(), 0); } },
  { button: 'leave practice', press: (p) => p.getByRole('button', { name: t.quit }), effect: async (p) => { await p.getByRole('button', { name: /继续上次的练习/ }).waitFor(); assert.equal(await p.locator('h2.question-prompt').count(), 0, 'reopened'); } },
  { button: 'continue the practice', press: (p) => p.getByRole('button', { name: /继续上次的练习/ }), effect: q(2, 10) },
  { button: 'next after the last check', before: async (p) => { await p.getByRole('button', { name: t.quit }).click(); await setUpRound(p, nameOf(banks[1]), { mode: 'quiz', count: 5 }); await p.locator('button.option').first().click(); }, press: (p) => p.getByRole('button', { name: t.next }), effect: async (p) => { await q(2, 5)(p); assert.equal(await ticked(p), 0); } },
  { button: 'hand in', before: async (p) => { for (let i = 2; i <= 5; i++) { await p.locator('button.option').first().click(); if (i < 5) await p.getByRole('button', { name: t.next }).click(); } }, press: (p) => p.getByRole('button', { name: t.handIn }), effect: async (p) => { await p.getByRole('heading', { name: /测验通过|这次没有通过/ }).waitFor(); assert.equal((await saved(p, 'history')).length, 1); } },
  { button: 'back to home', press: (p) => p.getByRole('button', { name: t.home }).first(), effect: async (p) => { await p.locator('.topic-daily').waitFor(); assert.equal(await p.getByRole('heading', { name: t.setupTitle }).count(), 0); } },
];

test('the learner app: a double tap on each button that acts has exactly one effect', async () => {
  const { page, context, problems } = await watchedPage(env.browser, env.origin);
  page.setDefaultTimeout(8000);
  await page.goto(env.origin + '/');
  await page.locator('.topic-daily[aria-disabled="false"]').waitFor();
  for (const c of LEARNER) {
    if (c.before) await c.before(page);
    const history = await page.evaluate(() => history.length);
    await c.press(page).dblclick();
    await c.effect(page);
    if (c.history) assert.equal(await page.evaluate(() => history.length), history + c.history, `${c.button}: pushed twice`);
  }
  assert.deepEqual(problems(), []);
  await context.close();
});

// The learner's shelves, progress and settings: a double tap's second tap lands on whatever the
// first put under the finger (the next question's "remove", the "clear" button behind "cancel").
test('the shelves, progress and settings: a double tap on each button has exactly one effect', async () => {
  const { page, context, problems } = await watchedPage(env.browser, env.origin);
  page.setDefaultTimeout(8000);
  await page.goto(env.origin + '/');
  await page.locator('.topic-daily[aria-disabled="false"]').waitFor();
  // Three questions missed, the first two bookmarked (a double tap on the star: bookmarked once,
  // not bookmarked and un-bookmarked).
  await setUpRound(page, nameOf(banks[0]), { order: 'sequential' });
  const missed = [];
  for (let i = 0; i < 3; i++) {
    if (i < 2) {
      await page.getByRole('button', { name: '收藏本题' }).dblclick();
      await page.getByRole('button', { name: '收藏本题', pressed: true }).waitFor();
    }
    missed.push(await answer(page, false));
    await page.getByRole('button', { name: t.next }).click();
  }
  await page.getByRole('button', { name: t.quit }).click();
  const bookmarks = async () => Object.values((await saved(page, 'progress'))?.reviews ?? {}).filter((r) => r.bookmarked).length;
  assert.equal(await bookmarks(), 2);
  // A screen opened by a double tap stays that screen (the second tap lands on it, on whatever
  // is where the first tapped: on the book, "practise the missed questions").
  const stays = async (heading) => {
    await page.getByRole('heading', { name: heading }).waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.getByRole('heading', { name: heading }).count(), 1, `${heading}: the second tap acted on it`);
    assert.equal(await page.locator('h2.question-prompt').count(), 0, `${heading}: the second tap started a round`);
  };
  // The wrong-answer book: opened once; "remove" double-tapped removes that question only.
  await page.locator('.topic-book').dblclick();
  await stays('错题本');
  await page.getByRole('button', { name: `移出错题本：${missed[0].prompt.zh}` }).dblclick();
  await page.getByRole('button', { name: `移出错题本：${missed[0].prompt.zh}` }).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: `移出错题本：${missed[1].prompt.zh}` }).waitFor();
  assert.equal((await inBook(page)).length, 2, 'the second tap removed the next question too');
  await page.getByRole('button', { name: t.home }).first().dblclick();
  // The bookmarks shelf: "un-bookmark" double-tapped un-bookmarks one question.
  await page.locator('.topic-bookmarks').dblclick();
  await stays('收藏');
  await page.getByRole('button', { name: `取消收藏：${missed[0].prompt.zh}` }).dblclick();
  await page.getByRole('button', { name: `取消收藏：${missed[1].prompt.zh}` }).waitFor();
  assert.equal(await bookmarks(), 1, 'the second tap un-bookmarked the next question too');
  await page.getByRole('button', { name: t.home }).first().dblclick();
  // Progress: opened once.
  await page.locator('.topic-progress').dblclick();
  await stays('我的学习');
  await page.getByRole('button', { name: t.home }).first().dblclick();
  // Settings: "clear my records" asks once; "cancel" double-tapped cancels and does not ask again.
  await page.getByRole('button', { name: '设置', exact: true }).dblclick();
  await page.getByRole('button', { name: '清除我的答题记录' }).dblclick();
  await page.getByRole('button', { name: '确定清除' }).waitFor();
  await page.getByRole('button', { name: '取消', exact: true }).dblclick();
  await page.getByRole('button', { name: '确定清除' }).waitFor({ state: 'detached' });
  await page.waitForTimeout(300);
  assert.equal(await page.getByRole('button', { name: '确定清除' }).count(), 0, 'the second tap asked again');
  assert.equal((await inBook(page)).length, 2, 'records kept');
  assert.deepEqual(problems(), []);
  await context.close();
});

// The kiosk, the same way, on its fake clock; then a double tap during the idle-reset countdown.
const kq = (n) => (p) => p.getByText(`第 ${n} 题 / 共 5 题`).waitFor();
const started = (p) => p.evaluate(() => JSON.parse(localStorage.getItem('anxin.kiosk.stats') ?? 'null')?.data.started ?? 0);
const KIOSK = [
  { button: 'touch to start', press: start, effect: async (p) => { await p.getByRole('heading', { name: '想了解哪方面？' }).waitFor(); assert.equal(await p.locator('h2.question-prompt').count(), 0, 'a topic was chosen'); } },
  { button: 'a topic', press: (p) => p.getByRole('button', { name: new RegExp(topicName.zh.fraud) }), effect: async (p) => { await kq(1)(p); assert.equal(await ticked(p), 0); } },
  { button: 'check', before: (p) => pick(p, false), press: (p) => p.getByRole('button', { name: t.submit }), effect: async (p) => { await p.locator('.verdict').waitFor(); await kq(1)(p); } },
  { button: 'next', press: (p) => p.getByRole('button', { name: t.next }), effect: async (p) => { await kq(2)(p); assert.equal(await p.locator('.verdict:visible').count(), 0); } },
  { button: 'see my results', before: async (p) => { for (let i = 2; i <= 5; i++) { await answer(p, true); if (i < 5) await p.getByRole('button', { name: t.next }).click(); } }, press: (p) => p.getByRole('button', { name: '查看成绩' }), effect: (p) => p.getByRole('heading', { name: '答完了' }).waitFor() },
  { button: 'done', press: (p) => p.getByRole('button', { name: '结束', exact: true }), effect: async (p) => { await start(p).waitFor(); assert.equal(await p.getByRole('heading', { name: '想了解哪方面？' }).count(), 0, 'a new session started'); assert.equal(await started(p), 1); } },
];

test('the kiosk: a double tap on each button of a session, and during the idle-reset countdown, has exactly one effect', async () => {
  const { page, context, problems } = await openKiosk(env, 'portrait');
  page.setDefaultTimeout(8000);
  for (const c of KIOSK) {
    if (c.before) await c.before(page);
    await c.press(page).dblclick();
    await page.clock.runFor(500);
    await c.effect(page);
  }
  // The operator's keypad is where quick repeats mean something: a double tap on a digit is two.
  await holdCorner(page, 3_100);
  for (let i = 0; i < 2; i++) {
    for (const d of ['2', '5']) await page.locator('.pin-key', { hasText: new RegExp(`^${d}$`) }).dblclick();
    await page.getByRole('button', { name: '确定', exact: true }).click();
  }
  await page.getByRole('heading', { name: '答题统计' }).waitFor();
  await page.getByRole('button', { name: '关闭' }).click();
  // "Still there?": a double tap on "continue" keeps the session and does nothing more.
  await start(page).click();
  await page.getByRole('button', { name: new RegExp(topicName.zh.fraud) }).click();
  await kq(1)(page);
  await page.clock.runFor(46_000);
  await stillThere(page).waitFor();
  await stillThere(page).getByRole('button').first().dblclick();
  await page.clock.runFor(500);
  await stillThere(page).waitFor({ state: 'detached' });
  await kq(1)(page);
  assert.equal(await ticked(page), 0, 'the second tap ticked an option');
  // A double tap on the backdrop, away from the buttons: the same.
  await page.clock.runFor(46_000);
  await stillThere(page).waitFor();
  await page.mouse.dblclick(540, 1900);
  await page.clock.runFor(500);
  await stillThere(page).waitFor({ state: 'detached' });
  await kq(1)(page);
  assert.equal(await ticked(page), 0, 'the second tap ticked an option');
  assert.deepEqual(problems(), []);
  await context.close();
});

// The same on a touch screen, with real touches (the browser's own gesture detection, as a
// kiosk's screen gives them): the second of two quick touches is a click of count 2, and dropped.
test('the kiosk on a touch screen: a double tap with the finger has exactly one effect', async () => {
  // Every click the browser makes, seen before the page's own handlers (which drop a second one).
  const init = () => {
    window.clickCounts = [];
    window.addEventListener('click', (e) => window.clickCounts.push(e.detail), true);
  };
  const { page, context, problems } = await openKiosk(env, 'portrait', { hasTouch: true, init });
  page.setDefaultTimeout(8000);
  const cdp = await context.newCDPSession(page);
  const touch = async (locator) => {
    const box = await locator.boundingBox();
    const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    for (let i = 0; i < 2; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      if (i === 0) await new Promise((r) => setTimeout(r, 120));
    }
    await page.clock.runFor(500);
  };
  for (const c of KIOSK.slice(0, 4)) {
    if (c.before) await c.before(page);
    await touch(c.press(page));
    await c.effect(page);
  }
  // The second touch of each was a click of count 2, which the page dropped.
  const seen = await page.evaluate(() => window.clickCounts);
  assert.ok(seen.filter((n) => n === 2).length >= 4, `the second touches were not clicks of count 2: ${seen}`);
  assert.deepEqual(problems(), []);
  await context.close();
});

// The contest's setup and the content desk, with a mouse: the second click of a double click
// would land on what the first moved there (the next team's "remove", a round moved up a place).
test('the contest setup and the content desk: a double click on each button has exactly one effect', async () => {
  const { page, context, problems } = await watchedPage(env.browser, env.origin, { viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(8000);
  await page.goto(env.origin + '/contest.html');
  await page.getByRole('heading', { name: '比赛设置' }).waitFor();
  const teams = () => page.locator('legend', { hasText: /^参赛队 \d+$/ }).count();
  const rounds = () => page.locator('.round-editor').count();
  const kinds = () => page.locator('.round-editor select').first().inputValue();
  // The rounds' editors are built after the first screen, one task each.
  await page.locator('.round-editor').nth(3).waitFor();
  assert.deepEqual([await teams(), await rounds()], [3, 4]);
  await page.getByRole('button', { name: '添加一队' }).dblclick();
  await page.waitForTimeout(300);
  assert.equal(await teams(), 4, 'a double click added two teams');
  await page.getByRole('button', { name: '删除“第1队”' }).dblclick();
  await page.waitForTimeout(300);
  assert.equal(await teams(), 3, 'a double click removed two teams');
  await page.getByRole('button', { name: '删除“第2队”' }).waitFor();
  const first = await kinds();
  await page.getByRole('button', { name: '第 2 环节上移' }).dblclick();
  await page.waitForTimeout(300);
  assert.notEqual(await kinds(), first, 'round 2 moved up');
  await page.getByRole('button', { name: '第 1 环节下移' }).dblclick();
  await page.waitForTimeout(300);
  assert.equal(await kinds(), first, 'a double click moved the round down two places');
  await page.getByRole('button', { name: '添加环节' }).dblclick();
  await page.waitForTimeout(300);
  assert.equal(await rounds(), 5, 'a double click added two rounds');
  // Removed from the keyboard: the rounds are built anew, and the focus is on their heading (not
  // lost, and not on the next round's "remove").
  await page.getByRole('button', { name: '删除第 4 环节' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.round-editor').length === 4);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'rounds-heading');
  // The desk: a shipped bank, its tabs and the preview's "next".
  await page.goto(env.origin + '/desk.html');
  await page.getByRole('heading', { name: '题库工作台', exact: true }).waitFor();
  const bank = fs.readFileSync(path.join(dist, 'quizzes', 'fraud.json'));
  await page.locator('.drop-zone input[type=file]').setInputFiles({ name: 'fraud.json', mimeType: 'application/json', buffer: bank });
  await page.getByText('当前文件：fraud.json').waitFor();
  await page.getByRole('button', { name: '预览', exact: true }).dblclick();
  const of = readBank('fraud').questions.length;
  await page.getByText(`第 1 题 / 共 ${of} 题`).waitFor();
  await page.getByRole('button', { name: '下一题', exact: true }).dblclick();
  await page.getByText(`第 2 题 / 共 ${of} 题`).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.getByText(`第 3 题 / 共 ${of} 题`).count(), 0, 'a double click moved two questions');
  assert.deepEqual(problems(), []);
  await context.close();
});

// The contest: one buzz-in round (a foul is not excluding, so every foul counted would show).
function buzzSetup() {
  const keys = readBank('fraud').questions.filter((x) => x.type === 'single').slice(0, 2).map((x) => `fraud/${x.id}`);
  const buzz = { buzz_seconds: 20, answer_seconds: 15, right: 10, wrong: -10, foul: -10, foul_excludes: false, after_wrong: 'rebound', max_answers: 2 };
  const setup = {
    title: '双击演练', starting_score: 100,
    teams: ['甲队', '乙队', '丙队'].map((name, i) => ({ name, colour: ['red', 'blue', 'green'][i], label: String(i + 1) })),
    rounds: [{ rules: { buzz_in: buzz }, questions: keys }],
  };
  return JSON.stringify({ anxin_contest_setup: 1, setup });
}
/** Key events sent in one task, so they carry the same millisecond. */
const sameMoment = (page, presses) => page.evaluate((presses) => {
  for (const [key, repeat] of presses) {
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key, code: `Digit${key}`, repeat, bubbles: true }));
  }
}, presses);

test('the contest: a buzzer held down fouls once, two buzzers in the same millisecond give one buzz, a double click on "next" one step', async () => {
  const { page, context, problems } = await watchedPage(env.browser, env.origin, { viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(8000);
  await page.goto(env.origin + '/contest.html');
  await page.getByRole('heading', { name: '比赛设置' }).waitFor();
  await chooseFile(page.locator('input[type=file]'), { name: 'setup.json', mimeType: 'application/json', buffer: Buffer.from(buzzSetup()) });
  await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === '开始比赛' && !b.disabled));
  await page.getByRole('button', { name: '开始比赛' }).click();
  const scores = async () => (await page.locator('.console-team .score-value').allInnerTexts()).map((x) => Number(x.match(/-?\d+/)[0]));
  const logged = () => page.locator('.log-list li').count();
  const settled = async () => { await page.waitForTimeout(300); return logged(); };
  await page.keyboard.press('n');
  await page.keyboard.press('s');
  await page.locator('.log-list li').nth(1).waitFor();
  // Held down before buzzing opens: the key's auto-repeat is one foul, not six.
  await sameMoment(page, [['2', false], ['2', true], ['2', true], ['2', true], ['2', true], ['2', true]]);
  await page.waitForFunction(() => document.querySelectorAll('.console-team .score-value')[1]?.textContent.includes('90'));
  assert.deepEqual((await scores()), [100, 90, 100]);
  const before = await settled();
  await page.keyboard.press('o');
  await page.locator('.log-list li').nth(before).waitFor();
  // Two buzzers in the same millisecond: one buzz taken, the first; the other is logged as not taken.
  const opened = await settled();
  await sameMoment(page, [['1', false], ['3', false]]);
  await page.locator('.log-list li').nth(opened + 1).waitFor();
  const fresh = (await page.locator('.log-list li').allInnerTexts()).slice(0, (await settled()) - opened);
  // The two key presses are stamped by the page's clock, to the millisecond or just across one: team 3's
  // is logged as not taken, "in the same millisecond, the first event wins" when they share one.
  const lines = fresh.map((l) => l.replace(/^\S+ R1 /, ''));
  assert.equal(lines.length, 2, lines.join('\n'));
  assert.match(lines[0], /^\[3 丙队\] 按抢答器 → (未采纳的抢答|与 1 甲队 同一毫秒，先到者有效)$/);
  assert.equal(lines[1], '[1 甲队] 按抢答器 → 完成');
  assert.deepEqual(await scores(), [100, 90, 100]);
  // Right, then "next" on screen double-clicked: one step, to the second question.
  await page.keyboard.press('r');
  await page.waitForFunction(() => document.querySelectorAll('.console-team .score-value')[0]?.textContent.includes('110'));
  const judged = await settled();
  await page.getByRole('button', { name: '下一步' }).dblclick();
  await page.getByText(/第 2\/2 题/).first().waitFor();
  assert.equal(await settled(), judged + 1, '"next" taken twice');
  assert.deepEqual(problems(), []);
  await context.close();
});
