// The learner's modes end to end: a full quiz with the unanswered warning, the result (points,
// chart, advice) and the review; a timed quiz; the setup's filters; the progress screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchedPage, readIndex, readBank, useBrowserAndServer, setUpRound, pick, answer, questionOnScreen, upAndWhole } from './harness.mjs';
import { topicName } from './topics.mjs';

const env = useBrowserAndServer();
const bankOf = (topic) => readIndex().banks.find((b) => b.topic === topic);
const name = (topic, lang = 'zh') => topicName[lang][topic];

test('a full quiz: warned about an unanswered question, handed in, scored, then reviewed', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  const rights = bankOf('rights');
  await setUpRound(page, name('rights'), { mode: 'quiz', count: 5 });
  // Right, wrong, (skipped), right, right. Nothing is revealed while answering.
  const plan = [true, false, null, true, true];
  const asked = [];
  for (const [i, right] of plan.entries()) {
    await page.getByText(`第 ${i + 1} 题 / 共 5 题`).waitFor();
    if (right !== null) asked[i] = await pick(page, right);
    assert.equal(await page.locator('.verdict').count(), 0);
    if (i < 4) await page.getByRole('button', { name: '下一题' }).click();
  }
  await page.getByRole('button', { name: '交卷', exact: true }).click();
  const warning = page.getByRole('alertdialog');
  await warning.waitFor();
  assert.match(await warning.innerText(), /还有 1 道题没有作答（第 3 题）/);
  await page.getByRole('button', { name: '继续答题' }).click();
  await page.getByText('第 3 题 / 共 5 题').waitFor();
  assert.equal(await page.getByRole('button', { name: '第 3 题，未答' }).getAttribute('aria-current'), 'step');
  // Going back shows exactly what was ticked before: the right options of question 1.
  await page.getByRole('button', { name: '第 1 题，已答' }).click();
  await page.getByText('第 1 题 / 共 5 题').waitFor();
  const ticked = (await page.locator('button.option[aria-pressed="true"] .option-text').allInnerTexts()).map((t) => t.trim()).sort();
  const first = asked[0];
  assert.deepEqual(ticked, first.answer.map((id) => first.options.find((o) => o.id === id).text.zh.trim()).sort());
  await page.getByRole('button', { name: '第 3 题，未答' }).click();
  await pick(page, true);
  await page.getByRole('button', { name: '交卷', exact: true }).click();

  // 4 of 5 right = 80%, the default pass mark. Points: 10 + 0 + 10 + 12 + 14 (a run of three).
  await page.getByRole('heading', { name: '测验通过' }).waitFor();
  await page.getByText('正确率 80%', { exact: true }).waitFor();
  await page.getByText('答对 4 题，共 5 题').waitFor();
  await page.getByText('得分 46 分（其中连续答对奖励 6 分）').waitFor();
  await page.getByText('最多连续答对 3 题').waitFor();
  await page.getByText(/用时 \d+ 分 \d+ 秒/).waitFor();
  const chart = page.getByRole('figure', { name: '各主题正确率' });
  assert.match(await chart.innerText(), /消费者权益：答对 4 \/ 5 题，80%/);
  assert.equal(await page.locator('.chart .bar').count(), 1);
  await page.getByText('错题本里有 1 道题').waitFor();

  await page.getByRole('button', { name: '查看答题详情' }).click();
  await page.getByRole('heading', { name: '答题详情' }).waitFor();
  const items = page.locator('.review-item');
  assert.equal(await items.count(), 5);
  assert.match(await items.nth(1).innerText(), /回答错误[\s\S]*正确答案：/);
  assert.match(await items.nth(0).innerText(), /回答正确[\s\S]*解析/);
  assert.equal(await page.locator('.review-item .explanation').count(), 5);
  await page.getByRole('button', { name: '返回成绩' }).click();
  await page.getByRole('heading', { name: '测验通过' }).waitFor();

  // The progress screen: best score, mastery, and the quiz in the history.
  await page.getByRole('button', { name: '返回首页' }).click();
  await page.getByRole('button', { name: /我的学习/ }).click();
  const card = page.locator('.mastery', { hasText: '消费者权益' });
  assert.match(await card.innerText(), /最好成绩 80%/);
  assert.match(await card.innerText(), /掌握 [1-9]\d*%/);
  const row = page.locator('.history-row').first();
  assert.match(await row.innerText(), /测验 · 消费者权益[\s\S]*4\/5 题，正确率 80% · 46 分[\s\S]*测验通过/);
  await page.getByText('共答 1 轮、5 道题').waitFor();
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('a timed quiz moves on when a question runs out of time and hands in after the last', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.clock.install();
  await page.goto(env.origin + '/');
  await setUpRound(page, name('privacy'), { mode: 'quiz', count: 5, seconds: 30 });
  await page.locator('.timer', { hasText: '本题剩余 30 秒' }).waitFor();
  // A timed quiz only moves forward: no "previous", no answer sheet.
  assert.equal(await page.getByRole('button', { name: '上一题' }).count(), 0);
  assert.equal(await page.locator('.sheet').count(), 0);
  await pick(page, true);
  await page.clock.runFor(20_000);
  await page.locator('.timer', { hasText: '本题剩余 10 秒' }).waitFor();
  assert.match(await page.locator('.quiz [aria-live]').innerText(), /本题剩余 10 秒/);
  await page.clock.runFor(10_000);
  await page.getByText('第 2 题 / 共 5 题').waitFor();
  await page.locator('.timer', { hasText: '本题剩余 30 秒' }).waitFor();
  for (let i = 2; i <= 5; i++) {
    await page.clock.runFor(30_000);
    if (i < 5) await page.getByText(`第 ${i + 1} 题 / 共 5 题`).waitFor();
  }
  await page.getByRole('heading', { name: '这次没有通过' }).waitFor();
  await page.getByText('答对 1 题，共 5 题').waitFor();
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('the setup counts what topics, audience and difficulty leave; practice reveals at once', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  const fraud = readBank(bankOf('fraud').id).questions;
  const privacy = readBank(bankOf('privacy').id).questions;
  const both = [...fraud, ...privacy];
  await page.getByRole('button', { name: name('fraud') }).click();
  await page.getByRole('button', { name: '练习', exact: true }).click();
  await page.getByText(`所选范围共有 ${fraud.length} 道题`).waitFor();
  await page.getByRole('group', { name: '答题主题' }).getByRole('button', { name: '个人信息保护', exact: true }).click();
  await page.getByText(`所选范围共有 ${both.length} 道题`).waitFor();
  await page.getByRole('group', { name: '面向人群' }).getByRole('button', { name: '长辈' }).click();
  const seniors = both.filter((q) => q.audience.includes('elderly'));
  await page.getByText(`所选范围共有 ${seniors.length} 道题`).waitFor();
  await page.getByRole('group', { name: '面向人群' }).getByRole('button', { name: '所有人', exact: true }).click();
  // Difficulty applies to quizzes.
  await page.getByRole('button', { name: '测验', exact: true }).click();
  await page.getByRole('button', { name: '挑战' }).click();
  await page.getByText(`所选范围共有 ${both.filter((q) => q.difficulty === 3).length} 道题`).waitFor();
  await page.getByRole('button', { name: '练习', exact: true }).click();
  await page.getByRole('button', { name: '随机练习' }).click();
  await page.getByRole('group', { name: '题目数量' }).getByRole('button', { name: '全部', exact: true }).click();
  await page.getByText(`所选范围共有 ${both.length} 道题`).waitFor();
  await page.getByRole('button', { name: '开始', exact: true }).click();
  await page.getByText(`第 1 题 / 共 ${both.length} 题`).waitFor();
  assert.equal(await page.locator('.quiz-title').innerText(), '防范诈骗、个人信息保护 · 练习');
  const q = await pick(page, false);
  assert.ok(both.some((x) => x.id === q.id));
  await page.getByRole('button', { name: '确认答案' }).click();
  await page.getByText('回答错误').first().waitFor();
  await page.locator('.explanation').waitFor();
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('elder mode: 24 px text, 60 px targets, the seniors\' questions, no clock or points; remembered', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin, { viewport: { width: 360, height: 780 } });
  await page.goto(env.origin + '/');
  await page.getByRole('button', { name: '长辈模式' }).click();
  await page.getByRole('button', { name: '长辈模式', pressed: true }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('elder')), true);
  // Turning it on turns to the seniors' questions.
  await page.getByRole('button', { name: '长辈', exact: true, pressed: true }).waitFor();
  await page.reload();
  await page.getByRole('button', { name: '长辈模式', pressed: true }).waitFor();

  await page.getByRole('button', { name: name('fraud') }).click();
  await page.getByRole('button', { name: '测验', exact: true }).click();
  await page.getByText(/所选范围共有/).waitFor();
  assert.equal(await page.getByRole('group', { name: '每题限时' }).count(), 0, 'no time limits');
  await page.getByRole('button', { name: '5 题', exact: true }).click();
  await page.getByRole('button', { name: '开始', exact: true }).click();
  await page.locator('h2.question-prompt').waitFor();
  const q = await pick(page, true);
  assert.ok(q.audience.includes('elderly'), `${q.id} is not for seniors`);
  // One question and its choices: no bookmark, no answer sheet, no clock.
  assert.equal(await page.getByRole('button', { name: '收藏本题' }).count(), 0);
  assert.equal(await page.locator('.sheet, .timer').count(), 0);
  // Sizes as the elderly-friendly rules ask, and more.
  const sizes = await page.evaluate(() => {
    const px = (el, prop) => parseFloat(getComputedStyle(el)[prop]);
    const text = ['.option-text', '.question-kind', '.progress-text', '.footer p'].map((s) => px(document.querySelector(s), 'fontSize'));
    const line = px(document.querySelector('.option-text'), 'lineHeight') / px(document.querySelector('.option-text'), 'fontSize');
    const targets = [...document.querySelectorAll('button')].filter((b) => b.offsetParent)
      .map((b) => { const r = b.getBoundingClientRect(); return [b.innerText.trim().slice(0, 12), r.width, r.height]; });
    return { text, line, targets, scroll: document.documentElement.scrollWidth };
  });
  assert.ok(sizes.text.every((s) => s >= 24), `text sizes ${sizes.text}`);
  assert.ok(sizes.line >= 1.5, `line height ${sizes.line}`);
  for (const [name, w, h] of sizes.targets) assert.ok(w >= 60 && h >= 60, `${name}: ${w}×${h}`);
  assert.equal(sizes.scroll, 360, 'no horizontal scrolling');
  for (let i = 1; i < 5; i++) {
    await page.getByRole('button', { name: '下一题' }).click();
    await page.getByText(`第 ${i + 1} 题 / 共 5 题`).waitFor();
    await pick(page, true);
  }
  await page.getByRole('button', { name: '交卷', exact: true }).click();
  await page.getByRole('heading', { name: '测验通过' }).waitFor();
  await page.getByText('正确率 100%', { exact: true }).waitFor();
  assert.equal(await page.getByText(/得分|用时|连续答对/).count(), 0, 'accuracy only: no points, runs or time');

  // Off again from the settings.
  await page.getByRole('button', { name: '返回首页' }).click();
  await page.getByRole('button', { name: /设置/ }).click();
  await page.getByRole('button', { name: '长辈模式', pressed: true }).click();
  await page.getByRole('button', { name: '长辈模式', pressed: false }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('elder')), false);
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('read-aloud speaks the question, then the answer and explanation, in the interface language', async () => {
  const fakeVoice = () => {
    window.__spoken = [];
    window.__cancelled = 0;
    const synth = {
      speaking: false,
      pending: false,
      cancel() { window.__cancelled += 1; this.speaking = false; },
      speak(u) { window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.lang : null }); this.speaking = true; },
      getVoices() { return [{ lang: 'en-US', name: 'English' }, { lang: 'zh-CN', name: '中文' }]; },
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.lang = ''; this.voice = null; } };
  };
  const { page, problems } = await watchedPage(env.browser, env.origin, { init: fakeVoice });
  await page.goto(env.origin + '/');
  await setUpRound(page, name('fraud'));
  const q = await questionOnScreen(page);
  await page.getByRole('button', { name: '朗读' }).click();
  let spoken = await page.evaluate(() => window.__spoken);
  assert.equal(spoken.length, 1);
  assert.equal(spoken[0].lang, 'zh-CN');
  assert.equal(spoken[0].voice, 'zh-CN');
  assert.ok(spoken[0].text.startsWith((q.read_aloud?.zh ?? q.prompt.zh).trim().slice(0, 8)), spoken[0].text);
  for (const o of q.options) assert.ok(spoken[0].text.includes(o.text.zh.trim()), `option ${o.id} not read`);
  await answer(page, true);
  await page.getByRole('button', { name: '朗读' }).click();
  spoken = await page.evaluate(() => window.__spoken);
  assert.match(spoken[1].text, /正确答案：[A-F]/);
  assert.ok(spoken[1].text.includes(q.explanation.zh.trim().slice(0, 10)));
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Read aloud' }).click();
  spoken = await page.evaluate(() => window.__spoken);
  assert.equal(spoken[2].lang, 'en');
  assert.equal(spoken[2].voice, 'en-US');
  assert.ok(spoken[2].text.includes(q.explanation.en.trim().slice(0, 10)));
  // Leaving a question stops its voice; leaving one read by no one asks the engine nothing.
  const cancelled = () => page.evaluate(() => window.__cancelled);
  const before = await cancelled();
  await page.getByRole('button', { name: 'Next question' }).click();
  await page.getByText(/Question 2 of/).waitFor();
  assert.equal(await cancelled(), before + 1);
  await answer(page, true, 'en');
  await page.getByRole('button', { name: 'Next question' }).click();
  await page.getByText(/Question 3 of/).waitFor();
  assert.equal(await cancelled(), before + 1);
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('where the engine has no speech synthesis, there is no read-aloud button', async () => {
  const noVoice = () => Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
  const { page, problems } = await watchedPage(env.browser, env.origin, { init: noVoice });
  await page.goto(env.origin + '/');
  await setUpRound(page, name('rights'));
  await page.getByRole('button', { name: '收藏本题' }).waitFor();
  assert.equal(await page.getByRole('button', { name: '朗读' }).count(), 0);
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('the back button steps back inside the app; a quiz with answers asks before leaving', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  const home = page.getByRole('heading', { name: '选一个主题，开始答题' });
  // From the setup screen, back returns home.
  await page.getByRole('button', { name: name('fraud') }).click();
  await page.getByRole('heading', { name: '选择练习方式' }).waitFor();
  await page.goBack();
  await home.waitFor();
  // From a practice, back returns home and keeps it to continue.
  await setUpRound(page, name('fraud'));
  await answer(page, true);
  await page.goBack();
  await page.getByRole('button', { name: /继续上次的练习/ }).waitFor();
  // From a quiz with an answer ticked, back asks; "keep answering" stays, "leave now" leaves.
  await setUpRound(page, name('privacy'), { mode: 'quiz', count: 5 });
  await pick(page, true);
  await page.goBack();
  const ask = page.getByRole('alertdialog');
  await ask.waitFor();
  assert.match(await ask.innerText(), /答案不会保存/);
  await page.getByRole('button', { name: '继续答题' }).click();
  assert.equal(await page.getByRole('alertdialog').count(), 0);
  await page.getByText('第 1 题 / 共 5 题').waitFor();
  await page.goBack();
  await page.getByRole('button', { name: '确定退出' }).click();
  await home.waitFor();
  // Leaving by the button does not leave extra history behind: one back from the next screen is home.
  await page.getByRole('button', { name: /我的学习/ }).click();
  await page.goBack();
  await home.waitFor();
  assert.equal(new URL(page.url()).origin, env.origin);
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('a practice is 10 questions unless 20 or all is chosen, and the choice is remembered', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  const fraud = readBank(bankOf('fraud').id).questions;
  const length = page.getByRole('group', { name: '题目数量' });
  const start = async (total) => {
    await page.getByRole('button', { name: '开始', exact: true }).click();
    await page.getByText(`第 1 题 / 共 ${total} 题`).waitFor();
    await page.getByRole('button', { name: '退出练习' }).click();
    await page.getByRole('button', { name: name('fraud') }).click();
  };
  await page.getByRole('button', { name: name('fraud') }).click();
  await page.getByRole('button', { name: '练习', exact: true }).click();
  await length.getByRole('button', { name: '10 题', pressed: true }).waitFor();
  await start(10);
  await length.getByRole('button', { name: '全部', exact: true }).click();
  await start(fraud.length);
  // Remembered with the plan, across a reload.
  await page.reload();
  await page.getByRole('button', { name: name('fraud') }).click();
  await length.getByRole('button', { name: '全部', pressed: true }).waitFor();
  await length.getByRole('button', { name: '20 题' }).click();
  await start(20);
  // A quiz offers its own lengths and keeps 20, which both offer; "all" is for practice only.
  await page.getByRole('button', { name: '测验', exact: true }).click();
  await length.getByRole('button', { name: '20 题', pressed: true }).waitFor();
  assert.equal(await length.getByRole('button', { name: '全部', exact: true }).count(), 0);
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('a practice plan saved by the previous version still reads, as every question', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  await upAndWhole(page);
  const fraud = readBank(bankOf('fraud').id).questions;
  // Written by the version before practice lengths: a practice always had `count: null`.
  await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem('anxin.settings', JSON.stringify({ v: 1, data: { lang: 'zh', plan: {
      mode: 'practice', topics: ['fraud'], audience: 'everyone', order: 'random', count: null,
      difficulties: [], limit_seconds: null, pass_percent: 80 } } }));
  });
  await page.reload();
  await page.getByRole('button', { name: name('fraud') }).click();
  const length = page.getByRole('group', { name: '题目数量' });
  await length.getByRole('button', { name: '全部', pressed: true }).waitFor();
  await page.getByRole('button', { name: '随机练习', pressed: true }).waitFor();
  await page.getByRole('button', { name: '开始', exact: true }).click();
  await page.getByText(`第 1 题 / 共 ${fraud.length} 题`).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0, 'nothing was dropped as damaged');
  assert.deepEqual(problems(), []);
  await page.context().close();
});
