// What a page's start-up wasm holds, by function name: a tool for a change's author (issue 11's
// budget of bytes before the first screen); neither `make test` nor `make bench` runs it.
//
//   node bench/startup-names.mjs [page]        (index, kiosk or contest; `make dist` first)
//
// The release wasm has no names (stripped, which wasm-bindgen needs without reference types). This
// builds the page's binary again with its symbols (`CARGO_PROFILE_RELEASE_STRIP=none`, into
// target/names: the first run builds every crate again, some ten minutes here), drops the
// `target_features` section (with it wasm-bindgen would take the symbols for a reference-types
// build), runs wasm-bindgen and wasm-opt as trunk does (the page's `data-wasm-opt-params`, with `-g`
// to keep the names), puts it in place of the page's wasm in a copy of trunk's output
// (target/pages/<page>), and has tools/split.mjs profile it in the same first-visit situations as the
// build. The same profile then splits the named wasm, and this prints the start-up part's code by
// crate and its largest functions (bytes of function body, before compression).
//
// A function the first screen runs comes whole into the start-up part, with whatever was inlined
// into it: a large one there may carry code that only ever runs later (reading stored records, which
// a first visit has none of, was 11 KB of it before it had one body for every type).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha384 } from '../tools/hashes.mjs';
import { imports, readLeb, readName, sections } from '../tools/wasm-bytes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const page = process.argv[2] || 'index';
const BINS = { index: 'anxin', kiosk: 'kiosk', contest: 'contest' };
const bin = BINS[page];
if (!bin) throw new Error(`usage: node bench/startup-names.mjs [${Object.keys(BINS).join('|')}]`);
const pageDir = path.join(root, 'target/pages', page);
if (!fs.existsSync(pageDir)) throw new Error(`no ${pageDir}: run \`make dist\` first`);
const targetDir = process.env.NAMES_TARGET_DIR || path.join(root, 'target/names');
const work = fs.mkdtempSync(path.join(root, 'target', 'names-'));
const bins = path.join(root, 'node_modules/.bin');
const WASM_SPLIT = path.join(root, 'target/tools/binaryen/usr/bin/wasm-split');
const run = (cmd, args, env = {}) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });

// 1. The binary with its symbols, and the steps trunk runs after cargo.
console.error(`startup-names: building ${bin} with its symbols into ${targetDir}`);
run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--bin', bin], {
  CARGO_TARGET_DIR: targetDir, CARGO_PROFILE_RELEASE_STRIP: 'none',
});
const raw = fs.readFileSync(path.join(targetDir, 'wasm32-unknown-unknown/release', `${bin}.wasm`));
const unflagged = path.join(work, `${bin}.wasm`);
fs.writeFileSync(unflagged, withoutSection(raw, 'target_features'));
run('wasm-bindgen', ['--target=web', `--out-dir=${work}/bindgen`, `--out-name=${bin}`, unflagged, '--no-typescript']);
const html = fs.readFileSync(path.join(root, `${page}.html`), 'utf8');
const params = (html.match(/data-wasm-opt-params="([^"]*)"/) || [, ''])[1].split(/\s+/).filter(Boolean);
const level = (html.match(/data-wasm-opt="([^"]*)"/) || [, 'z'])[1];
const named = path.join(work, 'named.wasm');
run(path.join(bins, 'wasm-opt'), [`-O${level}`, '-g', ...params, path.join(work, 'bindgen', `${bin}_bg.wasm`), '-o', named]);

// 2. In place of the page's wasm and glue in a copy of trunk's output, profiled by the build's splitter.
const copy = path.join(work, 'pages', page);
fs.cpSync(pageDir, copy, { recursive: true });
let text = fs.readFileSync(path.join(copy, 'index.html'), 'utf8');
for (const [pattern, replacement] of [[/_bg\.wasm$/, named], [/^[a-z]+-[0-9a-f]+\.js$/, path.join(work, 'bindgen', `${bin}.js`)]]) {
  const name = fs.readdirSync(copy).find((f) => pattern.test(f));
  text = text.split(sha384(fs.readFileSync(path.join(copy, name)))).join(sha384(fs.readFileSync(replacement)));
  fs.copyFileSync(replacement, path.join(copy, name));
}
fs.writeFileSync(path.join(copy, 'index.html'), text);
const dist = path.join(work, 'dist');
run('node', ['tools/assemble.mjs', dist, copy]);
const log = execFileSync('node', ['tools/split.mjs', dist], { cwd: root, env: { ...process.env, SPLIT_KEEP: '1' }, encoding: 'utf8' });
const kept = log.match(/split: kept (\S+)/)[1];

