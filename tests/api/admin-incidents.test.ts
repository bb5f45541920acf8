import { incidentListSchema } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteConversationStore } from '../../api/src/adapters/sqlite/sqlite-conversation-store.ts';
import { adaptiveCardProblems } from '../../bot/test/parse-adaptive-card.ts';
import { createControllableClock } from '../../devtenant/src/index.ts';
import { restartedApp } from '../scheduling/support/restart.ts';
import { apiAs } from '../support/api-client.ts';
import { CLIENT_ID, PEOPLE, type Stack, startStack } from '../support/stack.ts';

/** Thrown where the process "dies": nothing after that point runs. */
class ProcessKilled extends Error {}

const NOW = new Date('2026-03-02T09:00:00Z');
const DAY_MS = 86_400_000;
const ALERT_MAILBOX = 'alexw@contoso.onmicrosoft.com';
/** Far enough that the secret is not flagged until the last test moves the clock on. */
const SECRET_EXPIRES_AT = new Date(NOW.getTime() + 40 * DAY_MS);
const OWNERS = [PEOPLE.megan.id, PEOPLE.patti.id];

interface OutboundRow {
  key: string;
  user_id: string;
  kind: string;
  payload_json: string;
  not_before_ms: number;
}

interface SentMail {
  from: { address: string };
  subject: string;
  body: { content: string };
  toRecipients: { emailAddress: { address: string } }[];
}

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    tabDir: null,
    clock: createControllableClock(NOW),
    connectionMode: 'tenant',
    env: {
      CONFER_ALERT_MAILBOX: ALERT_MAILBOX,
      CONFER_CLIENT_SECRET_EXPIRES_AT: SECRET_EXPIRES_AT.toISOString(),
    },
  });
  // Megan has talked to the bot (it has her chat); Patti has not, so she gets emails only.
  await createSqliteConversationStore(stack.composed.db).save({
    tenantId: stack.config.tenantId,
    aadObjectId: PEOPLE.megan.id,
    userId: '29:megan',
    userName: PEOPLE.megan.name,
    conversationId: 'a:megan-personal',
    serviceUrl: stack.devtenant.url,
    channelId: 'msteams',
    reference: { locale: 'en-US' },
    updatedAt: NOW.toISOString(),
  });
  const saved = await apiAs(stack, PEOPLE.megan.id).put('/api/admin/settings', {
    connectionMode: 'tenant',
    integrationEnabled: true,
    allowDisconnect: true,
    integrationOwners: OWNERS,
  });
  expect(saved.status).toBe(200);
});
afterAll(() => stack?.stop());

const evaluate = () => stack.composed.incidents.monitor.evaluate();

function cards(): OutboundRow[] {
  return stack.composed.db
    .prepare("SELECT * FROM outbound_messages WHERE kind = 'incident-alert' ORDER BY created_at, key")
    .all() as OutboundRow[];
}

async function outbox(): Promise<SentMail[]> {
  return ((await (await stack.devtenant.control('outbox')).json()) as { value: SentMail[] }).value;
}

async function consent(granted: boolean, roles?: string[]) {
  const response = await stack.devtenant.control('consent/admin', {
    clientId: CLIENT_ID,
    granted,
    ...(roles ? { roles } : {}),
  });
  expect(response.status).toBe(200);
}

async function incidents(query = '') {
  const answer = await apiAs(stack, PEOPLE.megan.id).get(`/api/admin/incidents${query}`);
  expect(answer.status).toBe(200);
  return incidentListSchema.parse(answer.body).incidents;
}

