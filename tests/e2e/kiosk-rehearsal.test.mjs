// The kiosk's rehearsal (src/ui/kiosk/rehearsal.rs): once every bank is in, while the kiosk waits on
// the attract screen, the page plays the taps of a customer's first session on copies of its model,
// building their screens in an element outside the document, so that the first customer's own taps
// run code already compiled. It must leave no trace — nothing shown, focused, counted or written —
// and give way to a customer at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, watchedPage, afterPaints } from './harness.mjs';
import { start, storedKeys, storedStats, answerAndGoOn, SCREENS, NO_SETTINGS } from './kiosk-harness.mjs';

const env = useBrowserAndServer();
const open = (init) => watchedPage(env.browser, env.origin, { viewport: SCREENS.portrait, allow: NO_SETTINGS, init })
  .then(async (watched) => {
    await watched.page.goto(env.origin + '/kiosk.html');
    return watched;
  });
const rehearsed = (page) => page.evaluate(() => performance.getEntriesByName('anxin-rehearsed').length);

test('the kiosk rehearses a first session out of sight: nothing shown, focused, counted or written', async () => {
  // Without the fake clock of the other kiosk tests: it fakes `performance` too, and the marks with it.
  const { page, context, problems } = await open();
  await start(page).waitFor();
  const focused = () => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? null);
  await afterPaints(page);
  const focusBefore = await focused();
  await page.waitForFunction(() => performance.getEntriesByName('anxin-rehearsed').length === 1, null, { timeout: 30_000 });

  assert.deepEqual(await storedKeys(page), [], 'nothing written');
  assert.equal(await page.locator('.kiosk-question, .verdict, .choosing').count(), 0, 'nothing of it in the page');
  await start(page).waitFor();
  assert.equal(await focused(), focusBefore, 'the focus did not move');

  // The first customer's session then goes as ever, and is counted once.
  await start(page).click();
  await page.getByRole('heading', { name: '想了解哪方面？' }).waitFor();
  await page.locator('.kiosk-topic.topic-fraud').click();
  await page.getByText('第 1 题 / 共 5 题').waitFor();
  for (let i = 1; i <= 5; i++) await answerAndGoOn(page, true, i === 5);
  await page.getByRole('heading', { name: '答完了' }).waitFor();
  const stats = await storedStats(page);
  assert.deepEqual([stats.started, stats.completed, stats.answered, stats.right], [1, 1, 5, 5]);
  assert.equal(await rehearsed(page), 1, 'rehearsed once');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a customer who starts before the banks are in meets no rehearsal, and their session is theirs alone', async () => {
  // "Touch to start" tapped the moment it appears, before the banks have settled.
  const tapStart = () => {
    const watch = new MutationObserver(() => {
      const button = document.querySelector('button.start');
      if (!button) return;
      watch.disconnect();
      setTimeout(() => button.click(), 0);
    });
    addEventListener('DOMContentLoaded', () => watch.observe(document.body, { childList: true, subtree: true }));
  };
  const { page, context, problems } = await open(tapStart);
  await page.getByRole('heading', { name: '想了解哪方面？' }).waitFor();
  await page.locator('.kiosk-topic.topic-fraud').click();
  await page.getByText('第 1 题 / 共 5 题').waitFor();
  await answerAndGoOn(page, false, false);
  await page.getByText('第 2 题 / 共 5 题').waitFor();
  await page.waitForTimeout(1000);
  assert.equal(await rehearsed(page), 0, 'no rehearsal once a customer has begun');
  assert.deepEqual(problems(), []);
  await context.close();
});
