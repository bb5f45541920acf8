import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumExecutable, HEADLESS_CHROMIUM_FLAGS } from '../../../scripts/lib/chromium-path.ts';
import { CONFER_API, CONFER_APP, claimsOf, MEGAN, withTenant } from '../core/test-support.ts';

const require = createRequire(import.meta.url);
// The package's exports hide its UMD bundle; find it next to the resolved entry point.
const MSAL_ENTRY = require.resolve('@azure/msal-browser');
const MSAL_BUNDLE = `${MSAL_ENTRY.slice(0, MSAL_ENTRY.lastIndexOf('/msal-browser/') + '/msal-browser/'.length)}lib/msal-browser.min.js`;

/** A single-page app on plain http that signs in with msal-browser (redirect flow) against devtenant. */
function spaPage(config: {
  clientId: string;
  authority: string;
  host: string;
  redirectUri: string;
  scope: string;
}): string {
  return `<!doctype html><html><body><pre id="out">starting</pre><script src="/msal.js"></script><script>
(async () => {
  const app = new msal.PublicClientApplication({ auth: { clientId: ${JSON.stringify(config.clientId)}, authority: ${JSON.stringify(config.authority)},
    knownAuthorities: [${JSON.stringify(config.host)}], redirectUri: ${JSON.stringify(config.redirectUri)} }, cache: { cacheLocation: 'sessionStorage' } });
  await app.initialize();
  const result = await app.handleRedirectPromise();
  if (result) { window.result = { username: result.account.username, tenantId: result.account.tenantId, accessToken: result.accessToken, idTokenClaims: result.idTokenClaims }; document.getElementById('out').textContent = 'done'; return; }
  await app.loginRedirect({ scopes: [${JSON.stringify(config.scope)}], loginHint: 'meganb@contoso.onmicrosoft.com' });
})().catch((e) => { window.failure = String(e && (e.errorCode || e.message) || e); document.getElementById('out').textContent = window.failure; });
</script></body></html>`;
}

async function startSpa(html: () => string): Promise<{ server: Server; port: number }> {
  const bundle = await readFile(MSAL_BUNDLE);
  const server = createServer((req, res) => {
    if (req.url === '/msal.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(html());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

// What Entra does here: docs/reference/teams-platform.md §3.
describe('msal-browser against devtenant', () => {
  it('msal-browser loginRedirect → demo sign-in → handleRedirectPromise yields the user and an API token (PKCE, CORS)', async () => {
    let config: Parameters<typeof spaPage>[0] | undefined;
    const spa = await startSpa(() => spaPage(config ?? ({} as never)));
    const redirectUri = `http://localhost:${spa.port}/`;
    try {
      await withTenant(
        async (t) => {
          config = {
            clientId: CONFER_APP.clientId,
            authority: `${t.origin}/${t.tenantId}`,
            host: new URL(t.origin).host,
            redirectUri,
            scope: `${CONFER_API}/access_as_user`,
          };
          const browser = await chromium.launch({
            executablePath: chromiumExecutable(),
            args: [...HEADLESS_CHROMIUM_FLAGS, `--ignore-certificate-errors-spki-list=${t.spkiHash}`],
          });
          try {
            const page = await browser.newPage();
            await page.goto(redirectUri);
            await page.getByRole('button', { name: /Continue as Megan Bowen/ }).click({ timeout: 20_000 });
            await page.waitForFunction(() => 'result' in window || 'failure' in window, undefined, { timeout: 20_000 });
            const failure = await page.evaluate(() => (window as unknown as { failure?: string }).failure);
            expect(failure).toBeUndefined();
            const result = await page.evaluate(
              () =>
                (
                  window as unknown as {
                    result: {
                      username: string;
                      tenantId: string;
                      accessToken: string;
                      idTokenClaims: Record<string, unknown>;
                    };
                  }
                ).result,
            );
            expect(result.username).toBe('meganb@contoso.onmicrosoft.com');
            expect(result.tenantId).toBe(t.tenantId);
            expect(result.idTokenClaims.oid).toBe(MEGAN);
            expect(claimsOf(result.accessToken)).toMatchObject({
              aud: CONFER_APP.clientId,
              scp: 'access_as_user',
              oid: MEGAN,
              azpacr: '0',
            });
          } finally {
            await browser.close();
          }
        },
        { apps: [{ ...CONFER_APP, redirectUris: [redirectUri] }] },
      );
    } finally {
      spa.server.close();
    }
  });
});
