// Applies the reader's display preferences (theme, text size, typeface)
// before the first paint, so that a dark or large page never flashes light
// or small while the app loads, and marks the page dark for the dark theme
// or, with the system's theme, a dark system. What it must know (the storage
// key, the line's first word, the values each field may take, how dark is
// said) the ship step writes in below from wenji_core::prefs; the app takes
// over later.
(function (c) {
  var root = document.documentElement;
  try {
    var words = (window.localStorage.getItem(c.key) || '').split(/\s+/);
    for (var i = 1; words[0] === c.version && i < words.length; i++) {
      var kv = words[i].split('=');
      var allowed = Object.prototype.hasOwnProperty.call(c.allowed, kv[0]) && c.allowed[kv[0]];
      if (allowed && allowed.indexOf(kv[1]) >= 0) root.setAttribute('data-' + kv[0], kv[1]);
    }
  } catch (e) {
    // Storage refused (private mode, file:// in some browsers): defaults.
  }
  var theme = root.getAttribute('data-theme');
  var systemDark = !!(window.matchMedia && window.matchMedia(c.dark[1]).matches);
  if (theme === c.dark[0] || (!theme && systemDark)) root.classList.add(c.dark[2]);
})(/*wenji:prefs*/);
