import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFER_APP, CONFER_CLIENT_ID, MEGAN, startTestTenant, tokenRequest } from './test-support.ts';

describe('persistence', () => {
  it('with persist, consent, refresh tokens, the outbox, the certificate and the signing key survive a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'devtenant-'));
    try {
      const first = await startTestTenant({ dataDir, persist: true });
      const port = Number(new URL(first.origin).port);
      const oldCa = first.caPem;
      await first.control('/consent/user', {
        clientId: CONFER_CLIENT_ID,
        userId: MEGAN,
        granted: true,
        scopes: ['Mail.Send'],
      });
      const appToken = await first.appToken();
      await first.fetch(`/v1.0/users/${MEGAN}/sendMail`, {
        method: 'POST',
        headers: { authorization: `Bearer ${appToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          message: { subject: 'kept', toRecipients: [{ emailAddress: { address: 'adelev@contoso.onmicrosoft.com' } }] },
        }),
      });
      const obo = await tokenRequest(first, {
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        requested_token_use: 'on_behalf_of',
        client_id: CONFER_CLIENT_ID,
        client_secret: CONFER_APP.clientSecret,
        assertion: await first.teamsToken(MEGAN),
        scope: 'https://graph.microsoft.com/User.Read offline_access',
      });
      await first.close();

      const second = await startTestTenant({ dataDir, persist: true, port });
      try {
        expect(second.caPem).toBe(oldCa);
        const outbox = (await second.control('/outbox')).body as { value: { subject: string }[] };
        expect(outbox.value.map((m) => m.subject)).toEqual(['kept']);
        const consent = (await second.control('/consent')).body as { user: Record<string, string[]> };
        expect(consent.user[`${CONFER_CLIENT_ID}|${MEGAN}`]).toEqual(['Mail.Send']);
        const refreshed = await second.msal().acquireTokenByRefreshToken({
          refreshToken: String(obo.body.refresh_token),
          scopes: ['https://graph.microsoft.com/User.Read'],
        });
        expect(refreshed?.accessToken).toBeTruthy();
        const stillValid = await second.fetch('/v1.0/users?$top=1', {
          headers: { authorization: `Bearer ${appToken}` },
        });
        expect(stillValid.status).toBe(200);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('without persist nothing is written as state and a restart starts from the seed', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'devtenant-'));
    try {
      const first = await startTestTenant({ dataDir });
      await first.control('/access-policy', { enabled: true });
      await first.close();
      const second = await startTestTenant({ dataDir });
      try {
        expect((await second.control('/access-policy')).body).toEqual({ policies: [] });
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
