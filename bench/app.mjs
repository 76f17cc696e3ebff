// `make bench`, the app half: dist/ file sizes (raw and gzip -9) and start-up time in Debian's
// Chromium with the CPU slowed 4× (a cheap phone), from navigation to the topic buttons on screen.
// Prints Markdown tables.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve, launch, dist } from '../tests/e2e/harness.mjs';

const RUNS = 7;

function sizes() {
  const rows = [];
  const walk = (dir) => {
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (fs.statSync(file).isDirectory()) walk(file);
      else {
        const raw = fs.readFileSync(file);
        rows.push([path.relative(dist, file).replace(/-[0-9a-f]{8,}(?=[._])/, '-<hash>'), raw.length, zlib.gzipSync(raw, { level: 9 }).length]);
      }
    }
  };
  walk(dist);
  rows.sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((t, r) => [t[0] + r[1], t[1] + r[2]], [0, 0]);
  console.log('| dist/ file | raw bytes | gzip -9 bytes |\n|---|---:|---:|');
  for (const [name, raw, gz] of rows) console.log(`| ${name} | ${raw.toLocaleString('en')} | ${gz.toLocaleString('en')} |`);
  console.log(`| **total** | ${total[0].toLocaleString('en')} | ${total[1].toLocaleString('en')} |\n`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function startup() {
  const server = await serve(dist);
  const browser = await launch();
  const home = [];
  const banks = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 780 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const start = Date.now();
      await page.goto(server.origin + '/');
      await page.locator('.topic-fraud').waitFor();
      home.push(Date.now() - start);
      // Every bank fetched and validated: the daily set becomes available.
      await page.locator('.topic-daily[aria-disabled="false"]').waitFor();
      banks.push(Date.now() - start);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`| start-up, Chromium, CPU ×4 slower, cold cache, local server (median of ${RUNS}) | ms |\n|---|---:|`);
  console.log(`| navigation → topic buttons on screen | ${median(home)} |`);
  console.log(`| navigation → every bank fetched and validated | ${median(banks)} |`);
}

sizes();
await startup();
