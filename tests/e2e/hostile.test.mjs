// Hostile content (issue 14): HTML and script, very long unbroken strings, right-to-left text,
// zero-width characters and emoji in every text field of a bank, in the kiosk's kiosk.json and in the
// contest's team names; a bank with thousands of options and a bidirectional override. Banks and
// kiosk.json are served by intercepting their requests (no file is edited). On every page the
// content is inert text (no element made from it, no script run), the page never scrolls sideways,
// and the validator (the desk, the pages' notices) says what is wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchedPage, readIndex, readBank, useBrowserAndServer, setUpRound, words } from './harness.mjs';
import { nameOf, topicName } from './topics.mjs';
import { openKiosk, start } from './kiosk-harness.mjs';

const env = useBrowserAndServer();
const t = words.zh;

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>粗</b>';
const LONG = 'W'.repeat(3000);
const RTL = 'مرحبا بالعالم שלום עולם';
const ZW = 'a\u200Bb\u200Cc\u200Dd\u2060e';
const EMOJI = '👩‍👩‍👧‍👦🏳️‍🌈💰🔥';
// Each hostile kind once, as text, with what the page must show of it (its own text: inert).
const KINDS = { html: XSS, long: LONG, rtl: RTL, zeroWidth: ZW, emoji: EMOJI };
const both = (s) => ({ zh: s, en: s });

/** The first bank with every text field of its questions made hostile (still a valid bank: only
 * warnings). Questions with fewer than four options are left out. */
function hostileBank() {
  const entry = readIndex().banks[0];
  const bank = readBank(entry.id);
  const kinds = Object.values(KINDS);
  const questions = bank.questions.filter((q) => q.options.length >= 4).map((q) => ({
    ...q,
    type: 'single',
    prompt: both(`${XSS} ${RTL} ${EMOJI} ${q.id}`),
    options: q.options.slice(0, 4).map((o, i) => ({ ...o, text: both(`${kinds[i]}${i}`), feedback: both(`${kinds[(i + 1) % 5]} ${LONG}`) })),
    answer: [q.options[0].id],
    explanation: both(`${XSS} ${LONG} ${ZW}`),
    source: both(`${EMOJI}${RTL}`),
  }));
  return { entry, text: JSON.stringify({ ...bank, questions }), hostile: questions[0] };
}

/** What is wrong with the page as it is: script that ran, elements made of content, sideways scroll. */
const wrongs = (page) => page.evaluate(() => {
  const found = [];
  if (window.__pwned) found.push(`script ran: ${window.__pwned}`);
  for (const sel of ['#app img[src="x"]', '#app script', '#app b', 'body > img']) {
    if (document.querySelector(sel)) found.push(`element made from content: ${sel}`);
  }
  if (document.documentElement.scrollWidth > window.innerWidth) {
    // The innermost elements that reach past the right edge, to name in the report.
    const past = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1
      && ![...el.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 1));
    const names = past.slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    found.push(`scrolls sideways: ${document.documentElement.scrollWidth} > ${window.innerWidth} (${names.join(', ')})`);
  }
  return found;
});

