import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BotServer, createMemoryLogger, startBotServer } from '../../test/bot-server.ts';
import { type FakeConnector, startFakeConnector } from '../../test/fake-connector.ts';
import { MemoryConversationStore } from '../../test/memory-conversation-store.ts';
import { adaptiveCardProblems } from '../../test/parse-adaptive-card.ts';
import { megan, message, tenantId } from '../../test/teams-activities.ts';
import { beforeTheMeeting, meetingView } from '../cards/meeting-view.fixture.ts';
import { toOutboundActivity } from '../delivery/outbound-activity.ts';
import type { BotUser, OutboundMessage } from '../ports.ts';
import { createOutboundRenderer } from '../render/outbound-renderer.ts';
import { fakeSchedulingActions } from '../render/scheduling-actions.fake.ts';

const tabUrl = 'http://localhost:3978';
const clock = { now: () => beforeTheMeeting };
// Megan's view of meeting m-1 (Mon 23 Nov, 11:00 in Los Angeles), keyed by her Entra id as activities carry it.
const fake = fakeSchedulingActions({
  [`${megan.aadObjectId}:m-1`]: meetingView({
    viewer: { userId: megan.aadObjectId, role: 'attendee', response: 'none' },
  }),
});
const reminder: OutboundMessage = {
  key: 'reminder:m-1',
  tenantId,
  userId: megan.aadObjectId,
  kind: 'reminder',
  payload: { meetingId: 'm-1', leadMinutes: 15 },
  notBefore: beforeTheMeeting,
};

let connector: FakeConnector;
let store: MemoryConversationStore;
let bot: BotServer;

beforeEach(async () => {
  connector = await startFakeConnector();
  store = new MemoryConversationStore();
  bot = await startBotServer({
    conversations: store,
    logger: createMemoryLogger(),
    clock,
    tabUrl,
    actions: fake.actions,
  });
});
afterEach(async () => {
  await bot.close();
  await connector.close();
});

/** Megan writes `text` from a Teams client set to `locale`. */
const say = (text: string, locale: string) => bot.post({ ...message(connector.serviceUrl, text), locale });

/** The renderer the delivery worker uses, over the same store, with mailbox languages from `mailboxes`. */
function renderer(mailboxes: Record<string, string> = {}) {
  const asked: string[] = [];
  const render = createOutboundRenderer({
    actions: fake.actions,
    conversations: store,
    clock,
    tabUrl,
    mailboxLocale: async (user: BotUser) => {
      asked.push(user.userId);
      return mailboxes[user.userId] ?? null;
    },
  });
  return { render, asked };
}

describe('replies within a turn', () => {
  it("answer in the activity's language", async () => {
    expect((await say('help', 'de-DE')).status).toBe(200);
    const card = connector.sent[0]?.body.attachments?.[0]?.content;
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('Was ich kann');
    expect(JSON.stringify(card)).not.toContain('What I can do');
  });

  it('answer an Arabic client with a right-to-left card', async () => {
    await say('nonsense', 'ar-SA');
    const card = connector.sent[0]?.body.attachments?.[0]?.content as { rtl?: boolean; body: unknown };
    expect(card.rtl).toBe(true);
    expect(JSON.stringify(card.body)).toContain('عذرًا، لم أفهم ذلك.');
  });

  it("refuse a card click in the clicker's language, and remember that language", async () => {
    await say('help', 'en-GB');
    const response = await bot.post({
      ...message(connector.serviceUrl, ''),
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      locale: 'es-ES',
      value: { action: { type: 'Action.Execute', verb: 'accept', data: { verb: 'accept' } }, trigger: 'manual' },
    });
    const answer = (await response.json()) as { value: { message: string } };
    expect(answer.value.message).toBe('Este botón ha enviado algo que Confer no puede leer. No se ha cambiado nada.');
    expect(store.all()[0]?.reference.locale).toBe('es-ES');
  });
});

describe('proactive cards', () => {
  it('are written in the language of the last activity the person sent', async () => {
    await say('help', 'de-DE');
    await say('upcoming', 'fr-FR');
    const { render, asked } = renderer({ [megan.aadObjectId]: 'ja-JP' });
    const rendered = await render(reminder);
    expect(rendered?.summary).toBe('Dans 15 minutes\u00a0: Mentoring: Megan and Alex');
    expect(adaptiveCardProblems(rendered?.card)).toEqual([]);
    expect(rendered?.locale).toBe('fr-FR');
    const target = { tenantId, conversationId: 'a:1', serviceUrl: connector.serviceUrl, reference: {} };
    const outgoing = {
      deliveryId: 'd-1',
      card: rendered?.card ?? {},
      summary: rendered?.summary ?? '',
      locale: 'fr-FR',
    };
    expect(toOutboundActivity(target, outgoing).locale).toBe('fr-FR');
    // French ranges have thin spaces around the dash.
    expect(JSON.stringify(rendered?.card).replace(/\s/g, ' ')).toContain(
      'lun. 23 nov. 2026, 11:00 – 11:30 (America/Los_Angeles)',
    );
    expect(asked).toEqual([]);
  });

  it('to someone who never wrote to the bot are in their mailbox language, else English', async () => {
    const { render, asked } = renderer({ [megan.aadObjectId]: 'ja-JP' });
    const rendered = await render(reminder);
    expect(rendered?.summary).toBe('15 分後: Mentoring: Megan and Alex');
    expect(rendered?.locale).toBe('ja-JP');
    expect(JSON.stringify(rendered?.card)).toContain('議題');
    expect(asked).toEqual([megan.aadObjectId]);
    expect((await renderer().render(reminder))?.summary).toBe('In 15 minutes: Mentoring: Megan and Alex');
  });

  it('use the mailbox language when the last activity was in a language Confer does not ship', async () => {
    await say('help', 'pt-BR');
    const rendered = await renderer({ [megan.aadObjectId]: 'de-AT' }).render(reminder);
    expect(rendered?.summary).toBe('In 15 Minuten: Mentoring: Megan and Alex');
  });

  it('to an Arabic reader are right to left', async () => {
    await say('help', 'ar-EG');
    const rendered = await renderer().render(reminder);
    expect(rendered?.card.rtl).toBe(true);
    expect(adaptiveCardProblems(rendered?.card)).toEqual([]);
  });
});
