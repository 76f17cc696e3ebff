// Build step (run by tools/postbuild.mjs, last): writes `<file>.br` (brotli, quality 11) and
// `<file>.gz` (gzip -9) beside every text and wasm file in dist/, for hosts that serve precompressed
// files (nginx `brotli_static` / `gzip_static`, Caddy `precompressed`, most CDNs' origin mode) — the
// best compression without the host spending CPU on each request. A copy is skipped when it would not
// be smaller. The service worker never lists them (tools/precache.mjs runs first and takes only the
// files the app asks for). Run it again (`node tools/compress.mjs dist`) after changing a file in a
// built dist/ by hand, or delete the copies: a stale `.br` would be served in place of the new file.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node tools/compress.mjs <dist>');

const TEXT = /\.(html|js|mjs|css|wasm|json|svg|webmanifest|md|csv|txt)$/;
const files = [];
const walk = (sub) => {
  for (const name of fs.readdirSync(path.join(dir, sub)).sort()) {
    const rel = sub ? `${sub}/${name}` : name;
    if (fs.statSync(path.join(dir, rel)).isDirectory()) walk(rel);
    else if (TEXT.test(rel)) files.push(rel);
  }
};
walk('');

let raw = 0;
let br = 0;
let gz = 0;
for (const rel of files) {
  const file = path.join(dir, rel);
  const bytes = fs.readFileSync(file);
  const copies = {
    br: zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
    gz: zlib.gzipSync(bytes, { level: 9 }),
  };
  raw += bytes.length;
  for (const [ext, copy] of Object.entries(copies)) {
    const target = `${file}.${ext}`;
    if (copy.length < bytes.length) fs.writeFileSync(target, copy);
    else fs.rmSync(target, { force: true });
  }
  br += Math.min(copies.br.length, bytes.length);
  gz += Math.min(copies.gz.length, bytes.length);
}
console.log(`compress: ${files.length} files, ${raw} bytes → brotli ${br}, gzip ${gz}`);