test('a bank with HTML, script, long, right-to-left, zero-width and emoji text: inert and within the screen on the phone, the kiosk and the desk', async () => {
  const { entry, text, hostile } = hostileBank();
  // The phone, at 390 px: the round, the verdict with feedback and explanation.
  const phone = await watchedPage(env.browser, env.origin);
  await phone.context.route(`**/quizzes/${entry.file}*`, (route) => route.fulfill({ contentType: 'application/json', body: text }));
  const { page } = phone;
  page.setDefaultTimeout(8000);
  await page.goto(env.origin + '/');
  await setUpRound(page, nameOf(entry), { order: 'sequential' });
  assert.equal((await page.locator('h2.question-prompt').innerText()).trim(), hostile.prompt.zh.trim());
  // The options, shuffled, each shown as its own text.
  const texts = (await page.locator('button.option .option-text').allInnerTexts()).map((s) => s.replace(/\s+/g, '')).sort();
  assert.deepEqual(texts, hostile.options.map((o) => o.text.zh.replace(/\s+/g, '')).sort());
  assert.deepEqual(await wrongs(page), [], 'question');
  // A wrong option (the right one is the first, the HTML one): the long word's.
  await page.locator('button.option', { hasText: 'WWWW' }).click();
  await page.getByRole('button', { name: t.submit }).click();
  await page.locator('.verdict').waitFor();
  await page.getByText(LONG).first().waitFor();
  assert.deepEqual(await wrongs(page), [], 'verdict');
  // In the wrong-answer book too.
  await page.getByRole('button', { name: t.quit }).click();
  await page.locator('.topic-book').click();
  await page.getByText(hostile.prompt.zh.trim()).first().waitFor();
  assert.deepEqual(await wrongs(page), [], 'wrong-answer book');
  assert.deepEqual(phone.problems(), []);
  await phone.context.close();

  // The kiosk, portrait: the question and its verdict.
  const kiosk = await openKiosk(env, 'portrait');
  await kiosk.context.route(`**/quizzes/${entry.file}*`, (route) => route.fulfill({ contentType: 'application/json', body: text }));
  await kiosk.page.reload();
  await start(kiosk.page).click();
  await kiosk.page.getByRole('button', { name: new RegExp(topicName.zh[entry.topic]) }).click();
  await kiosk.page.getByText(XSS).first().waitFor();
  assert.deepEqual(await wrongs(kiosk.page), [], 'kiosk question');
  await kiosk.page.locator('button.option', { hasText: 'WWWW' }).click();
  await kiosk.page.getByRole('button', { name: t.submit }).click();
  await kiosk.page.locator('.verdict').waitFor();
  assert.deepEqual(await wrongs(kiosk.page), [], 'kiosk verdict');
  assert.deepEqual(kiosk.problems(), []);
  await kiosk.context.close();

  // The desk: the warnings name each kind, and are inert text too.
  const desk = await watchedPage(env.browser, env.origin, { viewport: { width: 1280, height: 900 } });
  await desk.page.goto(env.origin + '/desk.html');
  await desk.page.getByRole('heading', { name: '题库工作台' }).waitFor();
  await desk.page.locator('.drop-zone input[type=file]').setInputFiles({ name: entry.file, mimeType: 'application/json', buffer: Buffer.from(text) });
  await desk.page.getByText(`当前文件：${entry.file}`).waitFor();
  await desk.page.getByRole('navigation', { name: '结果' }).getByRole('button', { name: /问题/ }).click();
  const listed = (await desk.page.locator('.desk-problem').allInnerTexts()).join('\n');
  for (const says of [/HTML/, /超过自助终端一屏建议/, /看不见/]) assert.match(listed, says);
  assert.deepEqual(await wrongs(desk.page), [], 'desk');
  assert.deepEqual(desk.problems(), []);
  await desk.context.close();
});

test('a bank with 2,000 options on a question and a right-to-left override: refused with a notice on the phone, and the desk says what is wrong', async () => {
  const entry = readIndex().banks[0];
  const bank = readBank(entry.id);
  const [q, ...rest] = bank.questions;
  const many = { ...q, options: Array.from({ length: 2000 }, (_, i) => ({ id: `o${i}`, text: both(`选项 ${i} ${XSS}`) })), answer: ['o0'] };
  const bidi = { ...rest[0], prompt: both(`\u202E${rest[0].prompt.zh}`) };
  // The override first: the 2,000 options bring thousands of warnings, and a report lists the first
  // 1,000 problems (the rest are counted).
  const text = JSON.stringify({ ...bank, questions: [bidi, many, ...rest.slice(1)] });
  const phone = await watchedPage(env.browser, env.origin);
  await phone.context.route(`**/quizzes/${entry.file}*`, (route) => route.fulfill({ contentType: 'application/json', body: text }));
  phone.page.setDefaultTimeout(8000);
  await phone.page.goto(env.origin + '/');
  await phone.page.getByRole('alert').filter({ hasText: nameOf(entry) }).waitFor();
  await phone.page.locator('.topic-daily[aria-disabled="false"]').waitFor();
  assert.equal(await phone.page.getByRole('button', { name: nameOf(entry) }).count(), 0, 'the refused bank is offered');
  assert.deepEqual(await wrongs(phone.page), []);
  assert.deepEqual(phone.problems(), []);
  await phone.context.close();

  const desk = await watchedPage(env.browser, env.origin, { viewport: { width: 1280, height: 900 } });
  await desk.page.goto(env.origin + '/desk.html');
  await desk.page.getByRole('heading', { name: '题库工作台' }).waitFor();
  await desk.page.locator('.drop-zone input[type=file]').setInputFiles({ name: entry.file, mimeType: 'application/json', buffer: Buffer.from(text) });
  await desk.page.getByText(`当前文件：${entry.file}`).waitFor();
  await desk.page.getByRole('navigation', { name: '结果' }).getByRole('button', { name: /问题/ }).click();
  const listed = (await desk.page.locator('.desk-problem').allInnerTexts()).join('\n');
  assert.match(listed, /有 2000 个选项，一屏最多显示 6 个/);
  assert.match(listed, /控制字符/);
  assert.deepEqual(await wrongs(desk.page), [], 'desk');
  assert.deepEqual(desk.problems(), []);
  await desk.context.close();
});

