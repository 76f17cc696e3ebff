// Trunk post-build hook over the staging dist/ (TRUNK_STAGING_DIR), or `node tools/postbuild.mjs <dist>`:
// the build steps in their order. One hook, because trunk starts the hooks of a stage all at once.
// 1. minify.mjs: minifies the glue and the loader (and updates the glue's integrity in the pages);
// 2. precache.mjs: writes sw.js with the list and hash of the files as they will be served;
// 3. compress.mjs: writes .br and .gz copies of every text and wasm file, sw.js included.
await import('./minify.mjs');
await import('./precache.mjs');
await import('./compress.mjs');
