// The first path through the app, start-up failures, and language — in real Chromium against dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, watchedPage, readBank, readIndex, subPathRoot, useBrowserAndServer, withAlteredCopy, setUpRound, pick, words } from './harness.mjs';
import { nameOf, topicName } from './topics.mjs';

const env = useBrowserAndServer();

const index = () => readIndex();
const firstBank = () => index().banks[0];
const smallestBank = () => [...index().banks].sort((a, b) => a.questions - b.questions)[0];

/** Plays a quiz: ticks an answer on every question (right when `answerRight(i)`), then hands in. */
async function playQuiz(page, lang, answerRight) {
  const t = words[lang];
  let right = 0;
  for (let i = 0; ; i++) {
    const good = answerRight(i);
    await pick(page, good, lang);
    if (good) right++;
    if (await page.getByRole('button', { name: t.next }).count()) {
      await page.getByRole('button', { name: t.next }).click();
    } else {
      break;
    }
  }
  await page.getByRole('button', { name: t.handIn, exact: true }).click();
  return right;
}

/** Plays one whole round, answering right exactly when `answerRight(i)` says so. Returns the count right. */
async function playRound(page, bankId, lang, answerRight) {
  const bank = readBank(bankId);
  const byPrompt = new Map(bank.questions.map((q) => [q.prompt[lang].trim(), q]));
  const t = lang === 'zh'
    ? { submit: '确认答案', next: '下一题', results: '查看成绩', right: '回答正确', wrong: '回答错误', explanation: '解析' }
    : { submit: 'Check my answer', next: 'Next question', results: 'See my results', right: 'Correct', wrong: 'Not quite', explanation: 'Explanation' };
  let right = 0;
  for (let i = 0; ; i++) {
    const prompt = (await page.locator('h2.question-prompt').innerText()).trim();
    const q = byPrompt.get(prompt);
    assert.ok(q, `prompt on screen is not in the bank: ${prompt}`);
    const good = answerRight(i);
    const ids = good ? q.answer : [q.options.map((o) => o.id).find((id) => !q.answer.includes(id))];
    for (const id of ids) {
      const text = q.options.find((o) => o.id === id).text[lang];
      await page.locator('button.option', { hasText: text }).first().click();
    }
    // The feedback is prepared while the question waits, out of sight: neither on screen nor to a
    // screen reader before the check (its explanation would give the answer away).
    await page.locator('.feedback').waitFor({ state: 'attached' });
    assert.equal(await page.locator('.explanation').isVisible(), false);
    assert.equal(await page.getByRole('heading', { name: t.explanation, exact: true }).count(), 0, 'the explanation is hidden from the accessibility tree');
    await page.getByRole('button', { name: t.submit }).click();
    await page.locator('.verdict').waitFor();
    assert.equal((await page.locator('.verdict').innerText()).includes(good ? t.right : t.wrong), true);
    // The explanation and the source are shown after every answer.
    assert.equal(await page.getByRole('heading', { name: t.explanation, exact: true }).count(), 1);
    assert.ok((await page.locator('.explanation').innerText()).includes(q.explanation[lang].slice(0, 10)));
    if (good) right++;
    const last = await page.getByRole('button', { name: t.results }).count();
    if (last) {
      await page.getByRole('button', { name: t.results }).click();
      break;
    }
    await page.getByRole('button', { name: t.next }).click();
  }
  return right;
}

async function fullRound(base) {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(base);
  // A whole practice of the smallest topic ("all" of it), in file order.
  const entry = smallestBank();
  await page.getByRole('button', { name: nameOf(entry) }).click();
  await page.getByRole('button', { name: '练习', exact: true }).click();
  await page.getByRole('group', { name: '题目数量' }).getByRole('button', { name: '全部', exact: true }).click();
  await page.getByRole('button', { name: '顺序练习' }).click();
  await page.getByText(`所选范围共有 ${entry.questions} 道题`).waitFor();
  await page.getByRole('button', { name: '开始', exact: true }).click();
  await page.locator('h2.question-prompt').waitFor();
  const right = await playRound(page, entry.id, 'zh', (i) => i % 3 !== 1);
  const total = entry.questions;
  await page.getByText(`答对 ${right} 题，共 ${total} 题`).waitFor();
  await page.getByText(`正确率 ${Math.floor((right * 100) / total)}%`).waitFor();
  await page.getByRole('button', { name: '返回首页' }).click();
  await page.getByRole('heading', { name: '选一个主题，开始答题' }).waitFor();
  assert.deepEqual(problems(), []);
  await page.context().close();
}

