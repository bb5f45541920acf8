import { describe, expect, it } from 'vitest';
import { withTenant } from './test-support.ts';

describe('devtenant core server', () => {
  it('error bodies carry innerError {date, request-id, client-request-id} and matching headers (docs/reference/graph-calendar.md §7)', async () => {
    await withTenant(async (t) => {
      const response = await t.fetch('/v1.0/me', {
        headers: { 'client-request-id': 'c0ffee00-1111-2222-3333-444455556666' },
      });
      expect(response.status).toBe(401);
      const requestId = response.headers.get('request-id');
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.get('client-request-id')).toBe('c0ffee00-1111-2222-3333-444455556666');
      const body = (await response.json()) as {
        error: { code: string; message: string; innerError: Record<string, string> };
      };
      expect(body.error.code).toBe('InvalidAuthenticationToken');
      expect(body.error.innerError).toEqual({
        date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
        'request-id': requestId,
        'client-request-id': 'c0ffee00-1111-2222-3333-444455556666',
      });
    });
  });

  it('every Graph response has a request-id, and client-request-id defaults to it (docs/reference/graph-calendar.md §7)', async () => {
    await withTenant(async (t) => {
      const token = await t.appToken();
      const response = await t.fetch('/v1.0/users?$top=1', { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('request-id')).toBeTruthy();
      expect(response.headers.get('client-request-id')).toBe(response.headers.get('request-id'));
    });
  });

  it('an unknown segment below /v1.0 is 400 BadRequest naming it; outside a version 404 (docs/reference/graph-calendar.md §7)', async () => {
    await withTenant(async (t) => {
      const token = await t.appToken();
      const auth = { authorization: `Bearer ${token}` };
      const unknown = await t.fetch('/v1.0/widgets', { headers: auth });
      expect(unknown.status).toBe(400);
      expect(await unknown.json()).toMatchObject({
        error: { code: 'BadRequest', message: "Resource not found for the segment 'widgets'." },
      });
      const versionless = await t.fetch('/nothing-here', { headers: auth });
      expect(versionless.status).toBe(404);
      expect(await versionless.json()).toMatchObject({ error: { code: 'Request_ResourceNotFound' } });
    });
  });

  it('a body that is not JSON is 400 BadRequest (docs/reference/graph-calendar.md §7)', async () => {
    await withTenant(async (t) => {
      const token = await t.appToken();
      const response = await t.fetch('/v1.0/users/meganb@contoso.onmicrosoft.com/sendMail', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{"message": ',
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: { code: 'BadRequest', message: expect.stringContaining('Unable to read JSON request payload') },
      });
    });
  });

  it('serves HTTPS for localhost trusted only through the explicit CA (docs/reference/graph-calendar.md §10)', async () => {
    await withTenant(async (t) => {
      expect(t.origin).toMatch(/^https:\/\/localhost:\d+$/);
      expect(t.caPem).toContain('BEGIN CERTIFICATE');
      expect(Buffer.from(t.spkiHash, 'base64')).toHaveLength(32);
      await expect(fetch(`${t.origin}/v1.0/me`)).rejects.toThrow();
    });
  });

  it('control API is absent when mode is off (404), present in test mode', async () => {
    await withTenant(
      async (t) => {
        const response = await t.fetch('/_devtenant/clock');
        expect(response.status).toBe(404);
      },
      { mode: 'off' },
    );
    await withTenant(async (t) => {
      expect((await t.control('/clock')).status).toBe(200);
    });
  });
});
