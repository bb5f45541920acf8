import type { GraphError } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { CONFER_CLIENT_ID, MEGAN, withTenant } from '../core/test-support.ts';

const MESSAGE = {
  message: {
    subject: 'Your check-in with Adele starts in 15 minutes',
    body: { contentType: 'HTML', content: '<p>Agenda: goals</p>' },
    toRecipients: [{ emailAddress: { address: 'adelev@contoso.onmicrosoft.com', name: 'Adele Vance' } }],
  },
  saveToSentItems: false,
};

describe('sendMail (docs/reference/graph-calendar.md §8)', () => {
  it('POST /users/{id}/sendMail with Mail.Send (app) is 202 and the message lands in the outbox', async () => {
    await withTenant(async (t) => {
      const token = await t.appToken();
      const response = await t.fetch(`/v1.0/users/${MEGAN}/sendMail`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(MESSAGE),
      });
      expect(response.status).toBe(202);
      expect(await response.text()).toBe('');
      const outbox = (await t.control('/outbox')).body as { value: Record<string, unknown>[] };
      expect(outbox.value).toHaveLength(1);
      expect(outbox.value[0]).toMatchObject({
        from: { id: MEGAN, address: 'meganb@contoso.onmicrosoft.com', name: 'Megan Bowen' },
        appId: CONFER_CLIENT_ID,
        subject: MESSAGE.message.subject,
        body: { contentType: 'html', content: '<p>Agenda: goals</p>' },
        toRecipients: MESSAGE.message.toRecipients,
        saveToSentItems: false,
        sentDateTime: expect.any(String),
      });
      await t.control('/outbox/clear', {});
      expect(((await t.control('/outbox')).body as { value: unknown[] }).value).toEqual([]);
    });
  });

  it('a message without recipients is 400 ErrorInvalidRecipients and nothing is sent', async () => {
    await withTenant(async (t) => {
      const token = await t.appToken();
      const client = t.graph(async () => token);
      const error = (await client
        .api(`/users/${MEGAN}/sendMail`)
        .post({ message: { subject: 'x', toRecipients: [] } })
        .catch((e: unknown) => e)) as GraphError;
      expect(error.statusCode).toBe(400);
      expect(error.code).toBe('ErrorInvalidRecipients');
      expect(((await t.control('/outbox')).body as { value: unknown[] }).value).toEqual([]);
    });
  });

  it("/me/sendMail needs the delegated Mail.Send scope (Confer's delegated consent has none → 403)", async () => {
    await withTenant(async (t) => {
      const token = await t.userToken(MEGAN);
      const error = (await t
        .graph(async () => token)
        .api('/me/sendMail')
        .post(MESSAGE)
        .catch((e: unknown) => e)) as GraphError;
      expect(error.statusCode).toBe(403);
      expect(error.code).toBe('ErrorAccessDenied');
      await t.control('/consent/user', {
        clientId: CONFER_CLIENT_ID,
        userId: MEGAN,
        granted: true,
        scopes: ['Mail.Send'],
      });
      const withScope = await t.userToken(MEGAN);
      await t
        .graph(async () => withScope)
        .api('/me/sendMail')
        .post(MESSAGE);
      expect(((await t.control('/outbox')).body as { value: unknown[] }).value).toHaveLength(1);
    });
  });
});
