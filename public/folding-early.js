// Applies the folding the reader left on this essay to the prerendered page,
// right after it is parsed and before it is painted, so that the page does
// not open unfolded and then fold when the app takes over (it adopts these
// very nodes). The stored format and the ids are wenji_core::fold's, written
// in below by the ship step. With a query in the address the app shows the
// matches unfolded, so it does nothing.
(function (c) {
  var page = document.querySelector('#app [data-essay]');
  if (!page || /[?&]q=/.test(window.location.search)) return;
  try {
    var key = c.key + page.getAttribute('data-essay');
    var lines = (window.localStorage.getItem(key) || '').split('\n');
    if (lines[0] !== c.version) return;
    for (var i = 1; i < lines.length; i++) {
      var body = document.getElementById(lines[i] + c.body);
      var button = document.getElementById(lines[i] + c.button);
      if (!body || !button) continue;
      body.setAttribute('hidden', 'until-found');
      button.setAttribute('aria-expanded', 'false');
    }
  } catch (e) {
    // Storage refused: the page stays unfolded, as the app will show it.
  }
})(/*wenji:folding*/);
