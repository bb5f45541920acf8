import { describe, expect, it } from 'vitest';
import type { MeetingStore } from './meeting-store.ts';
import type { MeetingAction, MeetingNote, NotesStore } from './notes-store.ts';
import { aMeeting, failureOf, TENANT_A, TENANT_B } from './store-fixtures.contract.ts';

const at = (iso: string) => new Date(iso);

export function aNote(overrides: Partial<MeetingNote> = {}): MeetingNote {
  return {
    id: 'note-1',
    meetingId: 'meeting-1',
    occurrenceStart: null,
    authorId: 'oid-alex',
    visibility: 'shared',
    body: 'Agreed to meet fortnightly.',
    updatedAt: at('2026-11-23T10:40:00.000Z'),
    version: 1,
    ...overrides,
  };
}

export function anAction(overrides: Partial<MeetingAction> = {}): MeetingAction {
  return {
    id: 'action-1',
    meetingId: 'meeting-1',
    occurrenceStart: at('2026-11-23T10:00:00.000Z'),
    title: 'Share the onboarding plan',
    ownerEmail: 'meganb@contoso.onmicrosoft.com',
    ownerName: 'Megan Bowen',
    dueDate: '2026-11-30',
    done: false,
    doneAt: null,
    createdBy: 'oid-alex',
    createdAt: at('2026-11-23T10:41:00.000Z'),
    version: 1,
    ...overrides,
  };
}

type Stores = { meetings: MeetingStore; notes: NotesStore };

