// The rehearsal (src/ui/app/rehearsal.rs): once every bank is in, the learner's page plays the taps
// of a first round on copies of its model, building their screens in an element outside the
// document, so that the learner's own first taps run code already compiled. It must leave no trace:
// nothing shown, focused or written; and it must give way to the learner at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchedPage, useBrowserAndServer, setUpRound, readIndex, holdRest, afterPaints } from './harness.mjs';
import { nameOf } from './topics.mjs';

const env = useBrowserAndServer();
const rehearsed = (page) => page.evaluate(() => performance.getEntriesByName('anxin-rehearsed').length);

/** The learner's records as the page holds them (every `anxin.` key but the storage probe). */
const records = (page) => page.evaluate(() => Object.fromEntries(
  Object.keys(localStorage).filter((k) => k.startsWith('anxin.') && k !== 'anxin.probe').sort().map((k) => [k, localStorage.getItem(k)]),
));

/** The records once a tap's writes, which wait for the page to paint what it changed
 *  (ui/hooks/use_app.rs), are made: when `key` is among them, or after 5 s. */
const recordsWith = async (page, key) => {
  await page.waitForFunction((key) => Object.keys(localStorage).some((k) => k.includes(key)), key, { timeout: 5_000 }).catch(() => {});
  return records(page);
};

test('the first round is rehearsed out of sight once the banks are in: nothing shown, focused or written', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  await page.getByRole('heading', { name: '选一个主题，开始答题' }).waitFor();
  const focused = () => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? null);
  await afterPaints(page);
  const focusBefore = await focused();
  await page.waitForFunction(() => performance.getEntriesByName('anxin-rehearsed').length === 1, null, { timeout: 30_000 });

  // Its round wrote nothing: a new learner still has no round, answers, history or screen kept.
  const kept = await records(page);
  for (const key of Object.keys(kept)) {
    assert.doesNotMatch(key, /attempt|progress|history|practice|screen/, `the rehearsal wrote ${key}`);
  }
  // Nothing of it is in the page, and the focus did not move.
  assert.equal(await page.locator('.quiz, h2.question-prompt, .verdict').count(), 0);
  await page.getByRole('heading', { name: '选一个主题，开始答题' }).waitFor();
  assert.equal(await focused(), focusBefore);

  // The learner's own round then goes as ever, and is kept.
  const entry = readIndex().banks[0];
  await setUpRound(page, nameOf(entry), { mode: 'practice' });
  await page.locator('button.option').first().click();
  await page.getByRole('button', { name: '确认答案' }).click();
  await page.locator('.verdict').waitFor();
  const after = await recordsWith(page, 'progress');
  assert.ok(Object.keys(after).some((k) => k.includes('attempt')), 'the round in progress is kept');
  assert.ok(Object.keys(after).some((k) => k.includes('progress')), 'the answer is kept');
  assert.equal(await rehearsed(page), 1, 'rehearsed once');
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('a learner who leaves the home screen as it begins stops it, and their round is theirs alone', async () => {
  // The page taps the first topic in the task after the last bank settles (the daily card stops
  // saying "loading"), the moment the rehearsal begins: it must give way at once.
  const tapAsBanksSettle = () => {
    let tapped = false;
    const watch = new MutationObserver(() => {
      if (tapped || !performance.getEntriesByName('anxin-rest').length) return;
      const topic = document.querySelector('ul.topics-main button');
      if (!topic || document.body.innerText.includes('正在加载')) return;
      tapped = true;
      watch.disconnect();
      setTimeout(() => topic.click(), 0);
    });
    addEventListener('DOMContentLoaded', () => watch.observe(document.body, { childList: true, subtree: true, characterData: true }));
  };
  const { page, context, problems } = await watchedPage(env.browser, env.origin, { init: tapAsBanksSettle });
  await page.goto(env.origin + '/');
  await page.getByRole('heading', { name: '选择练习方式' }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: '练习', exact: true }).click();
  await page.getByRole('button', { name: '开始', exact: true }).click();
  await page.locator('h2.question-prompt').waitFor();
  await page.locator('button.option').first().click();
  await page.getByRole('button', { name: '确认答案' }).click();
  await page.locator('.verdict').waitFor();
  assert.match(await page.locator('.progress-text').innerText(), /第 1 题/);
  const progress = Object.entries(await recordsWith(page, 'progress')).find(([k]) => k.includes('progress'));
  assert.ok(progress, 'the answer is kept');
  assert.equal(Object.keys(JSON.parse(progress[1]).data.reviews).length, 1, "one answer: the learner's");
  await page.waitForTimeout(500);
  assert.equal(await rehearsed(page), 0, 'the rehearsal stopped (or never began)');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a learner who left the home screen before the banks were in has run that code already: no rehearsal', async () => {
  const { page, context, problems } = await watchedPage(env.browser, env.origin);
  // The rest of the wasm is held back, and a topic tapped meanwhile: the loader replays the tap as
  // the rest arrives, before any bank is checked.
  const rest = await holdRest(page);
  await page.goto(env.origin + '/');
  const entry = readIndex().banks[0];
  await page.getByRole('button', { name: nameOf(entry) }).first().click();
  rest.release();
  await page.getByRole('heading', { name: '选择练习方式' }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { name: '选一个主题，开始答题' }).waitFor();
  await page.waitForFunction(() => !document.body.innerText.includes('正在加载'), null, { timeout: 30_000 });
  await page.waitForTimeout(1000);
  assert.equal(await rehearsed(page), 0);
  assert.deepEqual(problems(), []);
  await context.close();
});
