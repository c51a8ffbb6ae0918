// The recording proxy that Firefox and WebKit send all their HTTP(S) traffic through (loopback
// included): it is their request log, it forwards only to loopback addresses and refuses anything
// else (so "no request leaves the origin" can fail, and a page cannot reach the internet), and, for
// WebKit, whose WebDriver has no preload scripts, it puts the test's init scripts at the top of each
// HTML document it forwards, as one same-origin script (allowed by a CSP of 'self') that removes
// itself once it has run.
import { createServer, request as httpRequest } from 'node:http';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;
const INIT_PATH = '/__salary-tests/init.js';

/**
 * Starts the proxy. `initScript()` returns the source to run first in the next HTML document, or ''
 * (none is injected then). Returns {port, requests, blockAll, close}; after blockAll() every
 * request is refused, loopback too.
 */
export async function startProxy({ initScript = () => '' } = {}) {
  const requests = [];
  const pendingInit = new Map(); // token → script source, served once
  let tokens = 0;
  let offline = false;

  const server = createServer((req, res) => {
    let url;
    try {
      url = new URL(req.url);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (url.pathname === INIT_PATH && pendingInit.has(url.searchParams.get('t'))) {
      const source = pendingInit.get(url.searchParams.get('t'));
      pendingInit.delete(url.searchParams.get('t'));
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(`document.currentScript?.remove();\n${source}`);
      return;
    }
    requests.push(url.href);
    if (offline || url.protocol !== 'http:' || !LOOPBACK.test(url.hostname)) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('refused by the test proxy\n');
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    const wantsDocument = /text\/html/.test(req.headers.accept || '') && req.method === 'GET';
    const source = wantsDocument ? initScript() : '';
    if (source) delete headers['accept-encoding']; // the document is rewritten, so no gzip
    const upstream = httpRequest({ host: url.hostname, port: url.port || 80, path: url.pathname + url.search, method: req.method, headers }, (up) => {
      if (!source || !/text\/html/.test(up.headers['content-type'] || '')) {
        res.writeHead(up.statusCode, up.headers);
        up.pipe(res);
        return;
      }
      const chunks = [];
      up.on('data', (c) => chunks.push(c));
      up.on('end', () => {
        const token = String(++tokens);
        pendingInit.set(token, source);
        const tag = `<script src="${url.origin}${INIT_PATH}?t=${token}"></script>`;
        let html = Buffer.concat(chunks).toString('utf8');
        const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
        html = doctype ? html.slice(0, doctype[0].length) + tag + html.slice(doctype[0].length) : tag + html;
        const out = { ...up.headers };
        delete out['content-length'];
        delete out['content-encoding'];
        res.writeHead(up.statusCode, out);
        res.end(html);
      });
    });
    upstream.on('error', () => res.destroy()); // a dropped connection stays one
    res.on('close', () => { if (!res.writableFinished) upstream.destroy(); }); // and so does a browser hanging up
    req.pipe(upstream);
  });
  // HTTPS: the proxy is asked to open a tunnel; it records the host and refuses.
  server.on('connect', (req, socket) => {
    requests.push(`https://${req.url.replace(/:443$/, '')}/`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    requests,
    blockAll() { offline = true; },
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
