// Offline: the service worker precaches the build, so a second visit works with the network off; a
// new version installs in the background and is switched to on the home screen, never mid-quiz.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { watchedPage, readIndex, useBrowserAndServer, withAlteredCopy, setUpRound, answer, root } from './harness.mjs';

const env = useBrowserAndServer();

test('the build lists every file for the service worker', () => {
  const sw = fs.readFileSync(path.join(process.env.ANXIN_DIST || path.join(root, 'dist'), 'sw.js'), 'utf8');
  for (const f of ['./', './index.html', './loader.js', './quizzes/index.json', ...readIndex().banks.map((b) => `./quizzes/${b.file}`)]) {
    assert.ok(sw.includes(JSON.stringify(f)), `${f} is not precached`);
  }
  assert.match(sw, /\.\/anxin-[0-9a-f]+_bg\.wasm/);
});

test('a second visit works offline; a new version waits for the home screen', async () => {
  await withAlteredCopy(() => {}, async (origin, dir) => {
    const { page, context, problems } = await watchedPage(env.browser, origin, { serviceWorkers: 'allow' });
    const home = page.getByRole('heading', { name: '选一个主题，开始答题' });
    const fraud = readIndex().banks.find((b) => b.topic === 'fraud');
    await page.goto(origin + '/');
    await home.waitFor();
    await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null);

    // Network off: the app, its banks and a practice all come from the cache.
    await context.setOffline(true);
    await page.reload();
    await home.waitFor();
    await setUpRound(page, fraud.title.zh);
    await answer(page, true);
    await context.setOffline(false);

    // A new version is deployed (a renamed topic). It installs while a quiz is under way…
    const indexFile = path.join(dir, 'quizzes', 'index.json');
    const index = JSON.parse(fs.readFileSync(indexFile, 'utf8'));
    index.banks.find((b) => b.id === fraud.id).title.zh = '防诈骗（新版）';
    fs.writeFileSync(indexFile, JSON.stringify(index));
    execFileSync('node', [path.join(root, 'tools', 'precache.mjs'), dir]);
    await page.getByRole('button', { name: '退出答题' }).click();
    await setUpRound(page, readIndex().banks.find((b) => b.topic === 'rights').title.zh, { mode: 'quiz', count: 5 });
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.waitForFunction(() => navigator.serviceWorker.getRegistration().then((r) => !!r.waiting));
    // …and nothing happens to the quiz.
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page reloaded mid-quiz');
    await page.getByText('第 1 题 / 共 5 题').waitFor();

    // Back on the home screen the new version takes over (the page reloads into it).
    await page.getByRole('button', { name: '退出答题' }).click();
    await page.getByRole('button', { name: /防诈骗（新版）/ }).waitFor();
    assert.equal(await page.evaluate(() => window.__sameDocument ?? null), null);
    assert.deepEqual(problems(), []);
    await page.context().close();
  });
});
