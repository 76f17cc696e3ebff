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
  // Offline: a service worker (sw.js, generated at build time) precaches the build, where the engine
  // offers one (not in iOS webviews unless the host app opts in, not on plain-http intranets: then the
  // app simply works online). A new version installs in the background and waits; the app calls
  // window.anxinApplyUpdate() on the home screen (never mid-quiz), and the page reloads into it.
  function registerWorker() {
    if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
    var sw = navigator.serviceWorker;
    var controlled = !!sw.controller;
    var waiting = null;
    window.anxinApplyUpdate = function () {
      if (!waiting) return false;
      waiting.postMessage('skip-waiting');
      return true;
    };
    sw.addEventListener('controllerchange', function () {
      // The first install takes control without a reload; a new version reloads into itself.
      if (controlled) window.location.reload();
      controlled = true;
    });
    sw.register('sw.js').then(function (registration) {
      function watch(worker) {
        if (!worker) return;
        function check() {
          if (worker.state === 'installed' && sw.controller && waiting !== worker) {
            waiting = worker;
            window.dispatchEvent(new CustomEvent('anxin-update-ready'));
          }
        }
        check();
        worker.addEventListener('statechange', check);
      }
      watch(registration.waiting);
      watch(registration.installing);
      registration.addEventListener('updatefound', function () { watch(registration.installing); });
    }).catch(function (error) {
      console.warn('Anxin: no offline support here:', error);
    });
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
      registerWorker();
    })
    .catch(function (error) {
      console.error('Anxin could not start:', error);
      var compileError = typeof WebAssembly.CompileError === 'function' && error instanceof WebAssembly.CompileError;
      reveal(compileError ? 'anxin-unsupported' : 'anxin-load-failed');
    });
})();