test('a full round at / ends with the right score', async () => {
  await fullRound(env.origin + '/');
});

test('the same dist works under a sub-path (/quiz/)', async () => {
  const sub = await serve(subPathRoot('quiz'));
  try {
    const { page, problems } = await watchedPage(env.browser, sub.origin);
    await page.goto(sub.origin + '/quiz/');
    await setUpRound(page, nameOf(firstBank()), { mode: 'quiz', count: 5 });
    const right = await playQuiz(page, 'zh', () => true);
    assert.equal(right, 5);
    await page.getByText('答对 5 题，共 5 题').waitFor();
    await page.getByRole('heading', { name: '测验通过' }).waitFor();
    assert.deepEqual(problems(), []);
    await page.context().close();
  } finally {
    sub.close();
  }
});

test('English via the toggle and via ?lang=en, remembered across a reload', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  await page.getByRole('heading', { name: '选一个主题，开始答题' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Pick a topic to start' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(page.url(), /[?&]lang=en/);
  await page.goto(env.origin + '/');
  await page.getByRole('heading', { name: 'Pick a topic to start' }).waitFor();
  // A whole quiz in English.
  await setUpRound(page, nameOf(firstBank(), 'en'), { mode: 'quiz', count: 5, lang: 'en' });
  const right = await playQuiz(page, 'en', () => false);
  assert.equal(right, 0);
  await page.getByText('0 of 5 correct').waitFor();
  await page.getByRole('heading', { name: 'Not passed this time' }).waitFor();
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('heading', { name: '这次没有通过' }).waitFor();
  assert.deepEqual(problems(), []);
  await page.context().close();

  const fresh = await watchedPage(env.browser, env.origin);
  await fresh.page.goto(env.origin + '/?lang=en');
  await fresh.page.getByRole('heading', { name: 'Pick a topic to start' }).waitFor();
  assert.deepEqual(fresh.problems(), []);
  await fresh.page.context().close();
});

for (const [name, init] of [
  ['throws', () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } })],
  ['is null', () => Object.defineProperty(window, 'localStorage', { get() { return null; } })],
]) {
  test(`localStorage that ${name}: the app runs on memory and says so`, async () => {
    const { page, problems } = await watchedPage(env.browser, env.origin, { init });
    await page.goto(env.origin + '/');
    await page.getByText('此设备不能保存答题记录').waitFor();
    await setUpRound(page, nameOf(firstBank()));
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Leave practice' }).waitFor();
    assert.deepEqual(problems(), []);
    await page.context().close();
  });
}

test('a missing bank file gets a clear message naming it; the other banks still work', async () => {
  const entries = index().banks;
  assert.ok(entries.length >= 2, 'this test needs two banks');
  const [gone, kept] = entries;
  await withAlteredCopy((dir) => fs.rmSync(path.join(dir, 'quizzes', gone.file)), async (origin) => {
    const { page, problems } = await watchedPage(env.browser, origin, { allow: [`/quizzes/${gone.file}`] });
    await page.goto(origin + '/');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), new RegExp(`“${nameOf(gone)}”的题目加载失败`));
    await page.getByRole('button', { name: '知道了' }).click();
    await setUpRound(page, nameOf(kept));
    assert.deepEqual(problems(), []);
    await page.context().close();
  });
});

