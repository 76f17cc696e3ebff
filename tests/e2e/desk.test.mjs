// The content desk (desk.html) end to end: a Chinese-only .xlsx in the layout Chinese banks use (150 of the
// shipped questions, tests/fixtures/chinese-150.xlsx) dropped in, its summary, the default source that makes
// it publishable, the problems, the preview (phone and kiosk, both languages, elder mode, the answer), the
// bank and index.json saved, and the phone app then loading and playing that bank; a broken sheet's summary
// and its problems placed by row and column; the translator's sheet out; axe on every screen; the phone never
// downloads desk code. Every test fails on a console error, a failed request or a request to another origin.
// Run against a build of the page alone: ANXIN_DIST=<trunk's dist for desk.html> node --test tests/e2e/desk.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { watchedPage, useBrowserAndServer, withAlteredCopy, dist, root, assertOwnCode, setUpRound, answer } from './harness.mjs';

const env = useBrowserAndServer();
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// In the assembled dist/ the page is desk.html; built alone trunk names it index.html.
const PAGE = fs.existsSync(path.join(dist, 'desk.html')) ? 'desk.html' : '';
const fixture = (name) => path.join(root, 'tests', 'fixtures', name);
const SHOTS = process.env.DESK_SHOTS;

async function axe(page, screen) {
  // Into every frame too (the preview's), so axe checks inside it rather than skipping it.
  for (const frame of page.frames()) {
    if (!(await frame.evaluate(() => typeof window.axe === 'object'))) await frame.evaluate(axeSource);
  }
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `desk-${screen.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true });
  return result.violations.map((v) => `${screen}: ${v.id} ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

async function openDesk(origin = env.origin) {
  const watched = await watchedPage(env.browser, origin, { viewport: { width: 1280, height: 900 } });
  await watched.page.goto(`${origin}/${PAGE}`);
  await watched.page.getByRole('heading', { name: '题库工作台' }).waitFor();
  return watched;
}

/** Saves a download the page starts with `click`: its name and text. */
async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const text = fs.readFileSync(await file.path(), 'utf8');
  return { name: file.suggestedFilename(), text };
}

/** The preview's frame for a device, by its accessible name. */
const device = (page, name) => page.frameLocator(`iframe[title="题目预览：${name}"]`);
/** The frame's viewport, root font size and page classes. */
const frameMetrics = (frame) => frame.locator('html').evaluate((html) => ({
  width: window.innerWidth, height: window.innerHeight, rootFont: getComputedStyle(html).fontSize, classes: html.className,
}));
/** The root font size of a real page of the site (`''` the phone's, `kiosk.html`) at `viewport`. */
async function realRootFont(file, viewport) {
  if (!PAGE) return file ? '28.08px' : '18px';
  const { page } = await watchedPage(env.browser, env.origin, { viewport });
  await page.goto(`${env.origin}/${file}`);
  await page.waitForLoadState('load');
  const size = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  await page.context().close();
  return size;
}
const deskRootFont = (page) => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);

const tab = (page, name) => page.getByRole('navigation', { name: '结果' }).getByRole('button', { name });

