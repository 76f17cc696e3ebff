// Helpers for the kiosk's end-to-end tests (kiosk.test.mjs, kiosk-panel.test.mjs): opening kiosk.html at a
// kiosk's screen size on a fake clock, axe and the kiosk's layout rules, the stored keys and statistics,
// answering, and the operator panel's hidden corner and keypad.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { watchedPage, answer } from './harness.mjs';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const SCREENS = { portrait: { width: 1080, height: 1920 }, landscape: { width: 1920, height: 1080 } };
// The only keys the kiosk may leave on the device (src/domain/kiosk.rs, KEYS; storage adds `anxin.`).
export const KIOSK_KEYS = [
  'anxin.kiosk.settings', 'anxin.kiosk.stats', 'anxin.kiosk.stats.earlier', 'anxin.kiosk.pin', 'anxin.kiosk.prizes',
];
// A kiosk without kiosk.json asks for it once and gets a 404: the defaults apply.
export const NO_SETTINGS = ['kiosk.json'];
export const SHOTS = process.env.KIOSK_SHOTS;

export const start = (page) => page.getByRole('button', { name: /点击开始/ });
export const stillThere = (page) => page.getByRole('alertdialog', { name: '还在吗？' });

/**
 * Opens the kiosk of `env` (the harness's browser and server) at `size` on a fake clock (`init`: a script run
 * in the page before the kiosk's own; `time`: the clock's start, now by default; `hasTouch`: a touch screen); resolves on the attract
 * screen with the banks loaded, with the harness's `{ page, context, problems }` and the console's `warnings`.
 */
export async function openKiosk(env, size, { origin = env.origin, allow = NO_SETTINGS, init, time, hasTouch = false } = {}) {
  const watched = await watchedPage(env.browser, origin, { viewport: SCREENS[size], allow, hasTouch });
  if (init) await watched.page.addInitScript(init);
  watched.warnings = [];
  watched.page.on('console', (msg) => { if (msg.type() === 'warning') watched.warnings.push(msg.text()); });
  await watched.page.clock.install(time === undefined ? {} : { time });
  await watched.page.goto(origin + '/kiosk.html');
  await start(watched.page).waitFor();
  await watched.page.locator('.tip-label').waitFor();
  return watched;
}

/** axe-core and the kiosk's layout rules on the page as it is; returns what is wrong. */
export async function audit(page, screen) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  const found = result.violations.map((v) => `${screen}: ${v.id} ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  const layout = await page.evaluate(() => {
    const wrong = [];
    if (document.documentElement.scrollWidth > window.innerWidth) wrong.push('scrolls sideways');
    for (const el of document.querySelectorAll('button, a[href], [role=button]')) {
      const r = el.getBoundingClientRect();
      if (!el.offsetParent || r.width === 0) continue;
      // Elder mode's 60×60 at least, on every kiosk screen.
      if (r.width < 60 || r.height < 60) wrong.push(`small target ${Math.round(r.width)}×${Math.round(r.height)}: ${el.innerText.trim().slice(0, 20)}`);
    }
    return wrong;
  });
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${screen.replace(/[^a-z0-9]+/gi, '-')}.png`) });
  return [...found, ...layout.map((w) => `${screen}: ${w}`)];
}

/** The keys in localStorage. */
export const storedKeys = (page) => page.evaluate(() => Object.keys(localStorage).sort());

/** The statistics the kiosk stored (`null` if none). */
export const storedStats = (page) => page.evaluate(() => {
  const raw = localStorage.getItem('anxin.kiosk.stats');
  return raw && JSON.parse(raw).data;
});

/** Answers the question shown, right or wrong, and goes on. */
export async function answerAndGoOn(page, right, last) {
  await answer(page, right);
  await page.getByRole('button', { name: last ? '查看成绩' : '下一题' }).click();
}

/** Holds the attract screen's top-left corner for `ms` (fake clock). */
export async function holdCorner(page, ms) {
  await page.mouse.move(8, 8);
  await page.mouse.down();
  await page.clock.runFor(ms);
  await page.mouse.up();
}

/** Presses `digits` on the panel's keypad, then OK. */
export async function typePin(page, digits) {
  for (const d of digits) await page.locator('.pin-key', { hasText: new RegExp(`^${d}$`) }).click();
  await page.getByRole('button', { name: '确定', exact: true }).click();
}