test('a missing index gets a message and a retry, not a blank page', async () => {
  const hide = (dir) => fs.renameSync(path.join(dir, 'quizzes', 'index.json'), path.join(dir, 'quizzes', 'index.json.bak'));
  await withAlteredCopy(hide, async (origin, dir) => {
    const { page, problems } = await watchedPage(env.browser, origin, { allow: ['/quizzes/index.json'] });
    await page.goto(origin + '/');
    await page.getByText('题库目录加载失败').waitFor();
    fs.renameSync(path.join(dir, 'quizzes', 'index.json.bak'), path.join(dir, 'quizzes', 'index.json'));
    await page.getByRole('button', { name: '重试' }).click();
    await page.getByRole('button', { name: nameOf(firstBank()) }).waitFor();
    assert.deepEqual(problems(), []);
    await page.context().close();
  });
});

test('an engine without WebAssembly sees the bilingual "too old" notice', async () => {
  const { page } = await watchedPage(env.browser, env.origin, { init: () => { delete window.WebAssembly; } });
  await page.goto(env.origin + '/');
  await page.getByText('这个浏览器版本太旧').waitFor();
  await page.getByText('This browser is too old to run Anxin').waitFor();
  await page.context().close();
});

test('a wasm file that fails to load shows the reload notice', async () => {
  const { page } = await watchedPage(env.browser, env.origin);
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 500, body: '' }));
  await page.goto(env.origin + '/');
  await page.getByText('“安心答”没能加载完成').waitFor();
  await page.getByRole('link', { name: /重新加载/ }).waitFor();
  await page.context().close();
});

test('a bank with content errors is not offered; a notice names it; the others work', async () => {
  const [victim, kept] = index().banks;
  const breakBank = (dir) => {
    const file = path.join(dir, 'quizzes', victim.file);
    const bank = JSON.parse(fs.readFileSync(file, 'utf8'));
    bank.questions[0].answer = ['no-such-option'];
    delete bank.questions[1].explanation;
    fs.writeFileSync(file, JSON.stringify(bank));
  };
  await withAlteredCopy(breakBank, async (origin) => {
    const { page, problems } = await watchedPage(env.browser, origin);
    await page.goto(origin + '/');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), new RegExp(`“${nameOf(victim)}”的题库文件 ${victim.file} 有 2 处内容错误`));
    assert.equal(await page.getByRole('button', { name: nameOf(victim) }).count(), 0);
    await setUpRound(page, nameOf(kept));
    assert.deepEqual(problems(), []);
    await page.context().close();
  });
});

/** The name on a screen's element, without the ✓ a pressed chip carries. */
const shown = async (locator) => (await locator.innerText()).replace('✓', '').trim();

for (const lang of ['zh', 'en']) {
  test(`a topic has one name on home, setup, the round, the wrong-answer book and progress (${lang})`, async () => {
    const { page, problems } = await watchedPage(env.browser, env.origin);
    await page.goto(env.origin + `/?lang=${lang}`);
    const t = lang === 'zh'
      ? { topics: '答题主题', practice: '练习', start: '开始', quit: '退出练习', book: /错题本/, progress: /我的学习/, home: '返回首页' }
      : { topics: 'Topics', practice: 'Practice', start: 'Start', quit: 'Leave practice', book: /Wrong-answer book/, progress: /My progress/, home: 'Back to home' };
    for (const entry of index().banks) {
      const home = await shown(page.locator(`.topic-${entry.topic} .topic-title`));
      assert.equal(home, topicName[lang][entry.topic], 'home names the topic as the catalogue does');
      await page.locator(`.topic-${entry.topic}`).click();
      const chip = page.getByRole('group', { name: t.topics }).getByRole('button', { pressed: true });
      await chip.first().waitFor();
      assert.equal(await chip.count(), 1);
      assert.equal(await shown(chip), home, 'setup');
      await page.getByRole('button', { name: t.home }).click();
    }
    // A round, the book and the progress screen, for the first topic.
    const entry = firstBank();
    const home = await shown(page.locator(`.topic-${entry.topic} .topic-title`));
    await page.locator(`.topic-${entry.topic}`).click();
    await page.getByRole('button', { name: t.practice, exact: true }).click();
    await page.getByRole('button', { name: t.start, exact: true }).click();
    await page.locator('h2.question-prompt').waitFor();
    assert.equal(await page.locator('.quiz-title').innerText(), `${home} · ${t.practice}`);
    await pick(page, false, lang);
    await page.getByRole('button', { name: lang === 'zh' ? '确认答案' : 'Check my answer' }).click();
    await page.getByRole('button', { name: t.quit }).click();
    await page.getByRole('button', { name: t.book }).first().click();
    assert.deepEqual(await page.locator('.book-topic').allInnerTexts(), [home]);
    await page.getByRole('button', { name: t.home }).click();
    await page.getByRole('button', { name: t.progress }).click();
    assert.ok((await page.locator('.mastery-topic').allInnerTexts()).includes(home));
    assert.deepEqual(problems(), []);
    await page.context().close();
  });
}

