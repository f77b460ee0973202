// Applies the folding the reader left on this essay to the prerendered page,
// right after it is parsed and before it is painted, so that the page does
// not open unfolded and then fold when the app takes over. The format is
// wenji_core::fold's (`wenji-folding-v1`, then one folded id a line). With a
// query in the address the app shows the matches unfolded, so it does nothing.
(function () {
  var page = document.querySelector('#app .essay-page[data-essay]');
  if (!page || /[?&]q=/.test(window.location.search)) return;
  try {
    var key = 'wenji:folding:' + page.getAttribute('data-essay');
    var lines = (window.localStorage.getItem(key) || '').split('\n');
    if (lines[0] !== 'wenji-folding-v1') return;
    for (var i = 1; i < lines.length; i++) {
      var section = document.getElementById(lines[i]);
      var body = document.getElementById(lines[i] + '-body');
      if (!section || !body || !section.matches('section.part, section.sub')) continue;
      body.setAttribute('hidden', 'until-found');
      // The first fold control in a section is its own heading's.
      var button = section.querySelector('button.fold');
      if (button) button.setAttribute('aria-expanded', 'false');
    }
  } catch (e) {
    // Storage refused: the page stays unfolded, as the app will show it.
  }
})();
