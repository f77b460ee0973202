// Registers the service worker (served pages only: not from file://) and
// tells the reader when a newer build is ready, reloading only when asked.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  let accepted = false;

  const offer = (worker) => {
    if (document.querySelector('.update-banner')) return;
    const banner = document.createElement('div');
    banner.className = 'update-banner';
    banner.setAttribute('role', 'status');
    const text = document.createElement('span');
    text.textContent = '文集有新版本可用。';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'tool';
    button.textContent = '更新并刷新';
    button.addEventListener('click', () => {
      accepted = true;
      button.disabled = true;
      worker.postMessage('skip-waiting');
    });
    banner.append(text, button);
    document.body.append(banner);
  };

  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (accepted) location.reload();
  });

  navigator.serviceWorker
    .register('./sw.js', { scope: './' })
    .then((reg) => {
      if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
      reg.addEventListener('updatefound', () => {
        const worker = reg.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
        });
      });
    })
    // Without a service worker (a private window, say) the page still works online.
    .catch(() => {});

  // Once the page has settled, the service worker fetches what a first view
  // does not need (the document reader), so that it works offline later.
  addEventListener('load', () =>
    setTimeout(() => navigator.serviceWorker.ready.then((reg) => reg.active?.postMessage('precache-later')), 3000),
  );
}
