// Hardening across the pages (issue 14), each page in turn: the Content-Security-Policy blocks a remote
// script, an inline script, an inline event handler, an inline style and a request to another origin;
// a panic shows the page's bilingual recovery screen and its restart works (the unattended kiosk restarts
// by itself); the page's kept values survive the panic; a file dropped beside a file input does not
// open in the tab (leaving the page).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { watchedPage, useBrowserAndServer, dist } from './harness.mjs';

const env = useBrowserAndServer();
// Each page, how to know it is up, and its restart link. Pages missing from this dist/ are skipped.
const PAGES = [
  { name: 'index', file: '', ready: (p) => p.getByRole('heading', { name: '选一个主题，开始答题' }), restart: /重新开始/ },
  { name: 'kiosk', file: 'kiosk.html', ready: (p) => p.getByRole('button', { name: /点击开始/ }), restart: /重新开始/, allow: ['kiosk.json'] },
  { name: 'contest', file: 'contest.html', ready: (p) => p.getByRole('heading', { name: '比赛设置' }), restart: /重新打开/ },
  { name: 'desk', file: 'desk.html', ready: (p) => p.getByRole('heading', { name: '题库工作台', exact: true }), restart: /重新打开/ },
].filter((p) => !p.file || fs.existsSync(path.join(dist, p.file)));

for (const spec of PAGES) {
  test(`${spec.name}: the Content-Security-Policy blocks remote and inline script, inline handlers and styles, and other origins`, async () => {
    const { page, context } = await watchedPage(env.browser, env.origin, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${env.origin}/${spec.file}`);
    await spec.ready(page).waitFor();
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(csp, /default-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    const outcome = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const fetched = await fetch('https://example.com/track').then(() => 'sent', () => 'blocked');
      const remote = document.createElement('script');
      remote.src = 'https://example.com/evil.js';
      const loaded = new Promise((r) => { remote.onload = () => r('loaded'); remote.onerror = () => r('blocked'); });
      document.body.append(remote);
      const inline = document.createElement('script');
      inline.textContent = 'window.__inline = 1';
      document.body.append(inline);
      const handler = document.createElement('button');
      handler.setAttribute('onclick', 'window.__handler = 1');
      document.body.append(handler);
      handler.click();
      const styled = document.createElement('div');
      styled.setAttribute('style', 'width: 7px');
      document.body.append(styled);
      const script = await loaded;
      await new Promise((r) => setTimeout(r, 50));
      return {
        fetched, script, inline: window.__inline ?? null, handler: window.__handler ?? null,
        width: styled.getBoundingClientRect().width === 7, violations,
      };
    });
    assert.deepEqual(
      { fetched: outcome.fetched, script: outcome.script, inline: outcome.inline, handler: outcome.handler, width: outcome.width },
      { fetched: 'blocked', script: 'blocked', inline: null, handler: null, width: false },
    );
    for (const d of ['connect-src', 'script-src-elem', 'script-src-attr', 'style-src-attr']) {
      assert.ok(outcome.violations.includes(d), `${d} not reported: ${outcome.violations.join()}`);
    }
    await context.close();
  });

  test(`${spec.name}: a panic shows the bilingual recovery screen and the restart brings the page back`, async () => {
    const { page, context, problems } = await watchedPage(env.browser, env.origin, { viewport: { width: 1280, height: 900 }, allow: spec.allow });
    await page.goto(`${env.origin}/${spec.file}`);
    await spec.ready(page).waitFor();
    // Something the page keeps, to find again after the crash.
    await page.evaluate(() => localStorage.setItem('anxin.hardening.kept', '"yes"'));
    await page.goto(`${env.origin}/${spec.file}?selftest=panic`);
    const crash = page.locator('#anxin-crash');
    await crash.getByText('抱歉，出了点问题').waitFor();
    await crash.getByText('Sorry, something went wrong').waitFor();
    assert.equal(await page.locator('#app').isHidden(), true);
    assert.ok(problems().every((p) => /self-test|unreachable|RuntimeError/.test(p)), problems().join('\n'));
    // The restart link opens this same page again (not the phone's index.html), without the self-test.
    await crash.getByRole('link', { name: spec.restart }).click();
    await spec.ready(page).waitFor();
    assert.equal(new URL(page.url()).pathname, `/${spec.file}`);
    assert.equal(await page.evaluate(() => localStorage.getItem('anxin.hardening.kept')), '"yes"');
    if (spec.name === 'contest') {
      // The audience window's restart keeps it the audience window.
      await page.goto(`${env.origin}/contest.html?screen=audience&selftest=panic`);
      await crash.getByText('抱歉，出了点问题').waitFor();
      assert.equal(await crash.getByRole('link', { name: spec.restart }).getAttribute('href'), '/contest.html?screen=audience');
    }
    await context.close();
  });
}

test('kiosk: nobody at the kiosk after a crash: it restarts by itself after 10 s', { skip: !PAGES.some((p) => p.name === 'kiosk') }, async () => {
  const { page, context } = await watchedPage(env.browser, env.origin, { viewport: { width: 1080, height: 1920 } });
  await page.clock.install();
  await page.goto(`${env.origin}/kiosk.html?selftest=panic`);
  await page.locator('#anxin-crash').getByText('10 秒后自动重新开始', { exact: false }).waitFor();
  let loads = 0;
  page.on('load', () => { loads += 1; });
  await page.clock.runFor(9_000);
  assert.equal(loads, 0, 'restarted too soon');
  const reloaded = page.waitForEvent('load');
  await page.clock.runFor(1_500);
  await reloaded;
  assert.equal(loads, 1);
  await context.close();
});

for (const spec of PAGES) {
  test(`${spec.name}: a file dropped beside a file input is refused (the page is not left for it); a file input still takes one`, async () => {
    const { page, context, problems } = await watchedPage(env.browser, env.origin, { viewport: { width: 1280, height: 900 }, allow: spec.allow });
    await page.goto(`${env.origin}/${spec.file}`);
    await spec.ready(page).waitFor();
    const outcome = await page.evaluate(() => {
      const drag = (target, type) => {
        const data = new DataTransfer();
        data.items.add(new File(['{}'], 'setup.json', { type: 'application/json' }));
        const event = new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data });
        target.dispatchEvent(event);
        return { refused: event.defaultPrevented, effect: data.dropEffect };
      };
      const input = document.querySelector('input[type=file]');
      return {
        over: drag(document.querySelector('h1') || document.body, 'dragover'),
        drop: drag(document.querySelector('h1') || document.body, 'drop'),
        // The desk's file input is inside its drop zone, which takes the drop itself.
        input: input && !input.closest('.drop-zone') ? drag(input, 'drop') : null,
      };
    });
    assert.deepEqual(outcome.over, { refused: true, effect: 'none' });
    assert.equal(outcome.drop.refused, true);
    if (outcome.input) assert.equal(outcome.input.refused, false, 'a file input takes the drop as the browser does');
    assert.deepEqual(problems(), []);
    await context.close();
  });
}
