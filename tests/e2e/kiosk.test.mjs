// The branch kiosk (kiosk.html) end to end, on the built dist/ at 1080×1920 (portrait) and 1920×1080
// (landscape), with Playwright's fake clock for the idle timing: a whole walk-up session from the attract
// screen back to it; "Still there?" after the idle time, "continue" keeps the session, no touch resets
// it; after a reset storage holds only the kiosk's settings and statistics; a reload mid-session comes
// back to the attract screen with the statistics intact; a deployment's kiosk.json (a bad value is
// reported, not fatal); a public screen (no selection, menu, zoom or link out; the index page's CSP);
// axe-core on the attract screen, a question, the end card and the overlay; the operator panel (the
// hidden corner, a first-run PIN, the statistics, a wrong PIN refused and locked across a reload); and
// the build: a phone's page and worker never name a kiosk file. Every test fails on a console error, a failed request or a
// request to another origin (the harness).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { watchedPage, useBrowserAndServer, withAlteredCopy, answer, dist, assertOwnCode, precachedBy, pick, mutationsDuring, drawnAnew } from './harness.mjs';
import { topicName } from './topics.mjs';
import {
  SCREENS, KIOSK_KEYS, NO_SETTINGS, start, stillThere, openKiosk as openKioskOf, audit, storedKeys, storedStats,
  answerAndGoOn, holdCorner, typePin,
} from './kiosk-harness.mjs';

const env = useBrowserAndServer();
const openKiosk = (size, options) => openKioskOf(env, size, options);

for (const size of Object.keys(SCREENS)) {
  test(`${size}: a whole session, from the attract screen to the end card and back, counted once`, async () => {
    const { page, problems } = await openKiosk(size);
    const found = [];
    const box = await start(page).boundingBox();
    const screen = SCREENS[size];
    assert.ok(box.width * box.height > 0.25 * screen.width * screen.height, `the start target is small: ${JSON.stringify(box)}`);
    assert.ok(box.width > (size === 'portrait' ? 0.85 : 0.4) * screen.width, 'the start target does not use the screen');
    found.push(...(await audit(page, `attract ${size}`)));

    await start(page).click();
    await page.getByRole('heading', { name: '想了解哪方面？' }).waitFor();
    found.push(...(await audit(page, `topics ${size}`)));
    await page.getByRole('button', { name: new RegExp(topicName.zh.fraud) }).click();
    await page.getByText('第 1 题 / 共 5 题').waitFor();
    // The whole screen, not the phone's 880 px column (in landscape: the question, and beside it the
    // check, then the verdict and explanation).
    const area = await page.locator('.kiosk-question').boundingBox();
    assert.ok(area.width > 0.85 * (screen.width - 2 * 0.03 * Math.min(screen.width, screen.height)), `the question uses ${area.width} px of ${screen.width}`);
    const card = await page.locator('.question-card').boundingBox();
    assert.ok(card.width > (size === 'portrait' ? 0.85 : 0.4) * screen.width, `the question card is ${card.width} px wide`);
    found.push(...(await audit(page, `question ${size}`)));
    // Ticking an option changes that option, the check button and the hidden verdict, and draws nothing anew.
    const ticked = await mutationsDuring(page, () => pick(page, false));
    assert.deepEqual(drawnAnew(ticked), [], `ticking drew anew: ${ticked}`);
    await page.getByRole('button', { name: '确认答案' }).click();
    await page.locator('.verdict').waitFor();
    found.push(...(await audit(page, `feedback ${size}`)));
    await page.getByRole('button', { name: '下一题' }).click();
    for (let i = 2; i <= 5; i++) await answerAndGoOn(page, true, i === 5);

    await page.getByRole('heading', { name: '答完了' }).waitFor();
    await page.getByText('答对 4 题，共 5 题').waitFor();
    for (const number of ['110', '96110', '12378']) await page.locator('.hotline-number', { hasText: new RegExp(`^${number}$`) }).waitFor();
    assert.equal(await page.locator('.hotline').count(), 3, 'no bank hotline is set: none is shown');
    assert.equal(await page.locator('.takeaway.is-missed').first().innerText().then((t) => t.includes('答错的题')), true);
    found.push(...(await audit(page, `end card ${size}`)));
    await page.getByRole('button', { name: '结束', exact: true }).click();
    await start(page).waitFor();

    const stats = await storedStats(page);
    assert.deepEqual([stats.started, stats.completed, stats.answered, stats.right], [1, 1, 5, 4]);
    assert.equal(stats.topics.fraud.sessions, 1);
    assert.deepEqual(await storedKeys(page), ['anxin.kiosk.stats']);
    assert.deepEqual(found, []);
    assert.deepEqual(problems(), []);
    await page.context().close();
  });
}

