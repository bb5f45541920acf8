import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ReactAloneBuild } from './tab-bundle.ts';

export interface BaselinePages {
  /** `http://127.0.0.1:<port>`: the origin both pages are served from. */
  readonly origin: string;
  /** A page with one paragraph and no script. */
  readonly blankUrl: string;
  /** A page that loads React alone and renders "Hello" (the floor any React tab starts from). */
  readonly reactUrl: string;
  close(): Promise<void>;
}

/**
 * The same-run floors for the tab's browser figures, served over HTTP on a free local port (a `data:` URL has no
 * origin a trace could attribute its renderer to). Each page marks `baseline-ready` once its content is painted.
 */
export async function serveBaselinePages(react: ReactAloneBuild): Promise<BaselinePages> {
  const ready =
    "<script>requestAnimationFrame(function check(){document.querySelector('p')?(performance.mark('baseline-ready'),window.baselineReadyAt=performance.now()):requestAnimationFrame(check)})</script>";
  const pages: Record<string, string> = {
    '/blank.html': `<!doctype html><title>blank</title><p>.</p>${ready}`,
    '/react.html': `<!doctype html><title>react</title><script type="module" src="/entry.js"></script>${ready}`,
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const page = pages[path];
    if (page) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(page);
      return;
    }
    const file = path.slice(1);
    if (!react.files.includes(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
    response.end(readFileSync(join(react.dir, file)));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    blankUrl: `${origin}/blank.html`,
    reactUrl: `${origin}/react.html`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
