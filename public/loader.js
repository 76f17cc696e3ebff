// Anxin loader: starts the wasm app, or reveals a static bilingual block when it cannot.
// Written for old engines: no top-level await, no optional chaining, no instantiateStreaming.
(function () {
  // Test hook: the end-to-end tests shorten the timings below by setting `window.__anxinTest` before
  // this script runs (`{ loadStallMs, updateCheckMs }`). Nothing in the app sets it.
  var hooks = window.__anxinTest || {};
  // The load gives up when no byte has arrived for this long (the glue script, the response, each
  // chunk of the wasm). A slow but moving download is never cut off: each chunk resets the clock
  // (the wasm, about 280 KB compressed, takes a few seconds on slow 4G, a minute or more on 2G).
  var LOAD_STALL_MS = hooks.loadStallMs || 30000;
  // How often an open page asks the server for a new version (also whenever it becomes visible).
  var UPDATE_CHECK_MS = hooks.updateCheckMs || 60 * 60 * 1000;

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
  // An unattended page (the kiosk) starts itself again: a block that carries `data-restart-after`
  // (seconds) reloads the page that long after it is shown (the crash screen, "could not load").
  function restartWhenShown(id) {
    var block = document.getElementById(id);
    var seconds = block ? Number(block.getAttribute('data-restart-after')) : 0;
    if (!(seconds > 0) || typeof MutationObserver !== 'function') return;
    new MutationObserver(function (changes, observer) {
      if (block.hidden) return;
      observer.disconnect();
      window.setTimeout(function () { window.location.reload(); }, seconds * 1000);
    }).observe(block, { attributes: true, attributeFilter: ['hidden'] });
  }
  restartWhenShown('anxin-crash');
  restartWhenShown('anxin-load-failed');
  // A file dropped anywhere but on a file input would open in the tab, and the page (a match on the
  // hall PC, the desk's checks) would be left for it: only a file input, or a drop zone that takes
  // the drop itself (and cancels it first), gets one. Elsewhere the pointer says "no drop".
  function keepDropsIn(event) {
    var target = event.target;
    if (event.defaultPrevented || (target && target.tagName === 'INPUT' && target.type === 'file')) return;
    event.preventDefault();
    if (event.type === 'dragover' && event.dataTransfer) event.dataTransfer.dropEffect = 'none';
  }
  window.addEventListener('dragover', keepDropsIn);
  window.addEventListener('drop', keepDropsIn);

  // The blocks' reload links open this same page again (the audience window stays the audience
  // window), without a `selftest` request; their static href is the page's own file.
  var links = document.querySelectorAll('a[data-reopen]');
  var here = window.location.pathname +
    window.location.search.replace(/([?&])selftest=[^&]*&?/, '$1').replace(/[?&]$/, '');
  for (var i = 0; i < links.length; i++) links[i].setAttribute('href', here);

  if (!script || typeof WebAssembly !== 'object' || typeof fetch !== 'function') {
    reveal('anxin-unsupported');
    return;
  }

  // Offline: a service worker (sw.js, generated at build time) precaches the app, where the engine
  // offers one (not in iOS webviews unless the host app opts in, not on plain-http intranets: then the
  // app simply works online). The page asks for a new version every UPDATE_CHECK_MS and when it comes
  // back into view; a new version installs in the background and waits. The app calls
  // window.anxinApplyUpdate() on the home screen (never mid-quiz): that tab switches and reloads. Other
  // open tabs keep their page; once the new version is in charge they are told again
  // ('anxin-update-ready') and reload when they are on their home screen themselves.
  // Each page names its own worker and scope (<meta name="anxin-worker">: the kiosk's kiosk-sw.js,
  // scoped to ./kiosk); without one, sw.js for the whole folder (the phone's). A page first opened
  // under another page's worker is not told of an update when its own worker takes over.
  function registerWorker() {
    if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
    var sw = navigator.serviceWorker;
    var meta = document.querySelector('meta[name="anxin-worker"]');
    var workerUrl = new URL(meta ? meta.getAttribute('content') : 'sw.js', document.baseURI).href;
    var scope = meta && meta.getAttribute('data-scope');
    function mine(worker) {
      return !!worker && worker.scriptURL === workerUrl;
    }
    var controlled = mine(sw.controller);
    var waiting = null;
    var applying = false;
    var replaced = false;
    function ready() {
      // Told once the whole app is in (its handler is not part of the start-up wasm).
      restArrived.then(function () {
        window.dispatchEvent(new CustomEvent('anxin-update-ready'));
      });
    }
    function reload() {
      // The app steps back in history as it returns home, at the same moment. history.back() is
      // asynchronous and its same-document traversal cancels a reload begun before it lands: reload
      // again once it has.
      window.addEventListener('popstate', function () { window.location.reload(); });
      window.location.reload();
    }
    window.anxinApplyUpdate = function () {
      if (replaced) {
        reload();
        return true;
      }
      if (!waiting) return false;
      applying = true;
      waiting.postMessage('skip-waiting');
      return true;
    };
    sw.addEventListener('controllerchange', function () {
      var first = !controlled;
      controlled = mine(sw.controller);
      // The first install takes control without a reload.
      if (first) return;
      if (applying) {
        reload();
        return;
      }
      // Another tab switched to a new version: this page still runs the old one.
      replaced = true;
      ready();
    });
    sw.register(workerUrl, scope ? { scope: scope } : undefined).then(function (registration) {
      function watch(worker) {
        if (!worker) return;
        function check() {
          if (worker.state === 'installed' && mine(sw.controller) && waiting !== worker) {
            waiting = worker;
            ready();
          }
        }
        check();
        worker.addEventListener('statechange', check);
      }
      watch(registration.waiting);
      watch(registration.installing);
      registration.addEventListener('updatefound', function () { watch(registration.installing); });
      function checkForUpdate() {
        if (replaced) return;
        var checked = registration.update();
        // Offline, or the server is away: try again next time.
        if (checked && checked.catch) checked.catch(function () {});
      }
      window.setInterval(checkForUpdate, UPDATE_CHECK_MS);
      document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'visible') checkForUpdate();
      });
    }).catch(function (error) {
      console.warn('Anxin: no offline support here:', error);
    });
  }

  // Loading, with a clock that is reset by every sign of progress; when it runs out the download is
  // cancelled and the "could not finish loading" block shown (with its reload link).
  var settled = false;
  var stall = 0;
  var abort = typeof AbortController === 'function' ? new AbortController() : null;
  function fail(error) {
    if (settled || reopening) return;
    settled = true;
    window.clearTimeout(stall);
    if (abort) abort.abort();
    console.error('Anxin could not start:', error);
    var compileError = typeof WebAssembly.CompileError === 'function' && error instanceof WebAssembly.CompileError;
    reveal(compileError ? 'anxin-unsupported' : 'anxin-load-failed');
  }
  function progress() {
    window.clearTimeout(stall);
    stall = window.setTimeout(function () {
      fail(new Error('nothing arrived for ' + LOAD_STALL_MS / 1000 + ' s'));
    }, LOAD_STALL_MS);
  }
  // The response body, chunk by chunk where the engine can stream it (each chunk is progress).
  function readBody(response) {
    var reader = response.body && typeof response.body.getReader === 'function' ? response.body.getReader() : null;
    if (!reader) return response.arrayBuffer();
    var chunks = [];
    var length = 0;
    function next() {
      return reader.read().then(function (step) {
        if (step.done) {
          var bytes = new Uint8Array(length);
          var at = 0;
          for (var i = 0; i < chunks.length; i++) {
            bytes.set(chunks[i], at);
            at += chunks[i].length;
          }
          return bytes;
        }
        progress();
        chunks.push(step.value);
        length += step.value.length;
        return next();
      });
    }
    return next();
  }

  // The wasm in two parts. `make dist` splits a page's wasm (tools/split.mjs): the start-up part
  // (`data-anxin-wasm`: every function the build's profiling runs saw the page call up to and on its
  // first screen, on a first visit) and the rest (`data-anxin-rest`). A first visit (nothing of the
  // app's in storage, no offline copy in charge) starts on the start-up part and fetches the rest
  // once the first screen is up, so that screen waits for fewer bytes. A returning visitor, whose
  // browser keeps both parts, loads both before the start (`restFirst`), as does `?whole`. On a
  // first visit, until the rest is in:
  // - taps and keys are held: the last control tapped is tapped again once it is in (a tap is late,
  //   never lost, and a double tap counts once), after a `change` on the last field changed (a file
  //   picked or dropped onto a file input, a name typed) is fired again, so that it is not lost;
  // - the app waits for `window.anxinRest` before work of its own (checking the banks);
  // - anything else that calls into the rest (a start-up path the profile missed) lands in a
  //   placeholder, which opens the page again with `?whole`: both parts are loaded, and joined,
  //   before the app starts (both are in the offline copy).
  var js = script.getAttribute('data-anxin-js');
  var wasm = script.getAttribute('data-anxin-wasm');
  var restUrl = script.getAttribute('data-anxin-rest');
  function returning() {
    try {
      if (navigator.serviceWorker && navigator.serviceWorker.controller) return true;
      var storage = window.localStorage;
      for (var i = 0; storage && i < storage.length; i++) {
        var key = storage.key(i);
        if (key && key.indexOf('anxin.') === 0 && key !== 'anxin.probe') return true;
      }
    } catch (error) {
      // Storage blocked: a first visit, every time.
    }
    return false;
  }
  // Whether wasm functions take 64-bit integers from JavaScript (Chrome 85, iOS 14.5): a few of the
  // placeholders have such parameters, and an engine without it would fail the call before the
  // placeholder could open the page again. Such engines load both parts before the start.
  function bigIntsPass() {
    try {
      var bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 1, 126, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102,
        0, 0, 10, 4, 1, 2, 0, 11]); // (module (func (export "f") (param i64)))
      new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports.f(BigInt(0));
      return true;
    } catch (error) {
      return false;
    }
  }
  // A window the start-up part was not made for loads both parts before the start too: the page's
  // tag lists its query parameters in `data-anxin-whole-if` (the contest's audience window,
  // `screen=audience`, opened from the host's window on the same PC, whose cache has both parts by
  // then; tools/split.mjs).
  function wholeByQuery() {
    var listed = (script.getAttribute('data-anxin-whole-if') || '').split(' ');
    var query = window.location.search.replace(/^\?/, '').split('&');
    for (var i = 0; i < listed.length; i++) {
      if (listed[i] && query.indexOf(listed[i]) >= 0) return true;
    }
    return false;
  }
  var restFirst = !!restUrl &&
    (/[?&]whole(=|&|$)/.test(window.location.search) || wholeByQuery() || returning() || !bigIntsPass());
  var exportsOf = null;
  var restIn = !restUrl;
  var reopening = false;
  var restResolve = null;
  var restArrived = new Promise(function (resolve) { restResolve = resolve; });
  // Profiling (tools/split.mjs) holds the rest back, so the profile covers the first screen only.
  if (restIn && !hooks.holdRest) restResolve();
  window.anxinRest = restArrived;
  var HELD = ['click', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'touchstart', 'touchend',
    'keydown', 'keyup', 'input', 'change', 'submit'];
  var heldTap = null;
  var heldChange = null;
  function hold(event) {
    if (restIn) return;
    event.stopImmediatePropagation();
    if (event.type === 'click') {
      heldTap = event.target;
      event.preventDefault();
    } else if (event.type === 'change') {
      heldChange = event.target;
    }
  }
  function restLoaded() {
    if (restIn) return;
    restIn = true;
    for (var i = 0; i < HELD.length; i++) window.removeEventListener(HELD[i], hold, true);
    if (window.performance && performance.mark) performance.mark('anxin-rest');
    restResolve();
    // The field keeps what it was given (its value, its files): the app hears of it now.
    var changed = heldChange;
    heldChange = null;
    if (changed && document.documentElement.contains(changed)) {
      changed.dispatchEvent(new Event('change', { bubbles: true }));
    }
    var tap = heldTap;
    heldTap = null;
    if (tap && document.documentElement.contains(tap)) {
      tap.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
    }
  }
  function fetchBytes(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + url);
      return response.arrayBuffer();
    });
  }
  // A call into the rest before it has arrived.
  function early() {
    if (!reopening) {
      reopening = true;
      // An error, so that the end-to-end tests fail on a start-up path the profile missed.
      console.error('Anxin: opening again with the whole app loaded first');
      var search = window.location.search;
      window.location.replace(window.location.pathname + (search ? search + '&' : '?') + 'whole' + window.location.hash);
    }
    throw new Error('Anxin: the rest of the app is not in yet');
  }
  var placeholders = typeof Proxy === 'function' ? new Proxy({}, {
    get: function () { return early; },
  }) : null;
  hooks.placeholders = placeholders;
  function fetchRest(attempt) {
    fetchBytes(restUrl)
      .then(function (bytes) {
        return restIn ? null : WebAssembly.instantiate(bytes, { primary: exportsOf });
      })
      .then(restLoaded)
      .catch(function (error) {
        if (restIn) return;
        if (attempt >= 3) {
          console.error('Anxin could not load the rest of the app:', error);
          reveal('anxin-load-failed');
          return;
        }
        window.setTimeout(function () { fetchRest(attempt + 1); }, 2000 * attempt);
      });
  }
  var restBytes = restFirst ? fetchBytes(restUrl) : null;
  // The wasm's exports once it is instantiated, before its start function runs the app; the
  // placeholders among its imports; with `?whole`, the rest joined before the start.
  var instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (source, imports) {
    WebAssembly.instantiate = instantiate;
    if (restUrl) {
      if (!placeholders) return Promise.reject(new Error('no Proxy: cannot load a split wasm'));
      imports.placeholder = placeholders;
    }
    return instantiate.call(WebAssembly, source, imports).then(function (result) {
      exportsOf = (result.instance || result).exports;
      if (window.__anxinTest) window.__anxinTest.exports = exportsOf;
      if (!restBytes) return result;
      return restBytes
        .then(function (bytes) { return instantiate.call(WebAssembly, bytes, { primary: exportsOf }); })
        .then(function () {
          restLoaded();
          return result;
        });
    });
  };
  if (restUrl && !restFirst) {
    for (var h = 0; h < HELD.length; h++) window.addEventListener(HELD[h], hold, true);
  }

  progress();
  import(js)
    .then(function (mod) {
      if (settled) return null;
      progress();
      return fetch(wasm, abort ? { signal: abort.signal } : {})
        .then(function (response) {
          if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + wasm);
          progress();
          return readBody(response);
        })
        .then(function (bytes) {
          if (settled) return null;
          // Downloaded: compiling and starting take what they take on a slow device.
          window.clearTimeout(stall);
          return mod.default({ module_or_path: bytes }).then(function () { return true; });
        });
    })
    .then(function (started) {
      if (!started || settled) return;
      settled = true;
      window.dispatchEvent(new CustomEvent('anxin-started'));
      if (restUrl && !restIn && !hooks.holdRest) fetchRest(1);
      registerWorker();
    })
    .catch(fail);
})();
