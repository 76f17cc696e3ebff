// What happens to the learner's records and rounds when things go wrong around them: storage that is
// really full, values written by a newer version, a practice peeked away from, banks that arrive late
// or fail, a mistyped link. Each test names the behaviour it keeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchedPage, readIndex, useBrowserAndServer, setUpRound, answer, words, upAndWhole } from './harness.mjs';
import { nameOf } from './topics.mjs';

const env = useBrowserAndServer();
const t = words.zh;

/** Fills this origin's localStorage until it refuses, leaving about `room` characters free. */
async function fillStorage(page, room) {
  return page.evaluate((room) => {
    localStorage.setItem('other-page.room', 'r'.repeat(room));
    let i = 0;
    for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          localStorage.setItem(`other-page.${i++}`, 'x'.repeat(size));
        } catch (e) {
          break;
        }
      }
    }
    localStorage.removeItem('other-page.room');
    return i;
  }, room);
}

/** Quiz on screen: ticks the first option of each of `n` questions, hands in, waits for the result. */
async function handInQuiz(page, n) {
  for (let i = 0; i < n; i++) {
    await page.locator('button.option').first().click();
    if (i < n - 1) await page.getByRole('button', { name: t.next }).click();
  }
  await page.getByRole('button', { name: t.handIn }).click();
  await page.getByRole('heading', { name: /测验通过|这次没有通过/ }).waitFor();
}

