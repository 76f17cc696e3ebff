// The kiosk's operator panel beyond its door (kiosk.html, on the built dist/, Playwright's fake clock):
// 30 scripted sessions give exactly the expected statistics, and the JSON and CSV exports say the same;
// a bank update closes the counting period and starts a new one (the old one kept apart, exportable);
// the printable A4 report (print media, one page) and the reset with its confirmation; this device's
// settings (steppers within the limits, a refused value named at its field, saved over kiosk.json and
// read after a reload) and a PIN change; the end card's prize code (checked and redeemed once in the
// panel, counted) and its "continue on your phone" QR code, decoded from a screenshot with jsQR; axe on
// every panel screen and on the end card with both. Every test fails on a console error, a failed
// request or a request to another origin (the harness).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { useBrowserAndServer, withAlteredCopy, answer, readBank } from './harness.mjs';
import { topicName } from './topics.mjs';
import {
  KIOSK_KEYS, SHOTS, start, openKiosk, audit, storedKeys, storedStats, answerAndGoOn, holdCorner, typePin,
} from './kiosk-harness.mjs';

const env = useBrowserAndServer();
const jsQRPath = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');

/** Serves dist/ with `settings` as kiosk.json and runs `body(origin)`. */
const withSettings = (settings, body) =>
  withAlteredCopy((dir) => fs.writeFileSync(path.join(dir, 'kiosk.json'), JSON.stringify(settings)), body);

/** Opens the panel of a kiosk with no PIN yet, setting `pin`; resolves on the statistics. */
async function openPanelFirstRun(page, pin = '2580') {
  await holdCorner(page, 3_100);
  await page.getByRole('heading', { name: /首次使用/ }).waitFor();
  await typePin(page, pin);
  await typePin(page, pin);
  await page.getByRole('heading', { name: '答题统计' }).waitFor();
}

/** Saves the next download the page makes after `click()`; returns its name and text. */
async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

/** Decodes the QR code on screen: a screenshot of it, drawn on a canvas in a blank page, read by jsQR. */
async function decodeQr(page) {
  const png = (await page.locator('svg.phone-qr').screenshot()).toString('base64');
  const blank = await env.browser.newPage();
  try {
    await blank.addScriptTag({ path: jsQRPath });
    return await blank.evaluate(async (png) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
      return window.jsQR(pixels.data, canvas.width, canvas.height)?.data ?? null;
    }, png);
  } finally {
    await blank.close();
  }
}

/** What session `i` of the script does: its topic, elder mode, how many it answers, which it gets right. */
function scripted(i) {
  const topic = ['fraud', 'privacy', 'mixed'][i % 3];
  const walksAway = i % 6 === 5;
  const answered = walksAway ? 1 + (i % 2) : 3;
  // Question k is right unless k < i % 4 (so 3, 2, 1 or 0 right of 3 when completed).
  const rights = Array.from({ length: answered }, (_, k) => k >= i % 4);
  return { topic, elder: i % 5 === 0, walksAway, rights };
}