/** One contract suite for every NotesStore implementation. */
export function notesStoreContract(name: string, create: () => Stores | Promise<Stores>) {
  async function setUp() {
    const stores = await create();
    await stores.meetings.insert(aMeeting());
    return stores;
  }

  describe(`NotesStore contract: ${name}`, () => {
    it("lists shared notes and the viewer's own private ones, never someone else's private note", async () => {
      const { notes } = await setUp();
      const mine = aNote({ id: 'alex-private', visibility: 'private', updatedAt: at('2026-11-23T10:41:00Z') });
      const hers = aNote({ id: 'megan-private', authorId: 'oid-megan', visibility: 'private' });
      const shared = aNote({ id: 'megan-shared', authorId: 'oid-megan' });
      for (const note of [mine, hers, shared]) expect(await notes.saveNote(TENANT_A, note, null)).toBe(true);
      expect(await notes.listNotes(TENANT_A, 'meeting-1', 'oid-alex')).toEqual([shared, mine]);
      expect(await notes.listNotes(TENANT_A, 'meeting-1', 'oid-megan')).toEqual([hers, shared]);
      expect(await notes.listNotes(TENANT_A, 'meeting-1', 'oid-adele')).toEqual([shared]);
    });

    it('lists whole-meeting notes first, then each occurrence in order', async () => {
      const { notes } = await setUp();
      const second = aNote({ id: 'b', occurrenceStart: at('2026-11-30T10:00Z') });
      const first = aNote({ id: 'c', occurrenceStart: at('2026-11-23T10:00Z') });
      const whole = aNote({ id: 'd', updatedAt: at('2026-12-01T00:00Z') });
      for (const note of [second, first, whole]) await notes.saveNote(TENANT_A, note, null);
      expect((await notes.listNotes(TENANT_A, 'meeting-1', 'oid-alex')).map((n) => n.id)).toEqual(['d', 'c', 'b']);
    });

    it('updates a note on the version read by its author only; stale versions and other people change nothing', async () => {
      const { notes } = await setUp();
      await notes.saveNote(TENANT_A, aNote(), null);
      expect(await notes.saveNote(TENANT_A, aNote({ body: 'v2' }), 1)).toBe(true);
      expect(await notes.saveNote(TENANT_A, aNote({ body: 'stale' }), 1)).toBe(false);
      expect(await notes.saveNote(TENANT_A, aNote({ body: 'not mine', authorId: 'oid-megan' }), 2)).toBe(false);
      expect(await notes.saveNote(TENANT_A, aNote({ body: 'again' }), null)).toBe(false);
      expect(await notes.deleteNote(TENANT_A, 'meeting-1', 'note-1', 'oid-megan')).toBe(false);
      expect(await notes.listNotes(TENANT_A, 'meeting-1', 'oid-alex')).toEqual([aNote({ body: 'v2', version: 2 })]);
      expect(await notes.deleteNote(TENANT_A, 'meeting-1', 'note-1', 'oid-alex')).toBe(true);
      expect(await notes.listNotes(TENANT_A, 'meeting-1', 'oid-alex')).toEqual([]);
    });

    it("keeps tenants apart: no notes of another tenant's meeting are read, written or deleted", async () => {
      const { notes } = await setUp();
      await notes.saveNote(TENANT_A, aNote(), null);
      expect(await notes.listNotes(TENANT_B, 'meeting-1', 'oid-alex')).toEqual([]);
      expect(await notes.saveNote(TENANT_B, aNote({ body: 'x' }), 1)).toBe(false);
      expect(await notes.deleteNote(TENANT_B, 'meeting-1', 'note-1', 'oid-alex')).toBe(false);
      expect(await failureOf(notes.saveNote(TENANT_B, aNote({ id: 'n2' }), null))).toBe('missing_parent');
      expect(await notes.listNotes(TENANT_A, 'meeting-1', 'oid-alex')).toEqual([aNote()]);
    });

    it('keeps notes and actions when the meeting is cancelled and its Outlook event is gone', async () => {
      const { meetings, notes } = await setUp();
      await notes.saveNote(TENANT_A, aNote(), null);
      await notes.saveAction(TENANT_A, anAction(), null);
      await meetings.update(aMeeting({ status: 'cancelled', graphEventId: null, joinUrl: null }), 1);
      expect(await notes.listNotes(TENANT_A, 'meeting-1', 'oid-alex')).toEqual([aNote()]);
      expect(await notes.listActions(TENANT_A, 'meeting-1')).toEqual([anAction()]);
    });

    it('carries actions intact, oldest first, and updates them optimistically', async () => {
      const { notes } = await setUp();
      const later = anAction({
        id: 'action-0',
        createdAt: at('2026-11-30T10:41Z'),
        dueDate: null,
        occurrenceStart: null,
      });
      await notes.saveAction(TENANT_A, later, null);
      await notes.saveAction(TENANT_A, anAction(), null);
      expect(await notes.listActions(TENANT_A, 'meeting-1')).toEqual([anAction(), later]);
      const done = anAction({ done: true, doneAt: at('2026-11-29T16:00Z') });
      expect(await notes.saveAction(TENANT_A, done, 1)).toBe(true);
      expect(await notes.saveAction(TENANT_A, anAction({ title: 'stale' }), 1)).toBe(false);
      expect(await notes.saveAction(TENANT_A, anAction(), null)).toBe(false);
      expect((await notes.listActions(TENANT_A, 'meeting-1'))[0]).toEqual({ ...done, version: 2 });
      expect(await notes.deleteAction(TENANT_B, 'meeting-1', 'action-1')).toBe(false);
      expect(await notes.deleteAction(TENANT_A, 'meeting-1', 'action-1')).toBe(true);
      expect(await notes.listActions(TENANT_A, 'meeting-1')).toEqual([later]);
    });

    it("reaches a note or an action only through its own meeting: another meeting's id changes nothing", async () => {
      const { meetings, notes } = await setUp();
      await meetings.insert(aMeeting({ id: 'meeting-2' }));
      await notes.saveNote(TENANT_A, aNote(), null);
      await notes.saveAction(TENANT_A, anAction(), null);
      expect(await notes.deleteAction(TENANT_A, 'meeting-2', 'action-1')).toBe(false);
      expect(await notes.deleteNote(TENANT_A, 'meeting-2', 'note-1', 'oid-alex')).toBe(false);
      expect(await notes.saveAction(TENANT_A, anAction({ meetingId: 'meeting-2', title: 'moved' }), 1)).toBe(false);
      expect(await notes.saveNote(TENANT_A, aNote({ meetingId: 'meeting-2', body: 'moved' }), 1)).toBe(false);
      expect(await notes.saveAction(TENANT_A, anAction({ meetingId: 'meeting-2' }), null)).toBe(false);
      expect(await notes.saveNote(TENANT_A, aNote({ meetingId: 'meeting-2' }), null)).toBe(false);
      expect(await notes.listActions(TENANT_A, 'meeting-2')).toEqual([]);
      expect(await notes.listNotes(TENANT_A, 'meeting-2', 'oid-alex')).toEqual([]);
      expect(await notes.listActions(TENANT_A, 'meeting-1')).toEqual([anAction()]);
      expect(await notes.listNotes(TENANT_A, 'meeting-1', 'oid-alex')).toEqual([aNote()]);
    });

    it('refuses a due date that is not YYYY-MM-DD and an action for an unknown meeting', async () => {
      const { notes } = await setUp();
      expect(await failureOf(notes.saveAction(TENANT_A, anAction({ dueDate: '30/11/2026' }), null))).toBe('constraint');
      expect(await failureOf(notes.saveAction(TENANT_A, anAction({ meetingId: 'nope' }), null))).toBe('missing_parent');
      expect(await notes.listActions(TENANT_A, 'meeting-1')).toEqual([]);
    });
  });
}
