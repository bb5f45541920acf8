import { BatchRequestContent, BatchResponseContent } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { ADELE, MEGAN, NORA_UPN, type TestTenant, withTenant } from '../core/test-support.ts';

/**
 * msgraph-sdk-javascript 3.0.7 strips only scheme and host from a step's URL, so the documented way on Node is a
 * host-only URL without the version (msgraph-sdk-javascript#1451); `/v1.0/...` is what Graph refuses (#1178).
 */
const G = 'https://graph.microsoft.com';

async function postBatch(t: TestTenant, token: string, body: unknown) {
  const response = await t.fetch('/v1.0/$batch', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      responses?: {
        id: string;
        status: number;
        headers: Record<string, string>;
        body: { error?: { code: string } } & Record<string, unknown>;
      }[];
      error?: { code: string; message: string };
    },
  };
}

describe('JSON batching (docs/reference/graph-calendar.md §6)', () => {
  it('BatchRequestContent requests are answered per id with their own status and body', async () => {
    await withTenant(async (t) => {
      const token = await t.appToken();
      const client = t.graph(async () => token);
      const content = new BatchRequestContent([
        { id: '1', request: new Request(`${G}/users/${MEGAN}/mailboxSettings`, { method: 'GET' }) },
        { id: '2', request: new Request(`${G}/users/${ADELE}`, { method: 'GET' }) },
        { id: '3', request: new Request(`${G}/users/${NORA_UPN}/mailboxSettings`, { method: 'GET' }) },
      ]);
      const raw = await client.api('/$batch').post(await content.getContent());
      const responses = new BatchResponseContent(raw);
      const first = responses.getResponseById('1');
      expect(first.status).toBe(200);
      expect((await first.json()).timeZone).toBe('Pacific Standard Time');
      expect((await responses.getResponseById('2').json()).displayName).toBe('Adele Vance');
      const versioned = new BatchRequestContent([
        { id: 'v', request: new Request(`${G}/v1.0/users/${ADELE}`, { method: 'GET' }) },
      ]);
      const refused = new BatchResponseContent(
        await client.api('/$batch').post(await versioned.getContent()),
      ).getResponseById('v');
      expect(refused.status).toBe(400);
      expect((await refused.json()).error.message).toBe("Resource not found for the segment 'v1.0'.");
      const third = responses.getResponseById('3');
      expect(third.status).toBe(404);
      expect((await third.json()).error.code).toBe('MailboxNotEnabledForRESTAPI');
    });
  });

  it('a request whose dependency failed gets 424; dependsOn runs in order', async () => {
    await withTenant(async (t) => {
      const token = await t.appToken();
      const result = await postBatch(t, token, {
        requests: [
          { id: 'a', method: 'GET', url: '/users/ghost@contoso.onmicrosoft.com/mailboxSettings' },
          { id: 'b', method: 'GET', url: `/users/${MEGAN}`, dependsOn: ['a'] },
          { id: 'c', method: 'GET', url: `users/${ADELE}` },
          { id: 'd', method: 'GET', url: `/users/${ADELE}/mailboxSettings`, dependsOn: ['c'] },
        ],
      });
      expect(result.status).toBe(200);
      const byId = Object.fromEntries((result.body.responses ?? []).map((r) => [r.id, r]));
      expect(byId.a?.status).toBe(404);
      expect(byId.b?.status).toBe(424);
      expect(byId.c?.status).toBe(200);
      expect(byId.d?.status).toBe(200);
    });
  });

  it('more than 20 requests, duplicate ids or an unknown dependency fail the whole batch with 400', async () => {
    await withTenant(async (t) => {
      const token = await t.appToken();
      const many = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: `/users/${MEGAN}` }));
      expect((await postBatch(t, token, { requests: many })).status).toBe(400);
      const duplicate = await postBatch(t, token, {
        requests: [
          { id: '1', method: 'GET', url: '/users' },
          { id: '1', method: 'GET', url: '/users' },
        ],
      });
      expect(duplicate).toMatchObject({ status: 400, body: { error: { code: 'BadRequest' } } });
      const dangling = await postBatch(t, token, {
        requests: [{ id: '1', method: 'GET', url: '/users', dependsOn: ['9'] }],
      });
      expect(dangling.status).toBe(400);
      expect((await postBatch(t, token, { nope: [] })).status).toBe(400);
    });
  });

  it('inner requests are throttled one by one: inner 429 with its own Retry-After, envelope 200', async () => {
    await withTenant(async (t) => {
      const token = await t.appToken();
      await t.control('/throttle-storm', { requests: 1, retryAfterSeconds: 0.249 });
      const result = await postBatch(t, token, {
        requests: [
          { id: '1', method: 'GET', url: `/users/${MEGAN}/mailboxSettings` },
          { id: '2', method: 'GET', url: `/users/${MEGAN}/mailboxSettings`, dependsOn: ['1'] },
        ],
      });
      expect(result.status).toBe(200);
      const [first, second] = result.body.responses ?? [];
      expect(first?.status).toBe(429);
      expect(first?.headers['Retry-After']).toBe('0.249');
      expect(second?.status).toBe(424);
    });
  });

  it('relative URLs with or without a slash are accepted; absolute URLs and versioned paths are not', async () => {
    await withTenant(async (t) => {
      const token = await t.appToken();
      const result = await postBatch(t, token, {
        requests: [
          { id: '1', method: 'GET', url: `/users/${MEGAN}?$select=displayName` },
          { id: '2', method: 'GET', url: `users/${MEGAN}?$select=displayName` },
          { id: '3', method: 'GET', url: `${t.origin}/v1.0/users/${MEGAN}?$select=displayName` },
          { id: '4', method: 'GET', url: `https://elsewhere.example/v1.0/users/${MEGAN}` },
          { id: '5', method: 'GET', url: '/v1.0/users' },
        ],
      });
      const byId = Object.fromEntries((result.body.responses ?? []).map((r) => [r.id, r]));
      for (const id of ['1', '2'])
        expect(byId[id]).toMatchObject({ status: 200, body: { displayName: 'Megan Bowen' } });
      expect(byId['3']?.status).toBe(400);
      expect(byId['4']?.status).toBe(400);
      expect(byId['5']).toMatchObject({
        status: 400,
        body: { error: { code: 'BadRequest', message: "Resource not found for the segment 'v1.0'." } },
      });
    });
  });

  it('a POST inside a batch needs a Content-Type header; counters see each inner request once', async () => {
    await withTenant(async (t) => {
      const token = await t.appToken();
      await t.control('/counters/reset', {});
      const result = await postBatch(t, token, {
        requests: [
          {
            id: '1',
            method: 'POST',
            url: `/users/${MEGAN}/sendMail`,
            body: {
              message: {
                subject: 'x',
                toRecipients: [{ emailAddress: { address: 'adelev@contoso.onmicrosoft.com' } }],
              },
            },
          },
          {
            id: '2',
            method: 'POST',
            url: `/users/${MEGAN}/sendMail`,
            headers: { 'Content-Type': 'application/json' },
            body: {
              message: {
                subject: 'Reminder',
                toRecipients: [{ emailAddress: { address: 'adelev@contoso.onmicrosoft.com' } }],
              },
            },
          },
        ],
      });
      const byId = Object.fromEntries((result.body.responses ?? []).map((r) => [r.id, r]));
      expect(byId['1']?.status).toBe(400);
      expect(byId['2']?.status).toBe(202);
      const counters = (await t.control('/counters')).body as {
        httpRequests: number;
        graphRequests: number;
        batches: number;
        mailboxes: Record<string, { requests: number }>;
      };
      expect(counters).toMatchObject({ httpRequests: 1, batches: 1, graphRequests: 1 });
      expect(counters.mailboxes[MEGAN]?.requests).toBe(1);
    });
  });
});