// 3. The named wasm split by that profile, names kept.
const first = path.join(work, 'first.wasm');
run(WASM_SPLIT, ['--enable-mutable-globals', '--split', named, '--profile', path.join(kept, 'profile'), '-o1', first, '-o2', path.join(work, 'rest.wasm'), '-g', '--quiet']);
fs.rmSync(kept, { recursive: true, force: true });
const functions = bodies(fs.readFileSync(first));
const total = functions.reduce((sum, f) => sum + f.size, 0);
const CRATES = ['anxin::ui', 'anxin::domain', 'anxin::platform', 'anxin', 'tachys', 'reactive_graph', 'leptos', 'serde_json', 'serde', 'core', 'alloc', 'std', 'hashbrown', 'indexmap', 'dlmalloc', 'wasm_bindgen', 'js_sys', 'web_sys'];
// The crate a function's path starts with, or (`<T as serde::Deserialize>::…`) its trait's.
const crateOf = (name) => {
  const bare = name.replace(/^<+(&(mut )?)?/, '');
  const own = CRATES.find((c) => bare.startsWith(`${c}::`) || bare.startsWith(`${c}[`));
  const trait = name.match(/ as ([a-z_]+)(\[[0-9a-f]+\])?::/);
  return own || (trait && CRATES.find((c) => c === trait[1] || c === trait[1].replace(/_core$/, ''))) || 'other';
};
const byCrate = new Map();
for (const f of functions) {
  const c = crateOf(f.name);
  const entry = byCrate.get(c) || { size: 0, count: 0 };
  byCrate.set(c, { size: entry.size + f.size, count: entry.count + 1 });
}
console.log(`${page}.html: the start-up part's code, ${total} bytes in ${functions.length} functions (work files: ${work})`);
for (const [c, { size, count }] of [...byCrate].sort((a, b) => b[1].size - a[1].size)) {
  console.log(`${String(size).padStart(8)} ${String(count).padStart(5)}  ${c}`);
}
console.log('largest functions:');
for (const f of functions.sort((a, b) => b.size - a.size).slice(0, Number(process.env.TOP || 40))) {
  console.log(`${String(f.size).padStart(8)}  ${f.name.slice(0, 160)}`);
}

/** The wasm without the custom section `name`. */
function withoutSection(bytes, name) {
  const kept = [...sections(bytes)].filter((s) => s.id !== 0 || s.name !== name);
  return Buffer.concat([bytes.subarray(0, 8), ...kept.map((s) => bytes.subarray(s.start, s.end))]);
}

/** Each defined function's body size and name (from the name section). */
function bodies(bytes) {
  const imported = imports(bytes).filter((i) => i.kind === 0).length;
  const sizes = [];
  const names = new Map();
  for (const section of sections(bytes)) {
    const at = { i: section.data };
    if (section.id === 10) {
      for (let n = readLeb(bytes, at); n > 0; n--) {
        const length = readLeb(bytes, at);
        sizes.push(length);
        at.i += length;
      }
    } else if (section.name === 'name') {
      while (at.i < section.end) {
        const sub = bytes[at.i++];
        const subEnd = readLeb(bytes, at) + at.i;
        if (sub === 1) {
          for (let n = readLeb(bytes, at); n > 0; n--) {
            const index = readLeb(bytes, at);
            names.set(index, readName(bytes, at));
          }
        }
        at.i = subEnd;
      }
    }
  }
  const readable = (name) => name.replace(/\\([0-9a-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))).replace(/\[[0-9a-f]{16}\]/g, '');
  return sizes.map((size, k) => ({ size, name: readable(names.get(imported + k) || `#${imported + k}`) }));
}
