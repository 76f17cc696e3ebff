// The content desk (desk.html) end to end: a Chinese-only .xlsx in the layout Chinese banks use (150 of the
// shipped questions, tests/fixtures/chinese-150.xlsx) dropped in, its summary, the default source that makes
// it publishable, the problems, the preview (phone and kiosk, both languages, elder mode, the answer), the
// bank and index.json saved, and the phone app then loading and playing that bank; a broken sheet's summary
// and its problems placed by row and column; the translator's sheet out; axe on every screen; the phone never
// downloads desk code. Every test fails on a console error, a failed request or a request to another origin.
// Run against a build of the page alone: ANXIN_DIST=<trunk's dist for desk.html> node --test tests/e2e/desk.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
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
  assert.equal(await phone.locator('.quiz .progress-text').innerText(), '第 1 题 / 共 1 题');
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
  await page.locator('.desk-device.is-kiosk.is-drawn').waitFor();
  // The kiosk focuses its "next" button, inside the frame: the desk's keyboard focus stays on the desk.
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
  await page.getByRole('button', { name: '手机' }).click();
  await page.locator('.desk-device.is-phone.is-drawn').waitFor();
  await phone.locator('.feedback.is-right').waitFor();
  // Live: with the answer hidden again, the phone's own "check" judges a tick.
  await page.getByRole('button', { name: '显示答案和解析' }).click();
  await phone.locator('.feedback').waitFor({ state: 'detached' });
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
  assert.deepEqual(found, []);
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('a file that is not a bank or a sheet gets one clear problem, and nothing else breaks', async () => {
  const { page, problems } = await openDesk();
  await page.locator('.drop-zone input[type=file]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]) });
  await page.getByText(/还不能发布/).waitFor();
  await tab(page, /问题/).click();
  assert.equal(await page.locator('.desk-problem').count(), 1);
  await page.locator('.drop-zone input[type=file]').setInputFiles(fixture('chinese-150.xlsx'));
  await page.getByText('当前文件：chinese-150.xlsx').waitFor();
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('a phone never downloads desk code; the desk has its own worker', { skip: !PAGE }, () => {
  assertOwnCode('desk', 'desk-sw.js');
});