describe('incidents of the Outlook integration, against the local tenant', () => {
  it('reports nothing while the integration is healthy', async () => {
    const report = await evaluate();
    expect(report).toMatchObject({ opened: 0, reminded: 0, resolved: 0 });
    expect(await incidents()).toEqual([]);
    expect(cards()).toEqual([]);
  });

  it('consent revoked: one card and one email to each owner, however often it is evaluated', async () => {
    // The admin grant keeps Mail.Send but loses the calendar permission: the app token no longer carries it.
    await consent(true, ['User.Read.All', 'Mail.Send']);
    expect(await evaluate()).toMatchObject({ opened: 1, cards: 1, unreachable: 1, emails: 2, emailFailures: 0 });
    await evaluate();
    await evaluate();

    expect(cards().map((row) => [row.user_id, row.key.split(':').at(-1)])).toEqual([[PEOPLE.megan.id, 'opened']]);
    const mails = await outbox();
    expect(mails.map((mail) => mail.toRecipients[0]?.emailAddress.address).sort()).toEqual([
      'meganb@contoso.onmicrosoft.com',
      'pattif@contoso.onmicrosoft.com',
    ]);
    expect(mails.every((mail) => mail.from.address === ALERT_MAILBOX)).toBe(true);
    expect(mails[0]?.subject).toBe("Confer: Confer's consent is missing");
    expect(mails[0]?.body.content).toContain('Grant admin consent');
    expect(mails[0]?.body.content).toContain(`${stack.appUrl}/#/admin/incidents`);

    const [open] = await incidents('?state=open');
    expect(open).toMatchObject({ kind: 'consent_revoked', state: 'open', remindedAt: null, resolvedAt: null });
    // The pinned clock runs on from NOW while the test runs.
    expect(Date.parse(open?.openedAt ?? '') - NOW.getTime()).toBeGreaterThanOrEqual(0);
    expect(Date.parse(open?.openedAt ?? '') - NOW.getTime()).toBeLessThan(60_000);
    expect(open?.notices?.map((n) => [n.ownerId, n.kind, n.card, n.email])).toEqual(
      expect.arrayContaining([
        [PEOPLE.megan.id, 'opened', 'queued', 'sent'],
        [PEOPLE.patti.id, 'opened', 'unreachable', 'sent'],
      ]),
    );
  });

  it("the card is a valid Adaptive Card that says what to do and opens the admin center's incidents", async () => {
    const [row] = cards();
    if (!row) throw new Error('no incident card queued');
    const rendered = await stack.composed.bot.render({
      key: row.key,
      tenantId: stack.config.tenantId,
      userId: row.user_id,
      kind: 'incident-alert',
      payload: JSON.parse(row.payload_json) as Record<string, unknown>,
      notBefore: new Date(row.not_before_ms),
    });
    expect(rendered).not.toBeNull();
    expect(adaptiveCardProblems(rendered?.card)).toEqual([]);
    const json = JSON.stringify(rendered?.card);
    expect(json).toContain('What to do:');
    expect(rendered?.card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open incidents', url: `${stack.appUrl}/#/admin/incidents` },
    ]);
  });

  it('a day later, still open: one reminder each, and no second one the same day', async () => {
    const before = (await outbox()).length;
    const [opened] = await incidents('?state=open');
    const remindAt = Date.parse(opened?.openedAt ?? '') + DAY_MS;
    stack.devtenant.clock.set(new Date(remindAt - 60_000));
    expect(await evaluate()).toMatchObject({ reminded: 0, cards: 0, emails: 0 });
    stack.devtenant.clock.set(new Date(remindAt));
    expect(await evaluate()).toMatchObject({ reminded: 1, cards: 1, emails: 2 });
    await evaluate();
    stack.devtenant.clock.advance(3_600_000);
    await evaluate();
    expect(cards().map((row) => row.key.split(':')[3])).toEqual(['opened', 'reminder']);
    const mails = (await outbox()).slice(before);
    expect(mails.map((mail) => mail.subject)).toEqual([
      "Confer: Still open: Confer's consent is missing",
      "Confer: Still open: Confer's consent is missing",
    ]);
    const [open] = await incidents('?state=open');
    expect(Date.parse(open?.remindedAt ?? '') - remindAt).toBeLessThan(60_000);
  });

  it('consent granted again: one resolved notice each, and the incident is listed as resolved', async () => {
    const before = (await outbox()).length;
    await consent(true);
    expect(await evaluate()).toMatchObject({ resolved: 1, cards: 1, emails: 2 });
    await evaluate();
    expect(cards().map((row) => row.key.split(':')[3])).toEqual(['opened', 'reminder', 'resolved']);
    const mails = (await outbox()).slice(before);
    expect(mails.map((mail) => mail.subject)).toEqual([
      "Confer: Resolved: Confer's consent is missing",
      "Confer: Resolved: Confer's consent is missing",
    ]);
    expect(await incidents('?state=open')).toEqual([]);
    const [resolved] = await incidents('?state=resolved');
    expect(resolved).toMatchObject({ kind: 'consent_revoked', state: 'resolved' });
    expect(resolved?.resolvedAt).not.toBeNull();
  });

  it('consent revoked with Mail.Send too: the email waits, its failure shown, and goes out once consent is back', async () => {
    const before = (await outbox()).length;
    await consent(false);
    expect(await evaluate()).toMatchObject({ opened: 1, cards: 1, emails: 0, emailFailures: 2 });
    expect(await evaluate()).toMatchObject({ opened: 0, cards: 0, emailFailures: 2 });
    expect((await outbox()).length).toBe(before);
    const [open] = await incidents('?state=open');
    expect(open?.notices?.map((n) => [n.email, n.emailError])).toEqual([
      ['pending', expect.stringContaining('Mail.Send')],
      ['pending', expect.stringContaining('Mail.Send')],
    ]);

    await consent(true);
    expect(await evaluate()).toMatchObject({ resolved: 1, emails: 4, emailFailures: 0 });
    const mails = (await outbox()).slice(before);
    expect(mails.map((mail) => mail.subject)).toEqual([
      "Confer: Confer's consent is missing",
      "Confer: Confer's consent is missing",
      "Confer: Resolved: Confer's consent is missing",
      "Confer: Resolved: Confer's consent is missing",
    ]);
  });

  it('flags the client secret 30 days before it expires', async () => {
    stack.devtenant.clock.set(new Date(SECRET_EXPIRES_AT.getTime() - 29 * DAY_MS));
    expect(await evaluate()).toMatchObject({ opened: 1 });
    const [open] = await incidents('?state=open');
    expect(open).toMatchObject({ kind: 'secret_expiring', state: 'open' });
    expect(open?.summary).toContain(`expires on ${SECRET_EXPIRES_AT.toISOString().slice(0, 10)} (in 29 days)`);
    expect(open?.advice).toContain('CONFER_CLIENT_SECRET_EXPIRES_AT');
    expect((await incidents('?limit=1')).map((incident) => incident.kind)).toEqual(['secret_expiring']);
  });

  it('a restart after the messages were recorded, before any was sent, sends each once', async () => {
    const deps = stack.composed.incidents.monitor.deps;
    const realQueue = deps.queue;
    deps.queue = {
      ...realQueue,
      async enqueue() {
        throw new ProcessKilled();
      },
    };
    const cardsBefore = cards().length;
    const mailsBefore = (await outbox()).length;
    await consent(true, ['User.Read.All', 'Mail.Send']);
    try {
      await expect(evaluate()).rejects.toThrow(ProcessKilled);
    } finally {
      deps.queue = realQueue;
    }
    expect(cards()).toHaveLength(cardsBefore);
    expect(await outbox()).toHaveLength(mailsBefore);

    const restarted = restartedApp(stack);
    try {
      expect(await restarted.incidents.monitor.evaluate()).toMatchObject({ opened: 0, cards: 1, emails: 2 });
      expect(await restarted.incidents.monitor.evaluate()).toMatchObject({ cards: 0, emails: 0 });
    } finally {
      await restarted.close();
    }
    expect(
      cards()
        .slice(cardsBefore)
        .map((row) => [row.user_id, row.key.split(':')[3]]),
    ).toEqual([[PEOPLE.megan.id, 'opened']]);
    expect((await outbox()).slice(mailsBefore).map((mail) => mail.toRecipients[0]?.emailAddress.address)).toEqual([
      'meganb@contoso.onmicrosoft.com',
      'pattif@contoso.onmicrosoft.com',
    ]);
    await consent(true);
  });

  it('refuses the list to a non-admin, and a bad query with 400', async () => {
    const adele = await apiAs(stack, PEOPLE.adele.id).get('/api/admin/incidents');
    expect(adele.status).toBe(403);
    expect(adele.body).toMatchObject({ error: { code: 'admin_required' } });
    const megan = apiAs(stack, PEOPLE.megan.id);
    for (const query of ['?state=closed', '?limit=0', '?limit=500', '?limit=ten', '?since=2026-01-01']) {
      const answer = await megan.get(`/api/admin/incidents${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body, query).toMatchObject({ error: { code: 'validation_failed' } });
    }
  });
});
