// Applies the reader's display preferences (theme, text size, typeface)
// before the first paint, so that a dark or large page never flashes light
// or small while the app loads. The format is wenji_core::prefs's
// (`wenji-prefs-v1 theme=dark size=2 font=serif`); the app takes over later.
(function () {
  var allowed = { theme: /^(light|dark|sepia)$/, size: /^[0-4]$/, font: /^(sans|serif)$/ };
  try {
    var words = (window.localStorage.getItem('wenji:prefs') || '').split(/\s+/);
    if (words[0] !== 'wenji-prefs-v1') return;
    for (var i = 1; i < words.length; i++) {
      var kv = words[i].split('=');
      if (allowed[kv[0]] && allowed[kv[0]].test(kv[1])) {
        document.documentElement.setAttribute('data-' + kv[0], kv[1]);
      }
    }
  } catch (e) {
    // Storage refused (private mode, file:// in some browsers): defaults.
  }
})();