test('30 scripted sessions give exactly the expected statistics; the JSON and CSV exports, the printed A4 report and the reset', async () => {
  await withSettings({ questions_per_session: 3, branch: '人民路支行' }, async (origin) => {
    const { page, problems } = await openKiosk(env, 'portrait', { origin, allow: [] });
    const expected = { started: 0, completed: 0, answered: 0, right: 0, elder: 0, scores: [0, 0, 0, 0], topics: {} };
    for (let i = 0; i < 30; i++) {
      const s = scripted(i);
      await start(page).click();
      await page.getByRole('heading', { name: '想了解哪方面？' }).waitFor();
      if (s.elder) await page.getByRole('button', { name: '长辈模式' }).click();
      const name = s.topic === 'mixed' ? /一样来一点/ : new RegExp(topicName.zh[s.topic]);
      await page.getByRole('button', { name }).click();
      for (const [k, right] of s.rights.entries()) {
        if (s.walksAway && k === s.rights.length - 1) {
          await answer(page, right);
          await page.getByRole('button', { name: '结束', exact: true }).click();
        } else {
          await answerAndGoOn(page, right, k === 2);
        }
      }
      if (!s.walksAway) {
        await page.getByRole('heading', { name: '答完了' }).waitFor();
        await page.getByRole('button', { name: '结束', exact: true }).click();
      }
      await start(page).waitFor();
      const right = s.rights.filter(Boolean).length;
      expected.started += 1;
      expected.answered += s.rights.length;
      expected.right += right;
      expected.elder += s.elder ? 1 : 0;
      const t = (expected.topics[s.topic] ??= { sessions: 0, completed: 0, answered: 0, right: 0 });
      t.sessions += 1;
      t.answered += s.rights.length;
      t.right += right;
      if (!s.walksAway) {
        expected.completed += 1;
        t.completed += 1;
        expected.scores[right] += 1;
      }
    }
    const stats = await storedStats(page);
    const counts = (s) => ({
      started: s.started, completed: s.completed, answered: s.answered, right: s.right, elder: s.elder,
      scores: s.scores['3'], topics: s.topics,
    });
    assert.deepEqual(counts(stats), expected);
    assert.deepEqual([expected.started, expected.completed], [30, 25], 'the script itself');
    assert.equal(stats.hours.reduce((a, b) => a + b, 0), 30);
    assert.equal(Object.values(stats.days).reduce((a, b) => a + b, 0), 30);
    assert.deepEqual([stats.langs.zh, stats.langs.en], [30, 0]);
    assert.deepEqual(stats.branches, ['人民路支行']);

    await openPanelFirstRun(page);
    const row = (label) => page.locator('.stats-table tr', { has: page.locator('th', { hasText: new RegExp(`^${label}$`) }) }).locator('td').first();
    assert.equal(await row('参与人次').innerText(), '30');
    assert.equal(await row('答完人次').innerText(), '25');
    assert.equal(await row('奖品码 发出 / 兑换').innerText(), '<5 / <5');
    const found = await audit(page, 'panel statistics 30');

    // JSON: the stored counts as they are, for `anxin-bank stats merge`.
    const json = await download(page, () => page.getByRole('button', { name: '导出 JSON（供汇总）' }).click());
    assert.match(json.name, /^anxin-kiosk-stats-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.json$/);
    const exported = JSON.parse(json.text);
    assert.equal(exported.v, 1);
    assert.deepEqual(exported.data, stats);
    assert.deepEqual(counts(exported.data), expected);
    await page.getByText(`已保存：${json.name}`).waitFor();
    // CSV: the suppressed view (counts under 5 as <5).
    const csv = await download(page, () => page.getByRole('button', { name: '导出 CSV' }).click());
    assert.match(csv.name, /\.csv$/);
    const lines = csv.text.split('\r\n');
    assert.equal(lines[0], 'measure,key,count,share');
    assert.ok(lines.includes('sessions started,,30,'), csv.text);
    assert.ok(lines.includes(`sessions completed,,25,${Math.round((25 * 100) / 30)}%`), csv.text);
    const share = (r, a) => `${Math.round((r * 100) / a)}%`;
    assert.ok(lines.includes(`accuracy,,,${share(expected.right, expected.answered)}`), csv.text);
    for (const [topic, t] of Object.entries(expected.topics)) {
      assert.ok(lines.includes(`topic,${topic},${t.sessions},${share(t.right, t.answered)}`), `${topic}: ${csv.text}`);
    }
    assert.ok(lines.includes(`score,0/3,${expected.scores[0] < 5 ? '<5' : expected.scores[0]},`), csv.text);
    assert.ok(lines.includes('elder mode,,6,20%'), csv.text);
    assert.ok(lines.includes('language,en,<5,<5'), csv.text);

    // The report, in place, printed: print media shows the sheet alone, on one A4 page.
    await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
    await page.getByRole('button', { name: '活动报告（打印）' }).click();
    const sheet = page.locator('.report-sheet');
    await sheet.locator('h1').waitFor();
    await sheet.getByText('人民路支行').waitFor();
    assert.ok((await sheet.locator('svg').count()) >= 1, 'the report has its chart');
    found.push(...(await audit(page, 'panel report')));
    await page.getByRole('button', { name: '打印', exact: true }).click();
    assert.equal(await page.evaluate(() => window.printed), 1);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => ({
      title: getComputedStyle(document.querySelector('#operator-title')).visibility,
      sheet: getComputedStyle(document.querySelector('.report-sheet')).visibility,
      print: getComputedStyle([...document.querySelectorAll('button')].find((b) => b.textContent.trim() === '打印')).visibility,
    }));
    assert.deepEqual(shown, { title: 'hidden', sheet: 'visible', print: 'hidden' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(pages, 1, 'the report prints on one A4 page');
    if (SHOTS) {
      fs.writeFileSync(path.join(SHOTS, 'report-a4.pdf'), pdf);
      await page.screenshot({ path: path.join(SHOTS, 'report-print-media.png'), fullPage: true });
    }
    await page.emulateMedia({ media: 'screen' });

    // Reset, after a confirmation: nothing counted is left.
    await page.getByRole('button', { name: '返回统计' }).click();
    await page.getByRole('button', { name: '清空统计' }).click();
    await page.getByRole('alertdialog').getByText(/确定清空全部统计/).waitFor();
    found.push(...(await audit(page, 'panel reset confirmation')));
    await page.getByRole('button', { name: '确定清空' }).click();
    await page.getByText('统计已清空').waitFor();
    await page.getByText('还没有统计到答题').waitFor();
    assert.deepEqual(await storedKeys(page), ['anxin.kiosk.pin']);
    assert.deepEqual(found, []);
    assert.deepEqual(problems(), []);
    await page.context().close();

    // Head office merges two kiosks' real exports with the command line, and prints the same report.
    // Last, with the page closed: the panel locks itself after two idle minutes, and a cold `cargo run`
    // can take that long (the Makefile builds the command line before the e2e tests).
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-merge-'));
    for (const name of ['a.json', 'b.json']) fs.writeFileSync(path.join(work, name), json.text);
    const at = (name) => path.join(work, name);
    execFileSync('cargo', ['run', '--quiet', '--bin', 'anxin-bank', '--', 'stats', 'merge', at('a.json'), at('b.json'),
      '-o', at('head-office.json'), '--report', at('report.html'), '--banks', 'quizzes'], { stdio: 'pipe' });
    const merged = JSON.parse(fs.readFileSync(at('head-office.json'), 'utf8')).data;
    assert.deepEqual([merged.started, merged.completed, merged.answered, merged.right],
      [2 * stats.started, 2 * stats.completed, 2 * stats.answered, 2 * stats.right]);
    const report = fs.readFileSync(at('report.html'), 'utf8');
    assert.ok(report.includes('人民路支行') && report.includes('<svg'), 'the merged report names the branch and has its chart');
    fs.rmSync(work, { recursive: true });
  });
});

test("the panel's settings: steppers within the limits, a refused value named at its field, saved over kiosk.json and kept after a reload; the PIN changed", async () => {
  const { page, problems } = await openKiosk(env, 'portrait');
  await openPanelFirstRun(page);
  await page.getByRole('button', { name: '设置', exact: true }).click();
  await page.getByRole('heading', { name: '本机设置' }).waitFor();
  const found = await audit(page, 'panel settings');
  const less = (label) => page.getByRole('button', { name: `减少：${label}` });
  const more = (label) => page.getByRole('button', { name: `增加：${label}` });
  const value = (label) => page.getByRole('group', { name: label }).locator('output');
  const idle = '无操作多少秒后询问“还在吗？”';
  for (let i = 0; i < 7; i++) await less(idle).click();
  assert.equal(await value(idle).innerText(), '20', 'not under the least allowed');
  const countdown = '“还在吗？”倒计时秒数';
  await less(countdown).click();
  assert.equal(await value(countdown).innerText(), '20', 'WCAG 2.2.1: 20 s at least');
  await less('每轮题数').click();
  await less('每轮题数').click();
  const prize = '答对几题可领奖品码（0 为不发）';
  for (let i = 0; i < 3; i++) await more(prize).click();
  await page.getByRole('group', { name: '每位客户开始时的字号' }).getByRole('button', { name: '长辈模式（大字）' }).click();
  await page.getByLabel('网点名称').fill('人民路支行');
  await page.getByLabel('本行客服热线（可不填）').fill('call us');
  await page.getByLabel(/手机版网址/).fill('https://quiz.example.com/anxin/');
  await page.getByRole('button', { name: '保存设置' }).click();
  await page.getByText('有设置无法使用，未保存').waitFor();
  await page.locator('#bank_hotline-problem', { hasText: '只能填数字' }).waitFor();
  assert.equal(await page.getByLabel('本行客服热线（可不填）').getAttribute('aria-describedby'), 'bank_hotline-problem');
  assert.equal(await page.evaluate(() => localStorage.getItem('anxin.kiosk.settings')), null, 'nothing saved');
  found.push(...(await audit(page, 'panel settings refused')));
  await page.getByLabel('本行客服热线（可不填）').fill('95588');
  await page.getByRole('button', { name: '保存设置' }).click();
  await page.getByText('设置已保存').waitFor();
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('anxin.kiosk.settings')).data);
  assert.deepEqual(saved, {
    idle_seconds: 20, questions_per_session: 3, prize_threshold: 3, elder: true, branch: '人民路支行', bank_hotline: '95588',
    phone_base_url: 'https://quiz.example.com/anxin/',
  });

  // The PIN: the old one, then the new one twice.
  await page.getByRole('button', { name: '修改管理密码' }).click();
  await page.getByRole('heading', { name: '修改密码：请输入原密码' }).waitFor();
  found.push(...(await audit(page, 'panel change pin')));
  await typePin(page, '2580');
  await page.getByRole('heading', { name: '请输入新密码（4–8 位数字）' }).waitFor();
  await typePin(page, '7392');
  await page.getByRole('heading', { name: '请再输入一次新密码' }).waitFor();
  await typePin(page, '7392');
  await page.getByText('管理密码已修改').waitFor();
  await page.getByRole('button', { name: '关闭' }).click();

  // After a reload: the branch on the attract screen in elder mode, 3 questions, and only the new PIN
  // opens the panel.
  await page.reload();
  await start(page).waitFor();
  await page.getByText('人民路支行').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('elder')), true, 'elder mode by default');
  await page.getByText('3 道题，每题都有讲解').waitFor();
  await holdCorner(page, 3_100);
  await typePin(page, '2580');
  await page.getByText('密码错误，还可再试 2 次').waitFor();
  await typePin(page, '7392');
  await page.getByRole('heading', { name: '答题统计' }).waitFor();
  await page.getByRole('button', { name: '设置', exact: true }).click();
  assert.equal(await value('每轮题数').innerText(), '3');
  await page.getByRole('button', { name: '恢复 kiosk.json 的设置' }).click();
  await page.getByText('设置已保存').waitFor();
  assert.equal(await value('每轮题数').innerText(), '5');
  assert.deepEqual(found, []);
  assert.deepEqual(problems(), []);
  await page.context().close();
});

