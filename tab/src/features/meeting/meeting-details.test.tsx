// @vitest-environment happy-dom
import type { MeetingDto } from '@confer/contracts';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import axe from 'axe-core';
import { act, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { englishTranslator } from '../../i18n/catalogues.ts';
import { invitedInOutlookOnly, MeetingDetails, NotesClosed } from './meeting-details.tsx';

const person = (email: string, displayName: string, addedInOutlook: boolean): MeetingDto['attendees'][number] => ({
  email,
  userId: `id-${email}`,
  displayName,
  type: 'required',
  response: 'none',
  respondedAt: null,
  proposedStart: null,
  proposedEnd: null,
  addedInOutlook,
});

const meeting: MeetingDto = {
  id: 'm1',
  title: '1:1 Adele and Alex',
  outlookSubject: null,
  agenda: '',
  typeId: null,
  organizer: { userId: 'adele', email: 'adelev@contoso.onmicrosoft.com', displayName: 'Adele Vance' },
  isOrganizer: true,
  start: '2026-11-23T09:00:00.000Z',
  end: '2026-11-23T09:30:00.000Z',
  timeZone: 'Europe/London',
  recurrence: null,
  online: true,
  joinUrl: null,
  location: null,
  status: 'scheduled',
  attendees: [
    person('alexw@contoso.onmicrosoft.com', 'Alex Wilber', false),
    person('meganb@contoso.onmicrosoft.com', 'Megan Bowen', true),
  ],
  myResponse: 'organizer',
  version: 3,
  webUrl: '',
  occurrences: [],
};

// React's act() wants to know it runs in a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const shownPages: (() => void)[] = [];
afterEach(() => {
  for (const remove of shownPages.splice(0)) remove();
});

async function show(shown: MeetingDto, extra: ReactElement | null = null): Promise<HTMLElement> {
  const container = document.createElement('main');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <MeetingDetails meeting={shown} typeName={null} proposedText={(start) => start} />
        {extra}
      </FluentProvider>,
    );
  });
  shownPages.push(() => {
    act(() => root.unmount());
    container.remove();
  });
  return container;
}

const attendeeRow = (page: HTMLElement, email: string) =>
  page.querySelector(`[data-testid="attendee"][data-email="${email}"]`);

describe('meeting details: people invited in Outlook', () => {
  it('marks only them "Added in Outlook", with the reason as its tooltip and as a note for everyone', async () => {
    const page = await show(meeting);
    const badge = attendeeRow(page, 'meganb@contoso.onmicrosoft.com')?.querySelector(
      '[data-testid="added-in-outlook"]',
    );
    expect(badge?.textContent).toBe('Added in Outlook');
    expect(badge?.getAttribute('title')).toBe(englishTranslator().t('meeting.details.addedInOutlookWhy'));
    expect(
      attendeeRow(page, 'alexw@contoso.onmicrosoft.com')?.querySelector('[data-testid="added-in-outlook"]'),
    ).toBeNull();
    const note = page.querySelector('[data-testid="added-in-outlook-note"]');
    expect(note?.textContent).toContain('not its notes and actions until the organizer adds them in Confer');
    expect(badge?.getAttribute('aria-describedby')).toBe(note?.id);
  });

  it('has no badge and no note when everyone was invited through Confer', async () => {
    const page = await show({ ...meeting, attendees: [person('alexw@contoso.onmicrosoft.com', 'Alex Wilber', false)] });
    expect(page.querySelector('[data-testid="added-in-outlook"]')).toBeNull();
    expect(page.querySelector('[data-testid="added-in-outlook-note"]')).toBeNull();
  });

  it("names the Outlook event's own subject when it differs from Confer's title", async () => {
    expect((await show(meeting)).querySelector('[data-testid="outlook-subject"]')).toBeNull();
    for (const remove of shownPages.splice(0)) remove();
    const page = await show({ ...meeting, outlookSubject: 'Catch-up (moved)' });
    expect(page.querySelector('[data-testid="outlook-subject"]')?.textContent).toBe(
      'In Outlook this meeting is called “Catch-up (moved)”',
    );
  });

  it('closes notes and actions, with why, only for an attendee invited in Outlook', async () => {
    const asAttendee = { ...meeting, isOrganizer: false, myResponse: 'none' as const };
    expect(invitedInOutlookOnly(asAttendee, 'id-meganb@contoso.onmicrosoft.com')).toBe(true);
    expect(invitedInOutlookOnly(asAttendee, 'id-alexw@contoso.onmicrosoft.com')).toBe(false);
    expect(invitedInOutlookOnly(asAttendee, null)).toBe(false);
    expect(invitedInOutlookOnly(meeting, 'id-meganb@contoso.onmicrosoft.com')).toBe(false);
    const page = await show(asAttendee, <NotesClosed />);
    expect(page.querySelector('[data-testid="notes-closed"]')?.textContent).toContain(
      'Its notes and actions open to you once the organizer adds you in Confer.',
    );
  });

  it('stays free of accessibility violations axe can see without a browser', async () => {
    const page = await show({ ...meeting, outlookSubject: 'Catch-up (moved)' }, <NotesClosed />);
    const results = await axe.run(page, {
      rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
    });
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
