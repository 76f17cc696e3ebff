// Build step (run by `make dist`): trunk builds one page per run, so each page is built once into its
// own folder named after it (target/pages/index, target/pages/kiosk …) and this puts them together into
// one dist/. trunk always names the page it writes index.html: the one in target/pages/<page>/ becomes
// dist/<page>.html.
// Hashed names cannot collide (each page's wasm and glue carry its bin's name and a content hash);
// the files every page copies (public/, quizzes/, the shared style sheet) must be byte for byte the
// same, or the build stops and names the file. The new dist/ replaces the old one only once complete.
//   node tools/assemble.mjs <dist> <page dir>…
import fs from 'node:fs';
import path from 'node:path';

const [out, ...parts] = process.argv.slice(2);
if (!out || parts.length === 0) throw new Error('usage: node tools/assemble.mjs <dist> <page dir>…');

const staging = `${out}.assembling`;
fs.rmSync(staging, { recursive: true, force: true });
const from = new Map();
let copied = 0;
const walk = (part, sub) => {
  for (const name of fs.readdirSync(path.join(part, sub)).sort()) {
    const found = sub ? `${sub}/${name}` : name;
    const rel = found === 'index.html' ? `${path.basename(part)}.html` : found;
    const src = path.join(part, found);
    const dst = path.join(staging, rel);
    if (fs.statSync(src).isDirectory()) {
      fs.mkdirSync(dst, { recursive: true });
      walk(part, rel);
    } else if (from.has(rel)) {
      if (!fs.readFileSync(src).equals(fs.readFileSync(dst))) {
        throw new Error(`${rel} differs between ${from.get(rel)} and ${part}: every page must copy the same file`);
      }
    } else {
      fs.copyFileSync(src, dst);
      from.set(rel, part);
      copied += 1;
    }
  }
};
fs.mkdirSync(staging, { recursive: true });
for (const part of parts) {
  if (!fs.existsSync(part)) throw new Error(`${part} does not exist: build its page first`);
  walk(part, '');
}
fs.rmSync(out, { recursive: true, force: true });
fs.renameSync(staging, out);
console.log(`assemble: ${parts.length} pages into ${out}/, ${copied} files`);