test('a Chinese-only .xlsx in the common layout becomes a bank the phone app loads and plays', async () => {
  const { page, problems } = await openDesk();
  const found = await axe(page, 'empty');
  const began = Date.now();
  await page.locator('.drop-zone input[type=file]').setInputFiles(fixture('chinese-150.xlsx'));
  await page.getByText('当前文件：chinese-150.xlsx').waitFor();
  await page.getByText(/还不能发布/).waitFor();
  const readMs = Date.now() - began;
  found.push(...(await axe(page, 'summary blocked')));
  // Only the sources are missing: one problem for the whole column, not one per row.
  await tab(page, /问题/).click();
  assert.ok((await page.locator('.desk-problem.is-error').count()) <= 2, 'missing sources are reported once');

  await page.getByLabel(/默认出处（没写出处的题使用，中文）/).fill('2026年金融知识竞赛题库');
  await page.getByLabel(/默认出处（没写出处的题使用，中文）/).press('Tab');
  await page.getByLabel(/题库编号/).fill('contest-2026');
  await page.getByLabel(/题库编号/).press('Tab');
  await page.getByLabel('题库名称（中文）').fill('金融知识竞赛题库');
  await page.getByLabel('题库名称（中文）').press('Tab');
  await tab(page, '概览').click();
  await page.getByText('可以发布：150 道题', { exact: false }).waitFor();
  const readyMs = Date.now() - began;
  found.push(...(await axe(page, 'summary ready')));
  await page.getByRole('table', { name: '按题型' }).getByText('单选题').waitFor();

  // The preview: the phone's own screen in a frame of the phone's size, then in English (Chinese only,
  // labelled), elder mode, the kiosk upright and on its side, the answer checked.
  await tab(page, '预览').click();
  await page.getByText('第 1 题 / 共 150 题').waitFor();
  const phone = device(page, '手机');
  await page.locator('.desk-device.is-phone.is-drawn').waitFor();
  const first = await phone.locator('.quiz .question-prompt').innerText();
  assert.ok(first.length > 5);
  // The phone page's own root size at the phone's size (112.5 % of 16 px), measured on the real page.
  const phoneRoot = await realRootFont('', { width: 390, height: 844 });
  assert.deepEqual(await frameMetrics(phone), { width: 390, height: 844, rootFont: phoneRoot, classes: '' });
  // Numbered by its place in the bank, as a round through it would be: "next", not "see my results".
  assert.equal(await phone.locator('.quiz .progress-text').innerText(), '第 1 题 / 共 150 题');
  assert.equal(await deskRootFont(page), phoneRoot, "the kiosk's style sheet stays off on the desk");
  found.push(...(await axe(page, 'preview phone')));
  await page.getByRole('group', { name: '预览语言' }).getByRole('button', { name: 'English' }).click();
  await phone.locator('.lang-note', { hasText: 'This question is in Chinese only' }).waitFor();
  assert.equal(await phone.locator('.question-prompt').innerText(), first, 'Chinese where there is no English');
  assert.equal(await phone.locator('html').getAttribute('lang'), 'en');
  found.push(...(await axe(page, 'preview phone English')));
  await page.getByRole('button', { name: '长辈模式' }).click();
  await phone.locator('html.elder').waitFor();
  assert.equal((await frameMetrics(phone)).rootFont, '24px', "the phone's elder mode: 150 % of the browser's 16 px");
  assert.equal(await phone.locator('.bookmark').count(), 0, 'elder mode shows the question alone, as on the phone');
  found.push(...(await axe(page, 'preview phone elder')));
  await page.getByRole('button', { name: '网点屏', exact: true }).click();
  const kiosk = device(page, '网点屏');
  await page.locator('.desk-device.is-kiosk.is-drawn').waitFor();
  await kiosk.locator('.kiosk-question .question-prompt').waitFor();
  // The kiosk's own rules: elder mode is max(187.5 %, 3.3vmin) = 35.64 px on a 1080 px wide screen.
  assert.deepEqual(await frameMetrics(kiosk), { width: 1080, height: 1920, rootFont: '35.64px', classes: 'kiosk elder' });
  await page.getByRole('button', { name: '显示答案和解析' }).click();
  await kiosk.locator('.feedback.is-right .explanation').waitFor();
  // Still in English here: numbered by its place in the bank, with "next" (not "see my results").
  assert.equal(await kiosk.locator('.progress-text').innerText(), 'Question 1 of 150');
  await kiosk.getByRole('button', { name: 'Next question' }).waitFor();
  assert.equal(await kiosk.getByRole('button', { name: 'See my results' }).count(), 0);
  await page.locator('.desk-device.is-kiosk.is-drawn').waitFor();
  // The kiosk focuses its question, inside the frame: the desk's keyboard focus stays on the desk.
  await page.waitForFunction(() => document.activeElement?.textContent === '显示答案和解析');
  found.push(...(await axe(page, 'preview kiosk elder answer')));
  await page.getByRole('button', { name: '长辈模式' }).click();
  await page.getByRole('button', { name: '网点屏（横放）' }).click();
  const wide = device(page, '网点屏（横放）');
  await page.locator('.desk-device.is-landscape.is-drawn').waitFor();
  await wide.locator('.feedback.is-right').waitFor();
  const kioskRoot = await realRootFont('kiosk.html', { width: 1920, height: 1080 });
  assert.deepEqual(await frameMetrics(wide), { width: 1920, height: 1080, rootFont: kioskRoot, classes: 'kiosk' });
  // On its side the kiosk puts the verdict beside the question, not under it.
  const card = await wide.locator('.kiosk-question > .question-card').boundingBox();
  const verdict = await wide.locator('.kiosk-question > .feedback').boundingBox();
  assert.ok(verdict.x >= card.x + card.width, 'the feedback is in the right-hand column');
  found.push(...(await axe(page, 'preview landscape answer')));
  await page.getByRole('button', { name: '下一题' }).click();
  await page.getByText('第 2 题 / 共 150 题').waitFor();
  await wide.locator('.question-prompt', { hasNotText: first }).waitFor();
  await page.getByRole('button', { name: '手机', exact: true }).click();
  await page.locator('.desk-device.is-phone.is-drawn').waitFor();
  await phone.locator('.feedback.is-right').waitFor();
  // Live: with the answer hidden again, the phone's own "check" judges a tick.
  await page.getByRole('button', { name: '显示答案和解析' }).click();
  await phone.locator('.feedback').waitFor({ state: 'hidden' });
  await phone.locator('.option').first().click();
  await phone.getByRole('button', { name: 'Check my answer' }).click();
  await phone.locator('.verdict').waitFor();

  // The files: the bank and index.json, then the translator's sheet.
  await tab(page, '生成文件').click();
  const bank = await download(page, () => page.getByRole('button', { name: /保存题库文件 contest-2026\.json/ }).click());
  const index = await download(page, () => page.getByRole('button', { name: '保存 index.json' }).click());
  assert.equal(bank.name, 'contest-2026.json');
  const saved = JSON.parse(bank.text);
  assert.equal(saved.questions.length, 150);
  assert.deepEqual(saved.languages, ['zh']);
  const entries = JSON.parse(index.text).banks;
  assert.ok(entries.some((e) => e.id === 'contest-2026'), 'index.json lists the bank');
  assert.ok(entries.length > 1, "the site's other banks are kept");
  const sheet = await download(page, () => page.getByRole('button', { name: '导出待翻译表格' }).click());
  assert.equal(sheet.name, 'contest-2026-translation.csv');
  assert.ok(sheet.text.split('\n').length > 150);
  found.push(...(await axe(page, 'files')));
  assert.deepEqual(found, []);
  assert.deepEqual(problems(), []);
  await page.context().close();
  console.log(`desk: 150-question sheet read in ${readMs} ms; publishable after the settings in ${readyMs} ms (scripted)`);

  // The phone app with that bank alone: it loads and plays (in the assembled dist/, beside the phone's page).
  if (!PAGE) return;
  const deploy = (dir) => {
    const q = path.join(dir, 'quizzes');
    fs.writeFileSync(path.join(q, bank.name), bank.text);
    const only = JSON.parse(index.text);
    only.banks = only.banks.filter((e) => e.id === 'contest-2026');
    fs.writeFileSync(path.join(q, 'index.json'), JSON.stringify(only));
  };
  await withAlteredCopy(deploy, async (origin) => {
    const phone = await watchedPage(env.browser, origin);
    await phone.page.goto(`${origin}/`);
    await setUpRound(phone.page, '防范诈骗', { count: 10 });
    await answer(phone.page, true);
    await phone.page.locator('.verdict', { hasText: '回答正确' }).waitFor();
    assert.deepEqual(phone.problems(), []);
    await phone.page.context().close();
  });
});

