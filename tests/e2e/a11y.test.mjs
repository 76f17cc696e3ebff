// Accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every screen, in both languages, with
// elder mode off and on, and on the error and fallback screens; on a 320 px wide phone, where every screen
// must also fit without horizontal scrolling and every control be at least 44×44 CSS px (60×60 in elder
// mode). To cover a new screen, add a step to
// `journey` (or a case to `fallbacks`). The totals per screen are printed for the release notes.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { watchedPage, readIndex, useBrowserAndServer, withAlteredCopy, pick, words, setUpRound, afterPaints, mutationsDuring, drawnAnew } from './harness.mjs';
import { topicName, nameOf } from './topics.mjs';

const env = useBrowserAndServer();
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const totals = [];

/** Runs axe and the layout checks on the page as it is; records and returns what is wrong. */
async function audit(page, screen, minTarget = 44) {
  // Evaluated through DevTools, so the page's Content-Security-Policy does not block it.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  const found = result.violations.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  totals.push({ screen, violations: result.violations.length, passed: result.passes.length });
  const layout = await page.evaluate((min) => {
    const wrong = [];
    if (document.documentElement.scrollWidth > window.innerWidth) {
      wrong.push(`scrolls sideways: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
    }
    for (const el of document.querySelectorAll('button, a[href], [role=button]')) {
      const r = el.getBoundingClientRect();
      if (!el.offsetParent || r.width === 0) continue;
      if (r.width < min || r.height < min) wrong.push(`small target ${Math.round(r.width)}×${Math.round(r.height)}: ${el.innerText.trim().slice(0, 20)}`);
    }
    return wrong;
  }, minTarget);
  return [...found, ...layout.map((w) => `${screen}: ${w}`)];
}

const ui = {
  zh: { elder: '长辈模式', book: /错题本/, bookmarks: /收藏/, progress: /我的学习/, settings: /设置/, clear: '清除我的答题记录',
    review: '查看答题详情', back: '返回成绩', home: '返回首页', anyway: '确定交卷', cancel: '取消', quit: '退出练习' },
  en: { elder: 'Elder mode', book: /Wrong-answer book/, bookmarks: /Bookmarks/, progress: /My progress/, settings: /Settings/,
    clear: 'Clear my records', review: 'Review my answers', back: 'Back to the result', home: 'Back to home', anyway: 'Hand in now', cancel: 'Cancel',
    quit: 'Leave practice' },
};

/** Visits every screen of the app in `lang`, with elder mode on or off, auditing each. */
async function journey(lang, elder) {
  const t = { ...words[lang], ...ui[lang] };
  const tag = `${lang}${elder ? ' elder' : ''}`;
  const found = [];
  const check = async (screen) => found.push(...(await audit(page, `${screen} [${tag}]`, elder ? 60 : 44)));
  const { page, problems } = await watchedPage(env.browser, env.origin, { viewport: { width: 320, height: 640 } });
  await page.goto(env.origin + `/?lang=${lang}`);
  await page.getByRole('button', { name: topicName[lang].fraud }).waitFor();
  if (elder) await page.getByRole('button', { name: t.elder }).click();
  await page.locator('.topic-daily[aria-disabled="false"]').waitFor();
  await check('home');

  await page.locator('.topic-fraud').click();
  await page.getByRole('button', { name: t.practice, exact: true }).click();
  await page.getByText(t.pool).waitFor();
  await check('setup');
  await page.getByRole('button', { name: t.start, exact: true }).click();
  await page.locator('h2.question-prompt').waitFor();
  await check('question');
  await pick(page, false, lang);
  await page.getByRole('button', { name: t.submit }).click();
  await page.locator('.verdict').waitFor();
  await check('feedback');
  await page.getByRole('button', { name: t.quit }).click();

  await page.locator('.topic-fraud').click();
  await page.getByRole('button', { name: t.quiz, exact: true }).click();
  await page.getByRole('button', { name: t.count(5), exact: true }).click();
  await page.getByText(t.pool).waitFor();
  await check('setup (quiz)');
  await page.getByRole('button', { name: t.start, exact: true }).click();
  await pick(page, true, lang);
  await check('quiz question');
  await page.getByRole('button', { name: t.handIn, exact: true }).click();
  await page.getByRole('alertdialog').waitFor();
  await check('unanswered warning');
  await page.getByRole('button', { name: t.anyway }).click();
  await page.locator('.result').waitFor();
  await check('result');
  await page.getByRole('button', { name: t.review }).click();
  await page.locator('.review-item').first().waitFor();
  await check('review');
  await page.getByRole('button', { name: t.back }).click();
  await page.getByRole('button', { name: t.home }).click();

  await page.getByRole('button', { name: t.book }).first().click();
  await page.locator('.book-item').first().waitFor();
  await check('wrong-answer book');
  await page.getByRole('button', { name: t.home }).first().click();
  await page.getByRole('button', { name: t.bookmarks }).first().click();
  await page.getByRole('heading', { name: lang === 'zh' ? '收藏' : 'Bookmarks', exact: true }).waitFor();
  await check('bookmarks');
  await page.getByRole('button', { name: t.home }).first().click();
  await page.getByRole('button', { name: t.progress }).click();
  await page.locator('.history-row').first().waitFor();
  await check('my progress');
  await page.getByRole('button', { name: t.home }).click();
  await page.getByRole('button', { name: t.settings }).last().click();
  await check('settings');
  await page.getByRole('button', { name: t.clear }).click();
  await page.getByRole('alertdialog').waitFor();
  await check('settings: clear?');
  await page.getByRole('button', { name: t.cancel }).click();
  assert.deepEqual(problems(), []);
  await page.context().close();
  return found;
}

for (const lang of ['zh', 'en']) {
  for (const elder of [false, true]) {
    test(`axe finds no violations on any screen (${lang}${elder ? ', elder mode' : ''})`, async () => {
      const found = await journey(lang, elder);
      assert.deepEqual(found, []);
    });
  }
}

test('axe finds no violations on the error and fallback screens', async () => {
  const found = [];
  const fallbacks = [
    ['too old (no WebAssembly)', '/', { init: () => { delete window.WebAssembly; } }, '这个浏览器版本太旧'],
    ['panic screen', '/?selftest=panic', {}, '抱歉，出了点问题'],
  ];
  for (const [screen, url, options, text] of fallbacks) {
    const { page } = await watchedPage(env.browser, env.origin, { ...options, viewport: { width: 320, height: 640 } });
    await page.goto(env.origin + url);
    await page.getByText(text).waitFor();
    found.push(...(await audit(page, screen)));
    await page.context().close();
  }
  {
    const { page } = await watchedPage(env.browser, env.origin);
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 500, body: '' }));
    await page.goto(env.origin + '/');
    await page.getByText('“安心答”没能加载完成').waitFor();
    found.push(...(await audit(page, 'could not finish loading')));
    await page.context().close();
  }
  const hide = (dir) => fs.renameSync(path.join(dir, 'quizzes', 'index.json'), path.join(dir, 'quizzes', 'gone.json'));
  await withAlteredCopy(hide, async (origin) => {
    const { page } = await watchedPage(env.browser, origin, { allow: ['/quizzes/index.json'] });
    await page.goto(origin + '/');
    await page.getByText('题库目录加载失败').waitFor();
    found.push(...(await audit(page, 'index failed')));
    await page.context().close();
  });
  const breakBank = (dir) => {
    const file = path.join(dir, 'quizzes', readIndex().banks[0].file);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"explanation"', '"explanaton"'));
  };
  await withAlteredCopy(breakBank, async (origin) => {
    const { page } = await watchedPage(env.browser, origin);
    await page.goto(origin + '/');
    await page.getByRole('alert').waitFor();
    found.push(...(await audit(page, 'bank with errors notice')));
    await page.context().close();
  });
  assert.deepEqual(found, []);
});

after(() => {
  const rows = totals.map((t) => `| ${t.screen} | ${t.violations} | ${t.passed} |`).join('\n');
  console.log(`\n| screen | axe violations | rules passed |\n|---|---:|---:|\n${rows}\n`);
});

/** Presses Tab until the focused element matches `selector` (and has `text`, if given). */
async function tabTo(page, selector, text = '') {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate(([sel, t]) => {
      const el = document.activeElement;
      return !!el && el.matches(sel) && el.innerText.includes(t);
    }, [selector, text]);
    if (hit) return;
  }
  throw new Error(`Tab never reached ${selector} ${text}`);
}

test('a practice question works by keyboard alone, with a visible focus ring and spoken verdicts', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  await page.locator('.topic-daily[aria-disabled="false"]').waitFor();
  await tabTo(page, '.topic-fraud');
  const ring = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  assert.notEqual(ring.style, 'none');
  assert.ok(ring.width >= 2, `focus ring ${ring.width}px`);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: '选择练习方式' }).waitFor();
  await tabTo(page, 'button.chip', '练习');
  await page.keyboard.press('Enter');
  await page.getByText(words.zh.pool).waitFor();
  await tabTo(page, 'button.button-primary', '开始');
  await page.keyboard.press('Enter');
  await page.locator('h2.question-prompt').waitFor();
  // The new question has the focus (screen readers read it first).
  await page.waitForFunction(() => document.activeElement.classList.contains('question-prompt'));
  await tabTo(page, 'button.option');
  await page.keyboard.press('Space');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-pressed')), 'true');
  await tabTo(page, 'button.button-primary', '确认答案');
  await page.keyboard.press('Enter');
  await page.locator('.verdict').waitFor();
  assert.match(await page.locator('.quiz [aria-live]').innerText(), /回答正确|回答错误/);
  // The check button itself becomes "next" and keeps the focus, so Enter goes on.
  assert.equal(await page.evaluate(() => document.activeElement.innerText), '下一题');
  await page.keyboard.press('Enter');
  await page.getByText(/第 2 题 \/ 共 \d+ 题/).waitFor();
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('on a small phone, each screen and question opens at the top of the page, and the tapped "check" button becomes "next" in sight below the feedback', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin, { viewport: { width: 320, height: 568 }, hasTouch: true });
  await page.goto(env.origin + '/');
  await page.locator('.topic-daily[aria-disabled="false"]').waitFor();
  // The round's title, its progress line and the question's prompt, all in sight with the page at its top.
  const opensAtTop = async (what) => {
    await afterPaints(page);
    const at = await page.evaluate(() => {
      const top = (sel) => document.querySelector(sel).getBoundingClientRect().top;
      return { scrollY, title: top('.quiz-title'), progress: top('.progress-text'), prompt: top('h2.question-prompt') };
    });
    assert.equal(at.scrollY, 0, `${what}: the page at its top: ${JSON.stringify(at)}`);
    assert.ok([at.title, at.progress, at.prompt].every((y) => y >= 0 && y < 568), `${what}: all in sight: ${JSON.stringify(at)}`);
  };
  await setUpRound(page, nameOf(readIndex().banks[0]));
  // The setup screen was scrolled down to its "start" button.
  await opensAtTop('the round');
  assert.equal(await page.locator('h2.question-prompt').evaluate((h) => h === document.activeElement), true);
  for (let i = 0; i < 3; i++) {
    // Ticking an option changes that option, the check button, the hidden verdict and the hidden marks,
    // and draws nothing anew in sight.
    const right = i % 2 === 0;
    const ticked = await mutationsDuring(page, () => pick(page, right));
    assert.deepEqual(drawnAnew(ticked), [], `ticking drew anew: ${ticked}`);
    assert.doesNotMatch(await page.locator('.options').innerText(), /正确选项|你选的/, 'no mark shows before the check');
    const check = page.getByRole('button', { name: words.zh.submit });
    await check.evaluate((b) => { b.dataset.tapped = 'yes'; });
    // The check only shows what was drawn: it changes attributes and one line of words, and builds nothing.
    const checked = await mutationsDuring(page, async () => {
      await check.tap();
      await page.locator('.verdict').waitFor();
    });
    assert.deepEqual(checked.filter((m) => !m.startsWith('attributes') && m !== 'characterData #text'), [], `the check built: ${checked}`);
    // The marks say, in words, which option was right and which the learner chose.
    const marks = await page.locator('button.option').evaluateAll((options) => options.map((o) => o.innerText));
    if (right) assert.ok(marks.some((t) => t.includes('你选的（正确）')), `marks: ${marks}`);
    else {
      assert.ok(marks.some((t) => t.includes('你选的（错误）')), `marks: ${marks}`);
      assert.ok(marks.some((t) => t.includes('正确选项')), `marks: ${marks}`);
    }
    await afterPaints(page);
    const next = page.locator('.actions button[data-tapped="yes"]');
    assert.match(await next.innerText(), /下一题|查看成绩/, 'the same button goes on');
    assert.equal(await next.evaluate((b) => b === document.activeElement), true, 'and keeps the focus');
    const box = await next.evaluate((b) => { const r = b.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, height: innerHeight }; });
    assert.ok(box.top >= 0 && box.bottom <= box.height, `"next" in sight: ${JSON.stringify(box)}`);
    await next.tap();
    await page.getByText(new RegExp(`第 ${i + 2} 题`)).waitFor();
    await afterPaints(page);
    const prompt = await page.locator('h2.question-prompt').evaluate((h) => ({ top: h.getBoundingClientRect().top, focused: h === document.activeElement }));
    assert.ok(prompt.top >= 0 && prompt.top < 568, `the new question's prompt in sight: ${prompt.top}`);
    assert.equal(prompt.focused, true, "the new question's prompt has the focus");
    await opensAtTop(`question ${i + 2}`);
  }
  // Home, left from the round scrolled down, opens at its top too. (Clicked from the script: a tap
  // would first scroll the page up to the leave button.)
  await page.locator('.quiz').evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  assert.ok(await page.evaluate(() => scrollY) > 0, 'the round scrolled down');
  await page.getByRole('button', { name: words.zh.quit }).evaluate((b) => b.click());
  await page.locator('.home').waitFor();
  await afterPaints(page);
  assert.equal(await page.evaluate(() => scrollY), 0, 'home at its top');
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('the system font size and reduced motion are honoured', async () => {
  const { page, context, problems } = await watchedPage(env.browser, env.origin);
  const cdp = await context.newCDPSession(page);
  // A learner who set a larger default font (24 px instead of 16) gets everything 1.5× larger.
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(env.origin + '/');
  await page.locator('.topic-fraud').waitFor();
  const sizes = await page.evaluate(() => ({
    root: parseFloat(getComputedStyle(document.documentElement).fontSize),
    title: parseFloat(getComputedStyle(document.querySelector('.topic-title')).fontSize),
    transitions: [...document.querySelectorAll('*')].filter((el) => {
      const s = getComputedStyle(el);
      return parseFloat(s.transitionDuration) > 0 || s.animationName !== 'none';
    }).length,
  }));
  assert.equal(sizes.root, 27, 'the root follows the browser setting (112.5% of 24 px)');
  assert.ok(sizes.title > 30, `topic title ${sizes.title}px`);
  assert.equal(sizes.transitions, 0);
  assert.deepEqual(problems(), []);
  await page.context().close();
});