for (const size of ['portrait', 'landscape']) {
  test(`${size}: the end card's prize code (checked and redeemed once in the panel, counted) and its QR code, which decodes to the phone app's topic`, async () => {
    const settings = { questions_per_session: 3, prize_threshold: 2, phone_base_url: 'https://quiz.example.com/anxin/' };
    await withSettings(settings, async (origin) => {
      const { page, problems } = await openKiosk(env, size, { origin, allow: [] });
      await start(page).click();
      await page.getByRole('button', { name: new RegExp(topicName.zh.fraud) }).click();
      for (let i = 1; i <= 3; i++) await answerAndGoOn(page, i !== 2, i === 3);
      await page.getByRole('heading', { name: '答完了' }).waitFor();
      await page.getByRole('heading', { name: '恭喜！您可以领取一份小礼品' }).waitFor();
      const code = await page.locator('.prize-code [aria-hidden="true"]').innerText();
      assert.match(code, /^[2-9A-HJ-NP-Z]{6}$/);
      await page.getByRole('heading', { name: '在手机上继续' }).waitFor();
      await page.getByRole('img', { name: '打开手机版的二维码' }).waitFor();
      assert.equal(await decodeQr(page), 'https://quiz.example.com/anxin/index.html?topic=fraud');
      const found = await audit(page, `end card prize qr ${size}`);
      // Nothing a customer needs is below the fold: the prize code, the QR code, "Again" and "Done".
      const screen = page.viewportSize();
      for (const el of [page.locator('.prize-code'), page.locator('svg.phone-qr'), page.getByRole('button', { name: '再来一轮' }), page.getByRole('button', { name: '结束', exact: true })]) {
        const box = await el.boundingBox();
        assert.ok(box.y >= 0 && box.y + box.height <= screen.height, `below the fold: ${JSON.stringify(box)}`);
      }
      await page.getByRole('button', { name: '结束', exact: true }).click();
      await start(page).waitFor();

      // Nothing of the customer is left: only the kiosk's keys, and never the code itself.
      const keys = await storedKeys(page);
      assert.ok(keys.every((k) => KIOSK_KEYS.includes(k)), `a customer's value is stored: ${keys}`);
      const all = await page.evaluate(() => JSON.stringify({ ...localStorage }));
      assert.ok(!all.includes(code), 'the code is stored');
      assert.equal((await storedStats(page)).prizes_issued, 1);

      await openPanelFirstRun(page);
      await page.getByRole('button', { name: '奖品码', exact: true }).click();
      await page.getByRole('heading', { name: '核对奖品码' }).waitFor();
      found.push(...(await audit(page, `panel prizes ${size}`)));
      await page.getByRole('button', { name: '设置', exact: true }).click();
      await page.getByRole('heading', { name: '本机设置' }).waitFor();
      found.push(...(await audit(page, `panel settings ${size}`)));
      await page.getByRole('button', { name: '奖品码', exact: true }).click();
      await page.getByRole('heading', { name: '核对奖品码' }).waitFor();
      const field = page.getByLabel('奖品码', { exact: true });
      await field.fill('ABCDEF');
      await page.getByRole('button', { name: '核对', exact: true }).click();
      await page.getByText('无效：不是本机发出的奖品码。').waitFor();
      assert.equal(await page.getByRole('button', { name: '确认兑换' }).isDisabled(), true);
      await field.fill(code.toLowerCase());
      await page.getByRole('button', { name: '核对', exact: true }).click();
      await page.getByText('有效，尚未兑换。').waitFor();
      await page.getByRole('button', { name: '确认兑换' }).click();
      await page.getByText('已兑换，已计入统计。').waitFor();
      await page.getByText('本机共发出 1 个奖品码，已兑换 1 个。').waitFor();
      await page.getByRole('button', { name: '核对', exact: true }).click();
      await page.getByText('这个奖品码已经兑换过了。').waitFor();
      const stats = await storedStats(page);
      assert.deepEqual([stats.prizes_issued, stats.prizes_redeemed], [1, 1]);
      assert.deepEqual(found, []);
      assert.deepEqual(problems(), []);
      await page.context().close();
    });
  });
}

