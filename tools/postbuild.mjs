// `node tools/postbuild.mjs <dist>`, run once by `make dist` over the assembled dist/ (every page in
// it): the build steps in their order.
// 1. minify.mjs: minifies every page's glue and the loader (and updates the glue's integrity in every
//    page);
// 2. imports.mjs: gives the functions each page's wasm imports from its glue short names (in both,
//    each file renamed after its new contents);
// 3. split.mjs: splits the phone's, the kiosk's and the contest's wasm into a start-up part and the
//    rest (profiled in Chromium);
// 4. precache.mjs: writes each page's service worker (sw.js, kiosk-sw.js, contest-sw.js) with the list and hash of
//    its files as they will be served;
// 5. compress.mjs: writes .br and .gz copies of every text and wasm file, the workers included.
if (!process.argv[2]) throw new Error('usage: node tools/postbuild.mjs <dist>');
await import('./minify.mjs');
await import('./imports.mjs');
await import('./split.mjs');
await import('./precache.mjs');
await import('./compress.mjs');