test('storage really full when a finished quiz is saved: the results show, the learner is told, the app goes on', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  const entry = readIndex().banks[0];
  await page.getByRole('button', { name: nameOf(entry) }).first().waitFor();
  // Another page of the same origin (a banking app's webview) has used up the storage.
  assert.ok((await fillStorage(page, 400)) > 1);
  await setUpRound(page, nameOf(entry), { mode: 'quiz', count: 5 });
  await handInQuiz(page, 5);
  await page.getByText('设备存储空间已满').first().waitFor();
  // The page is alive: every other write the app makes works in memory.
  await page.getByRole('button', { name: t.home }).first().click();
  // A practice: an answer (progress and the round in progress), a bookmark, leaving part-way (park).
  await setUpRound(page, nameOf(entry), { mode: 'practice' });
  const missed = await answer(page, false);
  await page.getByRole('button', { name: '收藏本题' }).click();
  await page.locator('button.bookmark[aria-pressed="true"]').waitFor();
  await page.getByRole('button', { name: t.next }).click();
  await page.getByRole('button', { name: t.quit }).click();
  await page.getByRole('button', { name: /继续上次的练习/ }).waitFor();
  // Taking a question off the wrong-answer book by hand.
  await page.locator('.topic-book').click();
  await page.getByRole('button', { name: `移出错题本：${missed.prompt.zh}` }).click();
  await page.getByText(missed.prompt.zh).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: /返回/ }).first().click();
  // A setting (elder mode).
  await page.getByRole('button', { name: /长辈模式/ }).first().click();
  await page.waitForFunction(() => document.documentElement.classList.contains('elder'));
  // What did fit is whole (the short history, the settings); the bigger records stayed in memory.
  const ours = await page.evaluate(() => Object.fromEntries(
    Object.keys(localStorage).filter((k) => k.startsWith('anxin.')).map((k) => [k, JSON.parse(localStorage.getItem(k))])));
  assert.ok(!('anxin.progress' in ours), 'the progress could not have fitted');
  if (ours['anxin.history']) assert.equal(ours['anxin.history'].data.length, 1);
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('records written by a newer version are kept untouched, with a notice; this visit still works', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  await upAndWhole(page);
  const newer = {
    history: JSON.stringify({ v: 99, data: [{ from: 'a newer version' }] }),
    progress: JSON.stringify({ v: 99, data: { reviews: {}, future: true } }),
  };
  await page.evaluate((newer) => {
    localStorage.setItem('anxin.history', newer.history);
    localStorage.setItem('anxin.progress', newer.progress);
  }, newer);
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: '更新版本' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /答题进度和错题本、答题历史/);
  // A round this visit: answered, finished, filed — in memory only for those keys.
  const entry = readIndex().banks[0];
  await setUpRound(page, nameOf(entry), { mode: 'quiz', count: 5 });
  await handInQuiz(page, 5);
  const left = await page.evaluate(() => ({
    history: localStorage.getItem('anxin.history'),
    progress: localStorage.getItem('anxin.progress'),
  }));
  assert.deepEqual(left, newer, 'the newer values are exactly as they were');
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('a stored record the browser refuses to read is kept in place, with a notice, and is read again next visit', async () => {
  // From the second load on, reading the progress throws (a webview's storage hiccup).
  const init = () => {
    const real = Storage.prototype.getItem;
    window.readPastTheFault = (key) => real.call(localStorage, key);
    Storage.prototype.getItem = function (key) {
      if (key === 'anxin.progress' && sessionStorage.getItem('throw-reads') === 'yes') {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      }
      return real.call(this, key);
    };
  };
  const { page, problems } = await watchedPage(env.browser, env.origin, { init });
  await page.goto(env.origin + '/');
  const first = nameOf(readIndex().banks[0]);
  await setUpRound(page, first, { mode: 'practice' });
  await answer(page, false);
  await page.getByRole('button', { name: t.quit }).click();
  const stored = await page.evaluate(() => localStorage.getItem('anxin.progress'));
  assert.ok(stored, 'the answer was saved');
  await page.evaluate(() => sessionStorage.setItem('throw-reads', 'yes'));
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: '读取失败' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /答题进度和错题本/);
  // This visit answers more; the stored progress is not overwritten or removed. (Another topic: the
  // first one's name is also on the "continue" card now.)
  await setUpRound(page, nameOf(readIndex().banks[1]), { mode: 'practice' });
  await answer(page, true);
  await page.getByRole('button', { name: t.quit }).click();
  assert.equal(await page.evaluate(() => window.readPastTheFault('anxin.progress')), stored);
  // Next visit the browser reads it again: the missed question is in the book.
  await page.evaluate(() => sessionStorage.removeItem('throw-reads'));
  await page.reload();
  await page.locator('.topic-book', { hasText: /1 道/ }).waitFor();
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('the parked practice survives peeking at another practice and leaving it unanswered', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  const [a, b] = readIndex().banks;
  await setUpRound(page, nameOf(a), { mode: 'practice' });
  await answer(page, true);
  await page.getByRole('button', { name: t.next }).click();
  await page.getByRole('button', { name: t.quit }).click();
  const resume = page.getByRole('button', { name: /继续上次的练习/ });
  await resume.waitFor();
  // A practice is 10 questions unless the learner chooses another length.
  const parkedAt = new RegExp(`第 2 题 / 共 ${Math.min(10, a.questions)} 题`);
  assert.match(await resume.innerText(), parkedAt);
  // Peek at another practice and leave it before answering.
  await setUpRound(page, nameOf(b), { mode: 'practice' });
  await page.getByRole('button', { name: t.quit }).click();
  await resume.waitFor();
  assert.match(await resume.innerText(), parkedAt);
  // Still there after a reload (the card waits for every bank).
  await page.reload();
  await page.locator('.topic-continue[aria-disabled="false"]').waitFor();
  assert.match(await resume.innerText(), parkedAt);
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('an unfinished round reopens from home only: a late bank does not pull the learner off settings', async () => {
  const { page, context, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  const entry = readIndex().banks[0];
  await setUpRound(page, nameOf(entry), { mode: 'quiz', count: 5 });
  await page.locator('button.option').first().click();
  const prompt = (await page.locator('h2.question-prompt').innerText()).trim();
  // The round's bank is slow to arrive after the reload.
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route(`**/quizzes/${entry.file}*`, async (route) => {
    await held;
    await route.continue();
  });
  await page.reload();
  await page.getByRole('button', { name: /设置/ }).click();
  await page.getByRole('heading', { name: /设置/ }).waitFor();
  const arrived = page.waitForResponse((r) => r.url().includes(`/quizzes/${entry.file}`));
  release();
  await arrived;
  // Give the app time to react to the bank; it must stay on settings.
  await page.waitForTimeout(500);
  assert.equal(await page.locator('h2.question-prompt').count(), 0);
  await page.getByRole('heading', { name: /设置/ }).waitFor();
  // Back home: the round reopens where it was.
  await page.getByRole('button', { name: /返回/ }).first().click();
  await page.locator('h2.question-prompt').waitFor();
  assert.equal((await page.locator('h2.question-prompt').innerText()).trim(), prompt);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a bank that failed to download stays named while a round starts, and "try again" fetches it', async () => {
  const [failing, other] = readIndex().banks;
  const url = `/quizzes/${failing.file}`;
  const { page, context, problems } = await watchedPage(env.browser, env.origin, { allow: [url] });
  let fail = true;
  await context.route(`**${url}*`, (route) => (fail ? route.abort('failed') : route.continue()));
  await page.goto(env.origin + '/');
  const notice = page.getByRole('alert').filter({ hasText: `“${nameOf(failing)}”的题目加载失败` });
  await notice.waitFor();
  // Starting a round with another bank does not hide the notice.
  await setUpRound(page, nameOf(other), { mode: 'practice' });
  await answer(page, true);
  assert.equal(await notice.count(), 1, 'the notice is still there');
  await page.getByRole('button', { name: t.quit }).click();
  // The connection is back: "try again" fetches the bank, and its topic is offered.
  fail = false;
  await notice.getByRole('button', { name: '重试' }).click();
  await page.getByRole('button', { name: nameOf(failing) }).first().waitFor();
  assert.equal(await notice.count(), 0);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a deep link with a mistyped topic opens the home screen, not a quiz of every topic', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/?topic=fruad&mode=quiz');
  const entry = readIndex().banks[0];
  await page.getByRole('button', { name: nameOf(entry) }).first().waitFor();
  // Every bank has loaded (the daily set is ready), and still no round opened.
  await page.locator('.topic-daily[aria-disabled="false"]').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.locator('h2.question-prompt').count(), 0);
  assert.equal(new URL(page.url()).search, '');
  assert.deepEqual(problems(), []);
  await page.context().close();
});
