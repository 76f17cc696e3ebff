// Anxin loader: starts the wasm app, or reveals a static bilingual block when it cannot.
// Written for old engines: no top-level await, no optional chaining, no instantiateStreaming.
(function () {
  var script = document.querySelector('script[data-anxin-js]');
  function reveal(id) {
    var crash = document.getElementById('anxin-crash');
    // A panic inside the app already showed its own screen.
    if (crash && !crash.hidden) return;
    var app = document.getElementById('app');
    if (app) app.hidden = true;
    var block = document.getElementById(id);
    if (block) block.hidden = false;
  }
  if (!script || typeof WebAssembly !== 'object' || typeof fetch !== 'function') {
    reveal('anxin-unsupported');
    return;
  }
  var js = script.getAttribute('data-anxin-js');
  var wasm = script.getAttribute('data-anxin-wasm');
  import(js)
    .then(function (mod) {
      return fetch(wasm)
        .then(function (response) {
          if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + wasm);
          return response.arrayBuffer();
        })
        .then(function (bytes) {
          return mod.default({ module_or_path: bytes });
        });
    })
    .then(function () {
      window.dispatchEvent(new CustomEvent('anxin-started'));
    })
    .catch(function (error) {
      console.error('Anxin could not start:', error);
      var compileError = typeof WebAssembly.CompileError === 'function' && error instanceof WebAssembly.CompileError;
      reveal(compileError ? 'anxin-unsupported' : 'anxin-load-failed');
    });
})();
