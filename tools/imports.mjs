// Build step (run by tools/postbuild.mjs over the assembled dist/, after minify.mjs and before
// split.mjs): gives the functions each page's wasm imports from its glue short names.
//
// wasm-bindgen names each import after the JS it calls and a hash (`__wbg_setAttribute_f75317b2b5cabfb4`),
// and the name is written twice: in the wasm's import section and as the key of the glue's import
// object. The hashes do not compress: for the phone's 151 imports they were 1.8 KB of the start-up
// wasm and 1.6 KB of the glue (brotli), both waited for before the first screen.
//
// For each page whose loader tag names a glue (`data-anxin-js`) and a wasm (`data-anxin-wasm`):
// - each function the wasm imports from the glue's module (`./<name>_bg.js`) whose name is written
//   exactly once in the glue, as an object key (`name:` or `name(`), gets a short name (`a`, `b` …
//   `Z`, `aa` …), in the wasm's import section and in the glue alike; a name found otherwise in the
//   glue is left as it is (and counted in the log line);
// - both files are written under new names carrying a hash of their new contents (a cache holding
//   the old glue can never meet the new wasm under the same names), and the page's references and
//   `integrity` values follow.
// Run again over its own output it changes nothing.
//   node tools/imports.mjs <dist>
import fs from 'node:fs';
import path from 'node:path';
import { hash16, sha384 } from './hashes.mjs';
import { encodeName, imports, leb, readImport, readLeb, sections } from './wasm-bytes.mjs';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node tools/imports.mjs <dist>');

/** `a` … `z`, `A` … `Z`, `aa`, `ab` …: the n-th short identifier. */
function shortName(n) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  let i = n;
  do {
    name = letters[i % letters.length] + name;
    i = Math.floor(i / letters.length) - 1;
  } while (i >= 0);
  return name;
}

/**
 * The wasm with its import section rewritten by `rename(module, field)` (a new field name, or the
 * same); every other section copied byte for byte.
 */
function renameImports(wasm, rename) {
  const out = [wasm.subarray(0, 8)];
  for (const section of sections(wasm)) {
    if (section.id !== 2) {
      out.push(wasm.subarray(section.start, section.end));
      continue;
    }
    const at = { i: section.body };
    const count = readLeb(wasm, at);
    const entries = [leb(count)];
    for (let k = 0; k < count; k++) {
      const { module, field, kind, desc } = readImport(wasm, at);
      entries.push(encodeName(module), encodeName(kind === 0 ? rename(module, field) : field), desc);
    }
    if (at.i !== section.end) throw new Error('the import section was not read to its end');
    const body = Buffer.concat(entries);
    out.push(Buffer.from([2]), leb(body.length), body);
  }
  return Buffer.concat(out);
}

/** The glue's import names found exactly once in it, as an object key; the rest are kept. */
function keyOnce(glue, field) {
  const escaped = field.replace(/[$]/g, '\\$');
  const found = [...glue.matchAll(new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`, 'g'))];
  return found.length === 1 && /^[:(]/.test(glue.slice(found[0].index + field.length));
}

const pages = fs.readdirSync(dir).filter((file) => file.endsWith('.html')).sort();
for (const page of pages) {
  const htmlFile = path.join(dir, page);
  let html = fs.readFileSync(htmlFile, 'utf8');
  const js = html.match(/data-anxin-js="\.\/([^"]+\.js)"/);
  const wasm = html.match(/data-anxin-wasm="\.\/([^"]+_bg\.wasm)"/);
  if (!js || !wasm) continue;
  const [glueName, wasmName] = [js[1], wasm[1]];
  const stem = wasmName.replace(/-[0-9a-f]+_bg\.wasm$/, '');
  const module = `./${stem}_bg.js`;
  const glueBefore = fs.readFileSync(path.join(dir, glueName));
  const wasmBefore = fs.readFileSync(path.join(dir, wasmName));
  let glue = glueBefore.toString('utf8');
  if (!glue.includes(`"${module}"`)) throw new Error(`${glueName}: no import object for ${module}`);

  // Every function the wasm imports from the glue (a short name already given stays: run twice,
  // the second run renames nothing).
  const fields = imports(wasmBefore).filter((i) => i.module === module && i.kind === 0).map((i) => i.field);
  const taken = new Set(fields);
  const short = new Map();
  let next = 0;
  let kept = 0;
  for (const field of fields) {
    if (field.length <= 3 || !keyOnce(glue, field)) {
      kept += Number(field.length > 3);
      continue;
    }
    let candidate;
    do candidate = shortName(next++);
    while (taken.has(candidate));
    short.set(field, candidate);
  }
  for (const [field, candidate] of short) {
    glue = glue.replace(new RegExp(`(?<![\\w$])${field.replace(/[$]/g, '\\$')}(?=[:(])`), candidate);
  }
  const wasmAfter = renameImports(wasmBefore, (m, field) => (m === module && short.get(field)) || field);
  const glueAfter = Buffer.from(glue, 'utf8');
  if (short.size === 0) {
    console.log(`imports: ${page}: nothing to rename (${kept} kept)`);
    continue;
  }

  const names = {
    glue: `${stem}-${hash16(glueAfter)}.js`,
    wasm: `${stem}-${hash16(wasmAfter)}_bg.wasm`,
  };
  for (const [before, after, oldName, newName] of [
    [glueBefore, glueAfter, glueName, names.glue],
    [wasmBefore, wasmAfter, wasmName, names.wasm],
  ]) {
    const integrity = sha384(before);
    if (!html.includes(integrity)) throw new Error(`${page}: no integrity for ${oldName}`);
    html = html.split(integrity).join(sha384(after)).split(`./${oldName}"`).join(`./${newName}"`);
    fs.rmSync(path.join(dir, oldName));
    fs.writeFileSync(path.join(dir, newName), after);
  }
  fs.writeFileSync(htmlFile, html);
  console.log(`imports: ${page}: ${short.size} imports renamed (${kept} kept); ${glueName} ${glueBefore.length} → ${names.glue} ${glueAfter.length} bytes, ${wasmName} ${wasmBefore.length} → ${names.wasm} ${wasmAfter.length} bytes`);
}