test('a broken sheet: the summary counts problems by kind; each is placed by row and column with what to do', async () => {
  const { page, problems } = await openDesk();
  await page.locator('.drop-zone input[type=file]').setInputFiles(fixture('broken.xlsx'));
  await page.getByText(/还不能发布/).waitFor();
  const kinds = page.getByRole('table', { name: '问题分类' });
  await kinds.waitFor();
  assert.ok((await kinds.locator('tbody tr').count()) >= 3, await kinds.innerText());
  const found = await axe(page, 'broken summary');
  await tab(page, /问题/).click();
  const list = page.locator('.desk-problems');
  await list.getByText(/第 2 行/).first().waitFor();
  await list.getByText(/H 列（正确答案）/).first().waitFor();
  await list.getByText(/以上/).first().waitFor();
  found.push(...(await axe(page, 'broken problems')));
  await page.getByLabel('只看错误').check();
  assert.equal(await page.locator('.desk-problem.is-warning').count(), 0);
  // With a default source, rows 3 and 5 have warnings only: they can be previewed while the
  // bank cannot be published; a question with an error cannot.
  await page.getByLabel(/默认出处（没写出处的题使用，中文）/).fill('2026年金融知识竞赛题库');
  await page.getByLabel(/默认出处（没写出处的题使用，中文）/).press('Tab');
  await tab(page, /问题/).click();
  await page.getByLabel('只看错误').uncheck();
  const row = (n) => list.locator('.desk-problem', { hasText: `第 ${n} 行` });
  await row(3).first().waitFor();
  assert.equal(await row(2).getByRole('button', { name: '预览这道题' }).count(), 0, 'row 2 has errors');
  await row(3).first().getByRole('button', { name: '预览这道题' }).click();
  await page.getByText('题库还有错误，还不能发布。这里先预览没有错误的 2 道题').waitFor();
  await page.getByText('第 1 题 / 共 2 题').waitFor();
  await page.getByText('表格位置：单选 · 3').waitFor();
  const phone = device(page, '手机');
  await page.locator('.desk-device.is-phone.is-drawn').waitFor();
  assert.equal(await phone.locator('.quiz .question-prompt').innerText(), '下列哪个是正规的投资渠道？');
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'desk-broken-preview.png'), fullPage: true });
  found.push(...(await axe(page, 'broken preview')));
  await page.getByRole('button', { name: '下一题' }).click();
  await page.getByText('表格位置：单选 · 5').waitFor();
  await phone.locator('.quiz .progress-text', { hasText: '第 2 题 / 共 2 题' }).waitFor();
  assert.deepEqual(found, []);
  assert.deepEqual(problems(), []);
  await page.context().close();
});

