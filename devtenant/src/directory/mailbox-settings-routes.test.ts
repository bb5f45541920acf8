import type { GraphError } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { ADELE, LYNNE, MEGAN, NORA_UPN, withTenant } from '../core/test-support.ts';

describe('Graph mailboxSettings', () => {
  it('/users/{id}/mailboxSettings gives the Windows time zone and workingHours (docs/reference/graph-calendar.md §9)', async () => {
    await withTenant(async (t) => {
      const token = await t.appToken();
      const client = t.graph(async () => token);
      const adele = await client.api(`/users/${ADELE}/mailboxSettings`).get();
      expect(adele).toMatchObject({
        timeZone: 'GMT Standard Time',
        workingHours: {
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          startTime: '09:00:00.0000000',
          endTime: '17:30:00.0000000',
          timeZone: { name: 'GMT Standard Time' },
        },
        language: { locale: 'en-GB' },
      });
      expect((await client.api(`/users/${LYNNE}/mailboxSettings/timeZone`).get()).value).toBe('India Standard Time');
      const hours = await client.api(`/users/${MEGAN}/mailboxSettings/workingHours`).get();
      expect(hours.timeZone).toEqual({ name: 'Pacific Standard Time' });
    });
  });

  it('language.locale is the mailbox language (the bot writes to people who never chatted with it in it)', async () => {
    await withTenant(async (t) => {
      const token = await t.appToken();
      const client = t.graph(async () => token);
      const mia = await client.api('/users/mias@contoso.onmicrosoft.com/mailboxSettings').select('language').get();
      expect(mia.language).toEqual({ locale: 'de-DE', displayName: 'Deutsch (Deutschland)' });
      const megan = await client.api(`/users/${MEGAN}/mailboxSettings`).select('language').get();
      expect(megan.language.locale).toBe('en-US');
    });
  });

  it("/me/mailboxSettings works delegated; another person's settings are 403 ErrorAccessDenied (docs/reference/graph-calendar.md §8)", async () => {
    await withTenant(async (t) => {
      const token = await t.userToken(MEGAN);
      const client = t.graph(async () => token);
      expect((await client.api('/me/mailboxSettings').get()).timeZone).toBe('Pacific Standard Time');
      const error = (await client
        .api(`/users/${ADELE}/mailboxSettings`)
        .get()
        .catch((e: unknown) => e)) as GraphError;
      expect(error.statusCode).toBe(403);
      expect(error.code).toBe('ErrorAccessDenied');
    });
  });

  it('a user without a mailbox answers MailboxNotEnabledForRESTAPI; an unknown one ErrorInvalidUser (docs/reference/graph-calendar.md §7)', async () => {
    await withTenant(async (t) => {
      const token = await t.appToken();
      const client = t.graph(async () => token);
      const noMailbox = (await client
        .api(`/users/${NORA_UPN}/mailboxSettings`)
        .get()
        .catch((e: unknown) => e)) as GraphError;
      expect(noMailbox.statusCode).toBe(404);
      expect(noMailbox.code).toBe('MailboxNotEnabledForRESTAPI');
      const unknown = (await client
        .api('/users/ghost@contoso.onmicrosoft.com/mailboxSettings')
        .get()
        .catch((e: unknown) => e)) as GraphError;
      expect(unknown.statusCode).toBe(404);
      expect(unknown.code).toBe('ErrorInvalidUser');
    });
  });
});