test('landscape in elder mode: the longest end card (prize code, QR code, takeaways) scrolls, never sideways, and "Done" is reachable', async () => {
  const settings = { questions_per_session: 3, prize_threshold: 1, phone_base_url: 'https://quiz.example.com/anxin/', bank_hotline: '95588' };
  await withSettings(settings, async (origin) => {
    const { page, problems } = await openKiosk(env, 'landscape', { origin, allow: [] });
    await page.getByRole('button', { name: '长辈模式' }).click();
    await page.getByRole('button', { name: /一样来一点/ }).click();
    for (let i = 1; i <= 3; i++) await answerAndGoOn(page, i !== 3, i === 3);
    await page.getByRole('heading', { name: '恭喜！您可以领取一份小礼品' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('elder')), true);
    const found = await audit(page, 'end card elder landscape');
    // What the customer acts on before leaving shows without scrolling: the prize code.
    const code = await page.locator('.prize-code').boundingBox();
    assert.ok(code.y >= 0 && code.y + code.height <= page.viewportSize().height, `the prize code is below the fold: ${JSON.stringify(code)}`);
    const done = page.getByRole('button', { name: '结束', exact: true });
    await done.scrollIntoViewIfNeeded();
    const box = await done.boundingBox();
    const screen = page.viewportSize();
    assert.ok(box.y >= 0 && box.y + box.height <= screen.height, `"Done" cannot be brought on screen: ${JSON.stringify(box)}`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'scrolls sideways');
    await done.click();
    await start(page).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('elder')), false, 'the next customer starts in the default size');
    assert.deepEqual(found, []);
    assert.deepEqual(problems(), []);
    await page.context().close();
  });
});

