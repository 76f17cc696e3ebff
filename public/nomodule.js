// Runs only on engines without ES modules, which cannot run Anxin: show the static notice.
(function () {
  var app = document.getElementById('app');
  if (app) app.style.display = 'none';
  var block = document.getElementById('anxin-unsupported');
  if (block) block.removeAttribute('hidden');
})();