test('"Still there?" comes after the idle time; continue keeps the session, no touch resets it and forgets the customer', async () => {
  const { page, problems } = await openKiosk('portrait');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'What would you like to learn about?' }).waitFor();
  await page.getByRole('button', { name: 'Elder mode' }).click();
  await page.getByRole('button', { name: /A bit of everything/ }).click();
  await answer(page, true, 'en');
  await page.getByRole('button', { name: 'Next question' }).click();
  await page.getByText('Question 2 of 5').waitFor();

  await page.clock.runFor(40_000);
  assert.equal(await stillThere(page).count(), 0, 'warned before the idle time');
  await page.clock.runFor(6_000);
  await page.getByRole('alertdialog', { name: 'Still there?' }).waitFor();
  await page.getByText(/In \d+ seconds the screen starts over/).waitFor();
  assert.deepEqual(await audit(page, 'still there'), []);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('alertdialog').waitFor({ state: 'detached' });
  await page.getByText('Question 2 of 5').waitFor();

  // Nobody comes back: the warning, then the countdown, then the attract screen in the defaults.
  await page.clock.runFor(46_000);
  await page.getByRole('alertdialog', { name: 'Still there?' }).waitFor();
  await page.clock.runFor(21_000);
  await start(page).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('elder')), false);
  assert.equal(await page.getByText('Question 2 of 5').count(), 0);

  const keys = await storedKeys(page);
  assert.ok(keys.every((k) => KIOSK_KEYS.includes(k)), `a customer's value is stored: ${keys}`);
  const stats = await storedStats(page);
  // Walked away after one answer: started, not completed; in English and elder mode.
  assert.deepEqual([stats.started, stats.completed, stats.answered, stats.elder, stats.langs.en], [1, 0, 1, 1, 1]);
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('the tips can be paused and resumed; read-aloud reads the question and pauses the idle count while it speaks', async () => {
  // The engine's voice, faked: it speaks until the test ends the utterance (headless Chromium has no voices).
  const init = () => {
    const fake = {
      speaking: false, spoken: [],
      speak(u) { this.speaking = true; this.spoken.push(u.text); },
      cancel() { this.speaking = false; },
      getVoices() { return []; },
    };
    Object.defineProperty(window, 'speechSynthesis', { get: () => fake, configurable: true });
  };
  const { page, problems } = await openKiosk('landscape', { init });
  const tip = () => page.locator('.tip-text').innerText();
  await page.getByRole('button', { name: '暂停换提示' }).click();
  await page.getByRole('button', { name: '继续换提示' }).waitFor();
  // The tip of the moment of the pause (the clock runs on, so it is read once paused).
  const shown = await tip();
  await page.clock.runFor(30_000);
  assert.equal(await tip(), shown, 'paused: the same tip');
  assert.ok(await start(page).isVisible(), 'a pause starts nothing');
  await page.getByRole('button', { name: '继续换提示' }).click();
  await page.clock.runFor(9_000);
  assert.notEqual(await tip(), shown, 'rotating again');
  assert.deepEqual(await audit(page, 'attract tips paused'), []);

  await start(page).click();
  await page.getByRole('button', { name: new RegExp(topicName.zh.fraud) }).click();
  await page.getByText('第 1 题 / 共 5 题').waitFor();
  const prompt = await page.locator('.question-prompt').innerText();
  await page.getByRole('button', { name: '朗读' }).click();
  const spoken = await page.evaluate(() => window.speechSynthesis.spoken);
  assert.equal(spoken.length, 1);
  assert.ok(spoken[0].includes(prompt.trim().slice(0, 10)), `read: ${spoken[0]}; on screen: ${prompt}`);
  // A long reading is not idleness: no "Still there?" while it speaks …
  await page.clock.runFor(70_000);
  assert.equal(await stillThere(page).count(), 0, 'warned while read-aloud spoke');
  // … and once it ends, the idle count runs again from where it was.
  await page.evaluate(() => { window.speechSynthesis.speaking = false; });
  await page.clock.runFor(47_000);
  await stillThere(page).waitFor();
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('a reload mid-session comes back to the attract screen with the statistics intact', async () => {
  const { page, problems } = await openKiosk('landscape');
  await start(page).click();
  await page.getByRole('button', { name: new RegExp(topicName.zh.rights) }).click();
  for (let i = 1; i <= 5; i++) await answerAndGoOn(page, i % 2 === 1, i === 5);
  await page.getByRole('button', { name: '结束', exact: true }).click();
  const before = await storedStats(page);
  assert.deepEqual([before.started, before.completed, before.right], [1, 1, 3]);

  await start(page).click();
  await page.getByRole('button', { name: new RegExp(topicName.zh.privacy) }).click();
  await answerAndGoOn(page, true, false);
  await page.getByText('第 2 题 / 共 5 题').waitFor();
  await page.reload();
  await start(page).waitFor();
  assert.equal(await page.getByText('第 2 题 / 共 5 题').count(), 0);
  assert.deepEqual(await storedStats(page), before);
  assert.deepEqual(await storedKeys(page), ['anxin.kiosk.stats']);
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test("a deployment's kiosk.json sets the branch and the session length; a bad value is reported, not fatal", async () => {
  const settings = { branch: '人民路支行', questions_per_session: 3, idle_seconds: 5, bank_hotline: '95588' };
  await withAlteredCopy((dir) => fs.writeFileSync(path.join(dir, 'kiosk.json'), JSON.stringify(settings)), async (origin) => {
    const { page, problems, warnings } = await openKiosk('portrait', { origin, allow: [] });
    await page.getByText('人民路支行').waitFor();
    await page.getByText('3 道题，每题都有讲解').waitFor();
    await start(page).click();
    await page.getByRole('button', { name: /一样来一点/ }).click();
    await page.getByText('第 1 题 / 共 3 题').waitFor();
    for (let i = 1; i <= 3; i++) await answerAndGoOn(page, true, i === 3);
    await page.locator('.hotline-number', { hasText: /^95588$/ }).waitFor();
    await page.getByText('本行客服热线').waitFor();
    assert.ok(warnings.some((w) => w.includes('kiosk.json: idle_seconds: 5 is outside')), `no warning names idle_seconds: ${warnings}`);
    assert.deepEqual(problems(), []);
    await page.context().close();
  });
});

test('a public screen: no selection, long-press menu, pinch zoom or overscroll, no link out, the same CSP as index.html', async () => {
  const { page, problems } = await openKiosk('portrait');
  const style = await page.evaluate(() => {
    const s = getComputedStyle(document.documentElement);
    return { select: s.userSelect, touch: s.touchAction, overscroll: s.overscrollBehaviorY };
  });
  assert.deepEqual(style, { select: 'none', touch: 'pan-y', overscroll: 'none' });
  const menu = await page.evaluate(() => {
    const e = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    document.querySelector('.start').dispatchEvent(e);
    return e.defaultPrevented;
  });
  assert.equal(menu, true, 'the long-press menu opens');
  const links = await page.evaluate(() => [...document.querySelectorAll('a[href]')]
    .filter((a) => a.getAttribute('href') !== '' && new URL(a.href).origin !== location.origin).map((a) => a.href));
  assert.deepEqual(links, []);
  const csp = (file) => fs.readFileSync(path.join(dist, file), 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.equal(csp('kiosk.html'), csp('index.html'));
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test("a phone never downloads kiosk code: index.html and its worker name no kiosk file; the kiosk's worker names its own", () => {
  assertOwnCode('kiosk', 'kiosk-sw.js');
  const kiosk = precachedBy('kiosk-sw.js');
  for (const f of ['manifest.webmanifest', 'kiosk.json']) assert.ok(!kiosk.includes(f), `kiosk-sw.js precaches ${f}`);
});

test('the kiosk works offline after one visit, under its own worker', async () => {
  const { page, context, problems } = await watchedPage(env.browser, env.origin, {
    viewport: SCREENS.portrait, serviceWorkers: 'allow', allow: NO_SETTINGS,
  });
  await page.goto(env.origin + '/kiosk.html');
  await start(page).waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  assert.match(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL), /\/kiosk-sw\.js$/);
  await context.setOffline(true);
  await page.reload();
  await start(page).click();
  await page.getByRole('button', { name: new RegExp(topicName.zh.investing) }).click();
  await answer(page, true);
  await context.setOffline(false);
  assert.deepEqual(problems().filter((p) => !p.includes('kiosk.json')), []);
  await context.close();
});

test('the operator panel: a hidden 3 s corner press, a PIN set on first run, the statistics; a wrong PIN is refused and the lockout survives a reload', async () => {
  const { page, problems } = await openKiosk('portrait');
  await start(page).click();
  await page.getByRole('button', { name: new RegExp(topicName.zh.fraud) }).click();
  for (let i = 1; i <= 5; i++) await answerAndGoOn(page, i !== 2, i === 5);
  await page.getByRole('button', { name: '结束', exact: true }).click();

  // A short press is a customer's tap: nothing opens.
  await holdCorner(page, 1_000);
  assert.equal(await page.getByRole('heading', { name: '管理面板' }).count(), 0);
  await holdCorner(page, 3_100);
  await page.getByRole('heading', { name: '首次使用：请设置管理密码（4–8 位数字）' }).waitFor();
  const found = await audit(page, 'panel first run');
  await typePin(page, '1234');
  await page.getByText('不能是连续的数字').waitFor();
  await typePin(page, '2580');
  await page.getByRole('heading', { name: '请再输入一次新密码' }).waitFor();
  await typePin(page, '2580');
  await page.getByRole('heading', { name: '答题统计' }).waitFor();
  await page.getByText('管理密码已设置').waitFor();
  const row = (label) => page.locator('.stats-table tr', { has: page.locator('th', { hasText: new RegExp(`^${label}$`) }) }).locator('td').first();
  assert.equal(await row('参与人次').innerText(), '<5', 'one session: shown as <5');
  await page.getByText('少于 5 的数显示为“<5”').waitFor();
  found.push(...(await audit(page, 'panel statistics')));
  const pin = await page.evaluate(() => localStorage.getItem('anxin.kiosk.pin'));
  assert.ok(pin && !pin.includes('2580'), `the PIN is stored as it is: ${pin}`);
  await page.getByRole('button', { name: '关闭' }).click();
  await start(page).waitFor();

  // Wrong PINs: two refusals, then a pause that a reload does not end.
  await holdCorner(page, 3_100);
  await page.getByRole('heading', { name: '请输入管理密码' }).waitFor();
  await typePin(page, '1111');
  await page.getByText('密码错误，还可再试 2 次').waitFor();
  await typePin(page, '1112');
  await page.getByText('密码错误，还可再试 1 次').waitFor();
  await typePin(page, '1113');
  await page.getByText(/错误次数过多，请 \d+ 秒后再试/).waitFor();
  await page.reload();
  await start(page).waitFor();
  await holdCorner(page, 3_100);
  await typePin(page, '2580');
  await page.getByText(/错误次数过多，请 \d+ 秒后再试/).waitFor();
  assert.equal(await page.getByRole('heading', { name: '答题统计' }).count(), 0, 'opened while locked');
  await page.clock.runFor(31_000);
  await typePin(page, '2580');
  await page.getByRole('heading', { name: '答题统计' }).waitFor();
  assert.deepEqual(found, []);
  assert.deepEqual(problems(), []);
  await page.context().close();
});