/** Brings chinese-150.xlsx in and gives it what it lacks to be a bank. */
async function readyBank(page) {
  await page.locator('.drop-zone input[type=file]').setInputFiles(fixture('chinese-150.xlsx'));
  await page.getByText('当前文件：chinese-150.xlsx').waitFor();
  for (const [label, value] of [[/默认出处（没写出处的题使用，中文）/, '2026年金融知识竞赛题库'], [/题库编号/, 'contest-2026'], ['题库名称（中文）', '金融知识竞赛题库']]) {
    await page.getByLabel(label).fill(value);
    await page.getByLabel(label).press('Tab');
  }
  await page.getByText('可以发布：150 道题', { exact: false }).waitFor();
}

/** RFC 4180 text: rows of cells. */
function parseCsv(text) {
  const rows = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(cell); cell = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      rows.at(-1).push(cell); cell = ''; rows.push([]);
    } else cell += c;
  }
  if (cell !== '' || rows.at(-1).length) rows.at(-1).push(cell); else rows.pop();
  return rows;
}
/** Drops on the desk a file made in the page: `random` bytes of `size`, or a `csv` of `size` valid
 * rows (made there, not sent from the test: sending 30 MB to the browser alone takes seconds). */
function dropMade(page, name, kind, size) {
  return page.evaluate(({ name, kind, size }) => {
    let bytes;
    if (kind === 'random') {
      bytes = new Uint8Array(size);
      for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
    } else {
      const rows = ['题号,题型,题干,选项A,选项B,选项C,选项D,答案,解析'];
      for (let i = 1; i <= size; i++) rows.push(`${i},单选题,第${i}题：接到陌生电话要求转账，应该怎么做？,照做,挂断后核实,转一半,告诉验证码,B,公安机关不会要求转账。`);
      bytes = new TextEncoder().encode(rows.join('\n'));
    }
    const files = new DataTransfer();
    files.items.add(new File([bytes], name));
    document.querySelector('.drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
  }, { name, kind, size });
}
const csvCell = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

test("the translator's sheet goes out, comes back with English, and the preview shows it", async () => {
  const { page, problems } = await openDesk();
  await readyBank(page);
  await tab(page, '生成文件').click();
  const missing = async () => Number((await page.getByText(/有 \d+ 处文字还没有英文/).innerText()).match(/有 (\d+) 处/)[1]);
  const before = await missing();
  const sheet = await download(page, () => page.getByRole('button', { name: '导出待翻译表格' }).click());
  const [header, ...body] = parseCsv(sheet.text.replace(/^\ufeff/, ''));
  assert.deepEqual(header, ['id', 'field', '中文 Chinese', 'English']);
  assert.equal(body.length, before, 'one row per text without English');
  // The translator fills every text of the first question (as Excel would save it: CSV, UTF-8 with BOM).
  const id = body.find((r) => r[0] !== '@bank')[0];
  const english = new Map();
  for (const row of body.filter((r) => r[0] === id)) {
    row[3] = `EN ${row[1]} of ${id}`;
    english.set(row[1], row[3]);
  }
  const filled = english.size;
  assert.ok(filled >= 4, `prompt, options, explanation, source: ${[...english.keys()]}`);
  const back = `\ufeff${[header, ...body].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
  await page.locator('label', { hasText: '导入翻译好的表格' }).locator('input[type=file]')
    .setInputFiles({ name: 'contest-2026-translation.csv', mimeType: 'text/csv', buffer: Buffer.from(back) });
  await page.getByText(`已补入 ${filled} 处英文，还缺 ${before - filled} 处。`).waitFor();
  assert.equal(await missing(), before - filled);
  const saved = JSON.parse((await download(page, () => page.getByRole('button', { name: /保存题库文件/ }).click())).text);
  assert.equal(saved.questions[0].prompt.en, english.get('prompt'));
  // The preview in English: the first question in the translator's words, no "Chinese only" note.
  await tab(page, '预览').click();
  await page.getByRole('group', { name: '预览语言' }).getByRole('button', { name: 'English' }).click();
  const phone = device(page, '手机');
  await phone.locator('.question-prompt', { hasText: english.get('prompt') }).waitFor();
  await phone.locator('.option', { hasText: english.get('options[1].text') }).waitFor();
  assert.equal(await phone.locator('.lang-note').count(), 0);
  await page.getByRole('button', { name: '显示答案和解析' }).click();
  await phone.locator('.explanation', { hasText: english.get('explanation') }).waitFor();
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'desk-preview-translated.png'), fullPage: true });
  // The second question has no English yet: Chinese, labelled.
  await page.getByRole('button', { name: '下一题' }).click();
  await phone.locator('.lang-note', { hasText: 'This question is in Chinese only' }).waitFor();
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('huge and wrong files: each is named in a clear message, the page answers, the bank before stays', async () => {
  const { page, problems } = await openDesk();
  const input = page.locator('.drop-zone input[type=file]');
  const refused = (name) => page.getByRole('alert').filter({ hasText: `没有读入 ${name}` });
  // Nothing loaded yet: an empty file is named, the desk stays empty.
  await input.setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await refused('empty.csv').waitFor();
  assert.equal(await page.getByText(/当前文件/).count(), 0);
  await input.setInputFiles(fixture('chinese-150.xlsx'));
  await page.getByText('当前文件：chinese-150.xlsx').waitFor();
  assert.equal(await refused('empty.csv').count(), 0, 'a good file clears the message');
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a0b90000000049454e44ae426082', 'hex');
  const zipNoise = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), crypto.randomBytes(64 * 1024)]);
  const times = {};
  const files = [
    ['big.xlsx', () => dropMade(page, 'big.xlsx', 'random', 30 * 1024 * 1024)],
    ['broken.xlsx', () => input.setInputFiles({ name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: zipNoise })],
    ['photo.csv', () => input.setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: png })],
    ['empty.xlsx', () => input.setInputFiles({ name: 'empty.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.alloc(0) })],
  ];
  for (const [name, bring] of files) {
    const began = Date.now();
    await bring();
    await refused(name).waitFor();
    times[name] = Date.now() - began;
    // Said in Chinese: no English from the file reader inside (only formats and programs by name).
    const said = (await refused(name).innerText()).replaceAll(name, '');
    const english = (said.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !['xlsx', 'CSV', 'Excel', 'WPS'].includes(w));
    assert.deepEqual(english, [], `${name}: ${said}`);
    if (SHOTS && name === 'big.xlsx') await page.screenshot({ path: path.join(SHOTS, 'desk-refused.png') });
    await page.getByText('当前文件：chinese-150.xlsx').waitFor();
    await page.getByText(/还不能发布/).waitFor();
    await tab(page, /问题/).click();
    await page.locator('.desk-problem').first().waitFor();
    await tab(page, '概览').click();
  }
  // 50,000 rows in a valid layout: "reading" at once, then the summary and the problems.
  // The reading holds the page for seconds, the test's own polling too: the page notes the word itself.
  const watchReading = () => page.evaluate(() => {
    window.readingShown = false;
    new MutationObserver((_, watch) => {
      if (document.querySelector('.notice[role=status]')?.textContent.includes('正在读取 huge.csv')) {
        window.readingShown = true;
        watch.disconnect();
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await watchReading();
  const began = Date.now();
  await dropMade(page, 'huge.csv', 'csv', 50000);
  await page.getByText('当前文件：huge.csv').waitFor({ timeout: 120000 });
  assert.ok(await page.evaluate(() => window.readingShown), '"reading huge.csv" was shown first');
  times['huge.csv (50,000 rows)'] = Date.now() - began;
  await page.getByText(/50000|50,000/).first().waitFor();
  await tab(page, /问题/).click();
  await page.locator('.desk-problem').first().waitFor();
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'desk-huge-problems.png') });
  // A change of the bank's settings reads it again: said first, as when it came in; then gone.
  await watchReading();
  const again = Date.now();
  await page.getByLabel(/默认出处（没写出处的题使用，中文）/).fill('2026年金融知识竞赛题库');
  await page.getByLabel(/默认出处（没写出处的题使用，中文）/).press('Tab');
  await page.waitForFunction(() => window.readingShown, null, { timeout: 120000 });
  await page.locator('.notice[role=status]', { hasText: '正在读取' }).waitFor({ state: 'detached', timeout: 120000 });
  times['huge.csv read again'] = Date.now() - again;
  console.log(`desk: wrong files refused in ${JSON.stringify(times)} ms`);
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('a phone never downloads desk code; the desk has its own worker', { skip: !PAGE }, () => {
  assertOwnCode('desk', 'desk-sw.js');
});