// kiosk.json fields, each hostile in turn: the value shown inert, or refused (a console warning names
// the field) with the default applied; the attract screen and a question stay within the screen.
const KIOSK_SETTINGS = [
  { field: 'branch', value: '<img src=x onerror=alert(1)>', shown: true },
  { field: 'branch', value: `${RTL.slice(0, 12)}${ZW}${EMOJI}`, shown: true },
  { field: 'branch', value: 'W'.repeat(40), shown: true },
  { field: 'branch', value: `${XSS}${RTL}`, refused: /branch: too long/ },
  { field: 'bank_hotline', value: '<b>95588</b>', refused: /bank_hotline/ },
  { field: 'phone_base_url', value: 'javascript:window.__pwned=3', refused: /phone_base_url/ },
  { field: 'topics', value: [XSS, 'fraud'], refused: /topics/ },
];

test('kiosk.json with hostile values: shown as inert text or refused by name; the kiosk stays within its screen', async () => {
  for (const c of KIOSK_SETTINGS) {
    const settings = JSON.stringify({ [c.field]: c.value });
    const kiosk = await openKiosk(env, 'portrait');
    await kiosk.context.route('**/kiosk.json*', (route) => route.fulfill({ contentType: 'application/json', body: settings }));
    await kiosk.page.reload();
    await start(kiosk.page).waitFor();
    await kiosk.page.clock.runFor(1_000);
    if (c.shown) await kiosk.page.getByText(c.value.slice(0, 40)).first().waitFor();
    // The settings are read once the page is whole (on a loaded machine, seconds after the attract screen).
    for (let waited = 0; c.refused && waited < 10_000 && !kiosk.warnings.some((w) => c.refused.test(w)); waited += 200) {
      await kiosk.page.waitForTimeout(200);
      await kiosk.page.clock.runFor(200);
    }
    if (c.refused) assert.ok(kiosk.warnings.some((w) => c.refused.test(w)), `${c.field}: not named in ${kiosk.warnings}`);
    assert.deepEqual(await wrongs(kiosk.page), [], `${c.field}: attract`);
    await start(kiosk.page).click();
    await kiosk.page.getByRole('heading', { name: '想了解哪方面？' }).waitFor();
    assert.deepEqual(await wrongs(kiosk.page), [], `${c.field}: topics`);
    assert.deepEqual(kiosk.problems(), []);
    await kiosk.context.close();
  }
});

test('team names with HTML, script, long, right-to-left, zero-width and emoji text: a long one refused by name, the rest inert on the console and the audience window', async () => {
  // A compulsory round: one question per team.
  const keys = readBank('fraud').questions.filter((x) => x.type === 'single').slice(0, 3).map((x) => `fraud/${x.id}`);
  const file = (names) => JSON.stringify({ anxin_contest_setup: 1, setup: {
    title: `${XSS}${RTL}`, starting_score: 100,
    teams: names.map((name, i) => ({ name, colour: ['red', 'blue', 'green'][i], label: String(i + 1) })),
    rounds: [{ rules: { compulsory: { seconds: 30, right: 10, wrong: 0, timeout: 0 } }, questions: keys }],
  } });
  const { page, context, problems } = await watchedPage(env.browser, env.origin, { viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(8000);
  await page.goto(env.origin + '/contest.html');
  await page.getByRole('heading', { name: '比赛设置' }).waitFor();
  const load = (names) => page.locator('input[type=file]').setInputFiles({ name: 'setup.json', mimeType: 'application/json', buffer: Buffer.from(file(names)) });
  // From a file, a name longer than the form takes: named, the match cannot start, the setup wraps it.
  await load([XSS, LONG.slice(0, 200), EMOJI]);
  await page.getByText('参赛队 1 的队名有 79 个字，最多 30 个').waitFor();
  await page.getByText('参赛队 2 的队名有 200 个字，最多 30 个').waitFor();
  assert.equal(await page.getByRole('button', { name: '开始比赛' }).isDisabled(), true);
  assert.deepEqual(await wrongs(page), [], 'setup');
  // Short hostile names start a match and stay inert text on both windows.
  const names = ['<img src=x onerror=alert(1)>', `${RTL.slice(0, 8)}${ZW}${EMOJI}`, 'W'.repeat(30)];
  await load(names);
  await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === '开始比赛' && !b.disabled));
  await page.getByRole('button', { name: '开始比赛' }).click();
  const [aud] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: /打开观众屏/ }).click()]);
  await aud.setViewportSize({ width: 1920, height: 1080 });
  await aud.getByText(names[0]).first().waitFor();
  await page.bringToFront();
  await page.keyboard.press('n');
  await aud.getByText(names[2]).first().waitFor();
  assert.deepEqual(await wrongs(page), [], 'console');
  assert.deepEqual(await wrongs(aud), [], 'audience');
  assert.deepEqual(problems(), []);
  await context.close();
});
