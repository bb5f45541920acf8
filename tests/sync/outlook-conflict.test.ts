import type { MeetingDto } from '@confer/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DevtenantGraph } from '../scheduling/support/devtenant-graph.ts';
import { bodyOf } from '../scheduling/support/scheduling-api.ts';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, TENANT_ID } from '../support/stack.ts';
import { eventually, HOUR, NOW, syncHarness, useSyncStack, utc } from './support/sync-harness.ts';

/**
 * Outlook and Confer at the same moment, and a proposal made in Outlook: neither side's change is lost silently,
 * and the organizer can take an attendee's proposed time in one click.
 */
describe.each(['tenant', 'user'] as const)(
  'changes in Outlook and Confer at once, and time proposals from Outlook (%s mode)',
  (mode) => {
    const context = useSyncStack(mode);
    let stack: Stack;
    let graph: DevtenantGraph;
    let adele: ReturnType<typeof apiAs>;
    beforeAll(() => {
      ({ stack } = context);
      graph = context.sync.graph;
      adele = apiAs(stack, PEOPLE.adele.id);
    });

    /** A meeting Adele organizes with Megan through Confer, as stored once Confer watches her calendar. */
    const schedule = async () => {
      const sync = syncHarness(stack);
      return sync.stored((await sync.schedule()).id);
    };

    it('refuses a Confer edit made over an unseen Outlook move, takes Outlook’s version and says what changed', async () => {
      const meeting = await schedule();
      // Outlook's change does not reach Confer yet (its endpoint is away).
      expect((await stack.devtenant.control('notifications', { endpointDown: true })).ok).toBe(true);
      try {
        const outlookStart = new Date(NOW.getTime() + 52 * HOUR);
        await graph.patch(`/users/${PEOPLE.adele.id}/events/${meeting.graphEventId}`, {
          start: utc(outlookStart),
          end: utc(new Date(outlookStart.getTime() + HOUR / 2)),
        });
        const confersStart = new Date(NOW.getTime() + 56 * HOUR);
        const answer = await adele.patch<{ error: { code: string; message: string; details?: unknown } }>(
          `/api/meetings/${meeting.id}`,
          {
            version: meeting.version,
            start: confersStart.toISOString(),
            end: new Date(confersStart.getTime() + HOUR / 2).toISOString(),
            acceptConflicts: true,
          },
        );
        expect(answer.status).toBe(409);
        expect(answer.body.error.code).toBe('version_conflict');
        expect(answer.body.error.message).toContain('changed in Outlook meanwhile (its time');
        const now = await stack.composed.scheduling.meetings.get(TENANT_ID, meeting.id);
        expect(now?.start.toISOString()).toBe(outlookStart.toISOString());
        // Outlook still has its own change: Confer's refused edit did not overwrite it.
        const event = await graph.get<{ start: { dateTime: string } }>(
          `/users/${PEOPLE.adele.id}/events/${meeting.graphEventId}`,
        );
        expect(event.start.dateTime.startsWith(outlookStart.toISOString().slice(0, 19))).toBe(true);
      } finally {
        await stack.devtenant.control('notifications', { endpointDown: false });
      }
    });

    it('brings an attendee’s proposed time from Outlook to the organizer as a one-click card', async () => {
      const meeting = await schedule();
      const copies = await graph.withICalUId(
        PEOPLE.megan.id,
        meeting.iCalUId as string,
        new Date(meeting.start.getTime() - HOUR),
        new Date(meeting.end.getTime() + HOUR),
      );
      const proposed = new Date(NOW.getTime() + 33 * HOUR);
      await graph.post(`/users/${PEOPLE.megan.id}/events/${copies[0]?.id}/tentativelyAccept`, {
        sendResponse: true,
        proposedNewTime: { start: utc(proposed), end: utc(new Date(proposed.getTime() + HOUR / 2)) },
      });
      const after = await eventually(
        async () => stack.composed.scheduling.meetings.get(TENANT_ID, meeting.id),
        (m) => m?.attendees[0]?.proposedStart !== null,
      );
      expect(after?.attendees[0]).toMatchObject({ response: 'tentativelyAccepted', proposedStart: proposed });
      const cards = stack.composed.db
        .prepare("SELECT kind, user_id FROM outbound_messages WHERE key LIKE 'proposal:' || ? || '%'")
        .all(meeting.id);
      expect(cards).toEqual([{ kind: 'time-proposal', user_id: PEOPLE.adele.id }]);
    });

    it('shows a change made in Outlook in the API and on the attendee’s card, which says it was made in Outlook', async () => {
      const meeting = await schedule();
      const start = new Date(NOW.getTime() + 60 * HOUR);
      await graph.patch(`/users/${PEOPLE.adele.id}/events/${meeting.graphEventId}`, {
        subject: 'Renamed in Outlook',
        start: utc(start),
        end: utc(new Date(start.getTime() + HOUR / 2)),
      });
      const moved = await eventually(
        async () => stack.composed.scheduling.meetings.get(TENANT_ID, meeting.id),
        (m) => m?.start.getTime() === start.getTime(),
      );
      expect(moved).toMatchObject({ title: meeting.title, outlookSubject: 'Renamed in Outlook' });
      const seen = bodyOf<MeetingDto>(await adele.get(`/api/meetings/${meeting.id}`), 200);
      expect(seen).toMatchObject({
        start: start.toISOString(),
        title: meeting.title,
        outlookSubject: 'Renamed in Outlook',
      });
      const row = stack.composed.db
        .prepare(
          "SELECT key, tenant_id, user_id, kind, payload_json, not_before_ms FROM outbound_messages WHERE kind = 'change-notice' AND key LIKE 'change:' || ? || '%'",
        )
        .get(meeting.id) as {
        key: string;
        tenant_id: string;
        user_id: string;
        kind: 'change-notice';
        payload_json: string;
        not_before_ms: number;
      };
      expect(row.user_id).toBe(PEOPLE.megan.id);
      const rendered = await stack.composed.bot.render({
        key: row.key,
        tenantId: row.tenant_id,
        userId: row.user_id,
        kind: row.kind,
        payload: JSON.parse(row.payload_json),
        notBefore: new Date(row.not_before_ms),
      });
      const text = JSON.stringify(rendered?.card);
      expect(text).toContain('changed this meeting in Outlook');
      expect(text).toContain('In Outlook: “Renamed in Outlook”');
    });
  },
);
