// The contest page (contest.html): a 3-team match through all four round types, driven from the host's
// keyboard as a hall would (buzzers are keys 1–3), with the audience window (a second page of the same
// browser, opened by the host) following every step. Covers a foul, a wrong answer that rebounds, a
// manual adjustment and its undo, a reload of the host's window in the middle of a question (the timer
// keeps running), a tiebreak, the final ranking and its CSV, and axe on both windows.
// Run against a build of the page: ANXIN_DIST=target/pages/contest node --test tests/e2e/contest.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { watchedPage, useBrowserAndServer, assertOwnCode, chooseFile } from './harness.mjs';
import { PAGE, setupFile, scores } from './contest-harness.mjs';

const env = useBrowserAndServer();
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's WCAG 2.2 A/AA violations on the page as it is, as readable lines. */
async function axe(page, screen) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.map((v) => `${screen}: ${v.id} ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

test('a three-team match through every round type, with the audience window in step', async () => {
  const { page, context, problems } = await watchedPage(env.browser, env.origin, { viewport: { width: 1920, height: 1080 } });
  const found = [];
  await page.goto(`${env.origin}/${PAGE}`);
  await page.getByRole('heading', { name: '比赛设置' }).waitFor();
  found.push(...(await axe(page, 'setup')));

  // A draw with its seed shown: the first round (compulsory, three teams) gets three questions.
  const first = page.locator('.round-editor').first();
  await first.getByRole('button', { name: '按条件抽题' }).click();
  await first.locator('.question-list li').nth(2).waitFor();
  assert.equal(await first.locator('.question-list li').count(), 3);
  assert.match(await first.locator('.draw-note').innerText(), /^种子 \d+ · \d{4}-\d\d-\d\d 抽取$/);

  // English, then back.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Match setup' }).waitFor();
  found.push(...(await axe(page, 'setup [en]')));
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('heading', { name: '比赛设置' }).waitFor();

  // Load the setup from a file, as prepared on another PC.
  const { text, questions } = setupFile();
  await chooseFile(page.locator('input[type=file]'), { name: 'setup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByText('已载入“城区支行金融知识竞赛”。').waitFor();
  const start = page.getByRole('button', { name: '开始比赛' });
  await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === '开始比赛' && !b.disabled));
  await start.click();

  // The audience window, opened by the host.
  const [aud] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: /打开观众屏/ }).click()]);
  const audErrors = [];
  aud.on('console', (m) => m.type() === 'error' && audErrors.push(m.text()));
  aud.on('pageerror', (e) => audErrors.push(e.message));
  await aud.waitForLoadState();
  const headline = (text) => aud.locator('.stage-headline', { hasText: text }).waitFor({ timeout: 5000 });
  const audScores = () => scores(aud, '.score-row .score-value');
  const hostScores = () => scores(page, '.console-team .score-value');
  const expectScores = async (want) => {
    await aud.waitForFunction((w) => [...document.querySelectorAll('.score-row .score-value')].map((e) => Number(e.textContent.match(/-?\d+/)[0])).join() === w.join(), want, { timeout: 5000 });
    assert.deepEqual(await hostScores(), want);
  };
  await aud.getByText('必答题').first().waitFor();
  const key = (k) => page.keyboard.press(k);
  const promptOf = (i) => questions[i].prompt.zh;

  // 必答: each team its own question.
  await key('n');
  await headline('请 1 城东队 答题');
  assert.equal(await aud.getByText(promptOf(0)).count(), 0, 'not shown before the host shows it');
  await key('s');
  await aud.getByText(promptOf(0)).waitFor();
  assert.equal(await aud.locator('.stage-answer').count(), 0, 'the answer stays hidden');
  await page.getByText('答案（仅主持人可见）').first().waitFor();
  await key('r');
  await headline('1 城东队 回答正确');
  await key('a');
  await aud.locator('.stage-answer').waitFor();
  await key('n');
  await key('s');
  await key('w');
  await headline('2 城西队 回答错误');
  await key('n');
  await key('s');
  await key('r');
  await expectScores([110, 100, 110]);
  await key('n');

  // 抢答: a foul, a wrong answer that rebounds, then a right one.
  await aud.getByText('抢答题').first().waitFor();
  await key('n');
  await key('s');
  await headline('请听题');
  await key('2'); // 城西队 buzzes before buzzing is open: a foul.
  await expectScores([110, 90, 110]);
  await page.locator('.log-list li', { hasText: '犯规' }).waitFor();
  await key('o');
  await headline('开始抢答');
  await key('1');
  await headline('1 城东队 抢到');
  await key('3'); // locked out: logged, nothing else
  await key('w');
  await expectScores([100, 90, 110]);
  await headline('请听题'); // rebounds: the host opens buzzing again
  await key('o');
  await key('2'); // fouled: shut out of this question
  await key('3');
  await headline('3 城南队 抢到');
  found.push(...(await axe(page, 'console')), ...(await axe(aud, 'audience')));
  await key('r');
  await expectScores([100, 90, 120]);
  await key('a');
  await key('n');
  await key('s');
  await key('o');
  await key('2');
  await key('r');
  await expectScores([100, 100, 120]);

  // A manual adjustment with its reason, then undone.
  await key('j');
  await page.keyboard.type('10');
  await page.getByLabel(/原因/).fill('评委复核第 2 题');
  await page.getByRole('button', { name: '调整分数' }).click();
  await expectScores([110, 100, 120]);
  await page.locator('.log-list li', { hasText: '评委复核第 2 题' }).waitFor();
  await page.getByRole('button', { name: /撤销/ }).click();
  await expectScores([100, 100, 120]);
  await page.locator('.log-list li', { hasText: '撤销了第' }).waitFor();
  await key('n');

  // 风险: 城东队 picks 20 (Shift+2), the timer starts, and the host's window reloads mid-question.
  await aud.getByText('风险题').first().waitFor();
  await key('n');
  await headline('请 1 城东队 选择分值');
  await key('Shift+Digit2');
  await headline('1 城东队 选择了 20 分');
  await key('s');
  await key('t');
  await aud.getByText(promptOf(5)).waitFor();
  await page.reload();
  await page.locator('.console-headline', { hasText: '1 城东队 作答' }).waitFor();
  await page.getByText(promptOf(5)).first().waitFor();
  const left = Number(await page.locator('.console-status .countdown-number').innerText());
  assert.ok(left <= 60 && left >= 45, `the timer went on through the reload: ${left}`);
  await page.waitForFunction((l) => Number(document.querySelector('.console-status .countdown-number').textContent) < l, left, { timeout: 5000 });
  // The audience window reloads too, and rejoins from the saved match.
  await aud.reload();
  await headline('1 城东队 作答');
  await aud.getByText(promptOf(5)).waitFor();
  assert.deepEqual(await audScores(), [100, 100, 120]);
  await key('r');
  await expectScores([120, 100, 120]);
  await key('n');
  await key('Shift+Digit1');
  await key('s');
  await key('w');
  await expectScores([120, 90, 120]);
  await key('n');
  await headline('请 3 城南队 选择分值');
  await key('d');
  await headline('3 城南队 放弃本题');
  await expectScores([120, 90, 120]);
  await key('n');

  // 加赛 between the two teams tied first; the team not in it cannot buzz.
  await aud.getByText('加赛题').first().waitFor();
  await aud.getByText('加赛：1 城东队、3 城南队').waitFor();
  await key('n');
  await key('s');
  await key('o');
  await key('2');
  await headline('开始抢答');
  await key('3');
  await headline('3 城南队 抢到');
  await key('r');
  await expectScores([120, 90, 130]);
  await key('n');

  // The end: the podium on the projector, the ranking and its CSV on the host's.
  await aud.getByRole('heading', { name: '领奖台' }).waitFor();
  const podium = await aud.locator('.podium-step').allInnerTexts();
  assert.match(podium[0], /第 1 名[\s\S]*城南队[\s\S]*130/);
  found.push(...(await axe(aud, 'podium')));
  await page.getByRole('button', { name: '成绩', exact: true }).click();
  const rows = await page.locator('.result-table tbody tr').allInnerTexts();
  assert.deepEqual(rows.map((r) => r.match(/(城.队)/)[1]), ['城南队', '城东队', '城西队']);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出成绩/ }).click()]);
  const csv = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/);
  assert.equal(csv[0], '名次,队伍,起始分,第 1 环节,第 2 环节,第 3 环节,第 4 环节,手动调整,总分');
  assert.equal(csv[1], '1,3 城南队,100,10,10,0,10,0,130');
  assert.equal(csv[3], '3,2 城西队,100,0,0,-10,0,0,90');
  found.push(...(await axe(page, 'results')));

  // The buzzer test: a team's row lights up when its key is pressed, and the match is not touched.
  await page.getByRole('button', { name: '抢答器按键' }).click();
  await page.getByRole('heading', { name: '抢答器按键设置' }).waitFor();
  await key('2');
  await page.locator('.key-row.is-pressed', { hasText: '城西队' }).waitFor();
  assert.equal(await page.locator('.key-row.is-pressed').count(), 1);
  found.push(...(await axe(page, 'buzzer keys')));

  // Starting a new match over the saved one asks first; keeping it changes nothing.
  await page.getByRole('button', { name: '比赛设置' }).click();
  await page.getByRole('button', { name: '开始比赛' }).click();
  await page.getByRole('alertdialog').waitFor();
  found.push(...(await axe(page, 'replace the saved match?')));
  await page.getByRole('button', { name: '保留原来的比赛' }).click();
  await page.getByRole('button', { name: '继续上次的比赛' }).click();
  await page.locator('.console-headline', { hasText: '比赛结束' }).waitFor();

  assert.deepEqual(found, []);
  assert.deepEqual([...problems(), ...audErrors], []);
  await context.close();
});

test('without BroadcastChannel the audience window follows the saved match through storage events; time runs out on its own', async () => {
  const noChannel = () => { delete window.BroadcastChannel; };
  const { page, context, problems } = await watchedPage(env.browser, env.origin, { viewport: { width: 1280, height: 720 }, init: noChannel });
  await page.goto(`${env.origin}/${PAGE}`);
  await page.getByRole('heading', { name: '比赛设置' }).waitFor();
  const { text, questions } = setupFile({ seconds: 2 });
  await chooseFile(page.locator('input[type=file]'), { name: 'setup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === '开始比赛' && !b.disabled));
  await page.getByRole('button', { name: '开始比赛' }).click();
  const [aud] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: /打开观众屏/ }).click()]);
  assert.equal(await aud.evaluate(() => typeof window.BroadcastChannel), 'undefined');
  await aud.getByText('必答题').first().waitFor();
  await page.keyboard.press('n');
  await page.keyboard.press('s');
  await aud.getByText(questions[0].prompt.zh).waitFor();
  await page.keyboard.press('r');
  await aud.locator('.stage-headline', { hasText: '1 城东队 回答正确' }).waitFor();
  assert.match(await aud.locator('.score-row').first().innerText(), /110/);
  // A 2-second limit: the countdown reaches zero and the question ends without the host.
  await page.keyboard.press('n');
  await page.keyboard.press('s');
  await page.keyboard.press('t');
  await aud.locator('.stage-headline', { hasText: '2 城西队 超时' }).waitFor({ timeout: 6000 });
  await page.locator('.log-list li', { hasText: '时间到' }).waitFor();
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the host page opened twice: the second window hosts nothing until told to, then the first stops; no step is lost', async () => {
  const { page: first, context, problems } = await watchedPage(env.browser, env.origin, { viewport: { width: 1280, height: 720 } });
  await first.goto(`${env.origin}/${PAGE}`);
  await first.getByRole('heading', { name: '比赛设置' }).waitFor();
  const { text } = setupFile();
  await chooseFile(first.locator('input[type=file]'), { name: 'setup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await first.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === '开始比赛' && !b.disabled));
  await first.getByRole('button', { name: '开始比赛' }).click();
  await first.keyboard.press('n');
  await first.keyboard.press('s');
  await first.keyboard.press('r');
  const saved = () => first.evaluate(() => JSON.parse(localStorage.getItem('anxin.contest.match')).data);
  const logOf = (m) => m.log.length;
  const afterFirst = logOf(await saved());

  // A second host window on the same PC: a notice, and the match is not touched.
  const second = await context.newPage();
  await second.goto(`${env.origin}/${PAGE}`);
  const notice = second.getByRole('alert').filter({ hasText: '这场比赛正在另一个窗口里主持' });
  await notice.waitFor();
  assert.deepEqual(await axe(second, 'host elsewhere'), []);
  await second.keyboard.press('n');
  assert.equal(logOf(await saved()), afterFirst, 'the second window took a step');
  // The first window goes on hosting (its heartbeat keeps the claim).
  await first.waitForTimeout(2500);
  await first.bringToFront();
  await first.keyboard.press('n');
  await first.locator('.log-list li').nth(afterFirst).waitFor();
  const afterMore = logOf(await saved());
  assert.ok(afterMore > afterFirst);

  // Hosting moves to the second window: it shows the match as the first left it; the first stops.
  await second.bringToFront();
  await second.getByRole('button', { name: '改在这个窗口主持' }).click();
  await second.locator('.log-list li').nth(afterMore - 1).waitFor();
  await first.bringToFront();
  await first.keyboard.press('s');
  await first.getByRole('alert').filter({ hasText: '这场比赛正在另一个窗口里主持' }).waitFor();
  assert.equal(logOf(await saved()), afterMore, 'the window taken over from overwrote the match');
  await second.bringToFront();
  await second.keyboard.press('s');
  await first.waitForFunction((n) => JSON.parse(localStorage.getItem('anxin.contest.match')).data.log.length > n, afterMore);

  // The hosting window closes: the other takes over by itself once the claim is released.
  await second.close();
  await first.getByRole('heading', { name: '比赛设置' }).or(first.locator('.log-list')).first().waitFor();
  await first.waitForFunction(() => !document.querySelector('.host-elsewhere'), null, { timeout: 8000 });
  assert.deepEqual(problems(), []);
  await context.close();
});

// Only in the assembled dist/, where the pages and their workers sit side by side.
test("a phone never downloads contest code; the hall PC's own worker precaches the contest page", { skip: !PAGE }, () => {
  assertOwnCode('contest', 'contest-sw.js');
});

test('the contest page works offline after one visit, under its own worker, and keeps the saved setup', { skip: !PAGE }, async () => {
  const { page, context, problems } = await watchedPage(env.browser, env.origin, { viewport: { width: 1280, height: 720 }, serviceWorkers: 'allow' });
  await page.goto(`${env.origin}/${PAGE}`);
  await page.getByRole('heading', { name: '比赛设置' }).waitFor();
  const { text } = setupFile();
  await chooseFile(page.locator('input[type=file]'), { name: 'setup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === '开始比赛' && !b.disabled));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  assert.match(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL), /\/contest-sw\.js$/);
  // The hall has no network: the page, its wasm and the banks come from the worker's cache.
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { name: '比赛设置' }).waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === '开始比赛' && !b.disabled));
  assert.deepEqual(problems(), []);
  await context.close();
});
