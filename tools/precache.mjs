// Trunk post-build hook: writes sw.js, the service worker, into the staging dist/ with the list of
// every file it precaches and a version made from their contents (a new build → a new sw.js → the
// browser installs it, and the app switches to it on the home screen).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) throw new Error('usage: TRUNK_STAGING_DIR=<dist> node tools/precache.mjs');
const template = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sw.template.js'), 'utf8');

const files = [];
const walk = (sub) => {
  for (const name of fs.readdirSync(path.join(dir, sub)).sort()) {
    const rel = sub ? `${sub}/${name}` : name;
    if (fs.statSync(path.join(dir, rel)).isDirectory()) walk(rel);
    else if (rel !== 'sw.js') files.push(rel);
  }
};
walk('');
const hash = crypto.createHash('sha256');
for (const f of files) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
const out = template
  .replace('__VERSION__', version)
  .replace('__FILES__', JSON.stringify(['./', ...files.map((f) => `./${f}`)], null, 0));
fs.writeFileSync(path.join(dir, 'sw.js'), out);
console.log(`sw.js: ${files.length} files precached, version ${version}`);