/** Where the top bar's parts and home's everyday buttons are on the page (CSS px from the top). */
async function homeLayout(page) {
  return page.evaluate(() => {
    const box = (el) => { const r = el.getBoundingClientRect(); return { top: r.top + scrollY, bottom: r.bottom + scrollY, width: r.width, height: r.height }; };
    const shown = (sel) => [...document.querySelectorAll(sel)].map(box).filter((b) => b.width > 0);
    const bar = shown('.topbar .brand, .topbar button');
    return {
      // One row: every part of the bar overlaps every other vertically.
      oneRow: Math.max(...bar.map((b) => b.top)) < Math.min(...bar.map((b) => b.bottom)),
      bar,
      barButtons: shown('.topbar button'),
      daily: box(document.querySelector('.topic-daily')),
      book: box(document.querySelector('.topic-book')),
      topics: [...document.querySelectorAll('.topics-main .topic')].map(box),
      scrollWidth: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
    };
  });
}

// Elder mode in English has the longest words (24 px and up): there the daily set and the book start
// within 1.2 screens instead of ending on the first.
for (const [lang, width, height, elder] of [['zh', 390, 844, false], ['en', 390, 844, false], ['zh', 360, 780, false],
  ['en', 360, 780, false], ['zh', 390, 844, true], ['zh', 360, 780, true], ['en', 390, 844, true]]) {
  const firstScreen = !(elder && lang === 'en');
  test(`on a ${width}×${height} phone (${lang}${elder ? ', elder mode' : ''}) the top bar is one row and the everyday actions are ${firstScreen ? 'on the first screen' : 'near the top'}`, async () => {
    const { page, problems } = await watchedPage(env.browser, env.origin, { viewport: { width, height } });
    await page.goto(env.origin + `/?lang=${lang}`);
    if (elder) await page.getByRole('button', { name: lang === 'zh' ? '长辈模式' : 'Elder mode' }).click();
    await page.locator('.topic-daily[aria-disabled="false"]').waitFor();
    const layout = await homeLayout(page);
    assert.ok(layout.oneRow, `the top bar wraps: ${JSON.stringify(layout.bar)}`);
    const min = elder ? 60 : 44;
    assert.ok(layout.barButtons.length >= 2, 'the elder switch and the settings stay in the bar');
    for (const b of layout.barButtons) assert.ok(b.width >= min && b.height >= min, `top-bar target ${b.width}×${b.height}`);
    assert.equal(layout.scrollWidth, width, 'no sideways scrolling');
    // The daily set and the wrong-answer book are whole on the first screen; every topic button
    // within one and a half screens.
    for (const [what, b] of [['daily set', layout.daily], ['wrong-answer book', layout.book]]) {
      if (firstScreen) assert.ok(b.bottom <= height, `${what} ends at ${Math.round(b.bottom)} px, below the first screen (${height})`);
      else assert.ok(b.top <= 1.2 * height, `${what} starts at ${Math.round(b.top)} px, beyond 1.2 screens`);
    }
    assert.equal(layout.topics.length, index().banks.length);
    for (const b of layout.topics) assert.ok(b.bottom <= 1.5 * height, `a topic button ends at ${Math.round(b.bottom)} px`);
    assert.deepEqual(problems(), []);
    await page.context().close();
  });
}
