// The notice the page shows when its tools stop working: when the app's
// wasm traps (in the release build a panic traps at once, with no hook
// run) and when the app asks, through the function this leaves on window
// (a load that failed). The prerendered text stays readable. Its id, name
// and words are wenji_core::fault's, written in below by the ship step.
(function (c) {
  function show(message) {
    if (document.getElementById(c.id)) return;
    var notice = document.createElement('div');
    notice.id = c.id;
    notice.className = c.id;
    notice.setAttribute('role', 'alert');
    var text = document.createElement('span');
    text.textContent = message;
    notice.appendChild(text);
    // A link to the page itself reloads it without any script.
    var link = document.createElement('a');
    link.href = window.location.href;
    link.className = 'tool';
    link.textContent = c.reload;
    notice.appendChild(link);
    (document.body || document.documentElement).prepend(notice);
  }
  window[c.show] = show;
  // Only the wasm's own traps: a script error elsewhere is not the reader's.
  function trapped(error) {
    if (typeof WebAssembly === 'object' && error instanceof WebAssembly.RuntimeError) show(c.trapped);
  }
  window.addEventListener('error', function (e) {
    trapped(e.error);
  });
  window.addEventListener('unhandledrejection', function (e) {
    trapped(e.reason);
  });
})(/*wenji:fault*/);