test('a bank update keeps counting: the old period is kept apart (viewable, exportable) and a new one starts', async () => {
  const version = readBank('fraud').version;
  // Counts made with the previous edition of the fraud bank.
  const hours = Array(24).fill(0);
  hours[9] = 5;
  const earlier = {
    since: '2026-12-01', branches: [''], banks: { fraud: version - 1 }, started: 5, completed: 5, answered: 25, right: 20,
    scores: { 5: [0, 0, 0, 0, 5, 0] }, topics: { fraud: { sessions: 5, completed: 5, answered: 25, right: 20 } },
    questions: { 'fraud/fraud-001': { asked: 25, right: 20, wrong: { A: 5 } } }, hours, days: { '2026-12-01': 5 },
    elder: 0, langs: { zh: 5, en: 0 }, prizes_issued: 0, prizes_redeemed: 0,
  };
  const { page, problems } = await openKiosk(env, 'landscape');
  await page.evaluate((data) => localStorage.setItem('anxin.kiosk.stats', JSON.stringify({ v: 1, data })), earlier);
  await page.reload();
  await start(page).click();
  await page.getByRole('button', { name: new RegExp(topicName.zh.fraud) }).click();
  for (let i = 1; i <= 5; i++) await answerAndGoOn(page, true, i === 5);
  await page.getByRole('button', { name: '结束', exact: true }).click();
  await start(page).waitFor();

  const closed = await page.evaluate(() => JSON.parse(localStorage.getItem('anxin.kiosk.stats.earlier')).data);
  assert.deepEqual(closed, [earlier], 'the old period is kept as it was');
  const current = await storedStats(page);
  assert.deepEqual([current.started, current.completed, current.right, current.banks.fraud], [1, 1, 5, version]);

  await openPanelFirstRun(page);
  const periods = page.getByRole('group', { name: '统计期间' });
  await periods.getByRole('button', { name: '当前期间' }).waitFor();
  const row = (label) => page.locator('.stats-table tr', { has: page.locator('th', { hasText: new RegExp(`^${label}$`) }) }).locator('td').first();
  assert.equal(await row('参与人次').innerText(), '<5');
  await periods.getByRole('button', { name: '题库更新前（自 2026-12-01 起）' }).click();
  assert.equal(await row('参与人次').innerText(), '5');
  const found = await audit(page, 'panel periods');
  const json = await download(page, () => page.getByRole('button', { name: '导出 JSON（供汇总）' }).click());
  assert.equal(json.name, 'anxin-kiosk-stats-2026-12-01-2026-12-01.json');
  assert.deepEqual(JSON.parse(json.text).data, earlier);
  assert.deepEqual(found, []);
  assert.deepEqual(problems(), []);
  await page.context().close();
});
