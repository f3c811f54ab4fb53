// A static server for the built site that behaves like a production host: gzip for text, long
// caching for hashed assets, /a → /a/ redirects, the site's 404 page. Used by the page
// benchmark and the screenshot script; listens on a free port of 127.0.0.1.

import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.png': 'image/png', '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json', '.py': 'text/x-python; charset=utf-8',
};
const compressible = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.xml', '.webmanifest', '.py']);

/** The file a URL path names inside outDir, or null (never a file outside it). */
function fileFor(outDir: string, urlPath: string): string | null {
  const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const base = join(outDir, clean);
  if (!base.startsWith(outDir)) return null;
  for (const candidate of [base, join(base, 'index.html'), `${base}.html`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Serve outDir; resolves once listening, with the server and its origin. */
export function serve(outDir: string): Promise<{ server: Server; origin: string }> {
  const respond = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = fileFor(outDir, url.pathname);
    if (!file) {
      const notFound = fileFor(outDir, '/404.html');
      res.writeHead(404, { 'content-type': types['.html'] });
      if (notFound) await pipeline(createReadStream(notFound), res);
      else res.end('Not found');
      return;
    }
    if (!url.pathname.endsWith('/') && file.endsWith(`${sep}index.html`) && !url.pathname.endsWith('index.html')) {
      res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    const ext = extname(file);
    const headers: Record<string, string> = {
      'content-type': types[ext] ?? 'application/octet-stream',
      'cache-control': url.pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
      'x-content-type-options': 'nosniff',
    };
    if (compressible.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'Accept-Encoding' });
      await pipeline(createReadStream(file), createGzip(), res);
    } else {
      res.writeHead(200, { ...headers, 'content-length': String(statSync(file).size) });
      await pipeline(createReadStream(file), res);
    }
  };
  // a browser that cancels a request closes the stream mid-file: that ends the response, not the server
  const server = createServer((req, res) => {
    respond(req, res).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ERR_STREAM_PREMATURE_CLOSE') console.error(`static server: ${req.url}: ${e.message}`);
      res.destroy();
    });
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}
