import { describe, expect, it } from 'vitest';
import type { AttendanceReportRead } from '../../ports/attendance-gateway.ts';
import { outcomeFromReports, participantsAsMarked, reportsFor } from './attendance-outcome.ts';
import { type AttendanceLine, attendanceReport } from './test-support/attendance-reports.ts';

const occurrence = { start: new Date('2026-03-02T10:00:00Z'), end: new Date('2026-03-02T10:45:00Z') };
const attendee = (userId: string | null, email: string, response: 'accepted' | 'declined' = 'accepted') => ({
  email,
  userId,
  displayName: email.split('@')[0] as string,
  type: 'required' as const,
  response,
  respondedAt: null,
  proposedStart: null,
  proposedEnd: null,
  addedInOutlook: false,
});
const meeting = {
  organizerId: 'org',
  organizerEmail: 'alex@contoso.test',
  organizerName: 'Alex',
  attendees: [attendee('meg', 'megan@contoso.test')],
};

function report(lines: AttendanceLine[], start = occurrence.start): AttendanceReportRead {
  return attendanceReport('r1', start, lines);
}

describe('outcomeFromReports', () => {
  it('is held when everyone invited attended, with minutes present rounded down', () => {
    const result = outcomeFromReports(meeting, occurrence, [
      report([
        ['org', null, 2_700],
        ['MEG', null, 2_519],
      ]),
    ]);
    expect(result?.outcome).toBe('held');
    expect(result?.participants.map((p) => [p.role, p.joined, p.minutesPresent])).toEqual([
      ['organizer', true, 45],
      ['attendee', true, 41],
    ]);
  });

  it('is a no-show when fewer than two met', () => {
    expect(outcomeFromReports(meeting, occurrence, [report([['org', null, 2_700]])])?.outcome).toBe('no_show');
    expect(outcomeFromReports(meeting, occurrence, [report([['meg', null, 600]])])?.outcome).toBe('no_show');
  });

  it('counts a minute-long drop-in as joined but not attended', () => {
    const result = outcomeFromReports(meeting, occurrence, [
      report([
        ['org', null, 2_700],
        ['meg', null, 60],
      ]),
    ]);
    expect(result?.outcome).toBe('no_show');
    expect(result?.participants[1]).toMatchObject({ joined: true, minutesPresent: 1 });
  });

  it('is partly attended when two met and someone invited did not come; a decliner is not expected', () => {
    const group = { ...meeting, attendees: [...meeting.attendees, attendee('adele', 'adele@contoso.test')] };
    const both = report([
      ['org', null, 2_700],
      ['meg', null, 2_000],
    ]);
    expect(outcomeFromReports(group, occurrence, [both])?.outcome).toBe('partly_attended');
    const declined = {
      ...meeting,
      attendees: [...meeting.attendees, attendee('adele', 'adele@contoso.test', 'declined')],
    };
    expect(outcomeFromReports(declined, occurrence, [both])?.outcome).toBe('held');
  });

  it('matches guests by address and adds up several sessions of the same occurrence', () => {
    const guest = { ...meeting, attendees: [attendee(null, 'mentor@fabrikam.test')] };
    const first = report([
      ['org', null, 1_200],
      [null, 'Mentor@Fabrikam.test', 200],
    ]);
    const second = report([[null, 'mentor@fabrikam.test', 400]], new Date('2026-03-02T10:25:00Z'));
    const result = outcomeFromReports(guest, occurrence, [first, second]);
    expect(result?.outcome).toBe('held');
    expect(result?.participants[1]?.minutesPresent).toBe(10);
  });

  it('answers null when no report belongs to the occurrence', () => {
    expect(outcomeFromReports(meeting, occurrence, [])).toBeNull();
    const lastWeek = report(
      [
        ['org', null, 2_700],
        ['meg', null, 2_700],
      ],
      new Date('2026-02-23T10:00:00Z'),
    );
    expect(outcomeFromReports(meeting, occurrence, [lastWeek])).toBeNull();
    expect(reportsFor(occurrence, [lastWeek])).toEqual([]);
  });
});

describe('participantsAsMarked', () => {
  it('marks everyone who had not declined as joined when held, nobody when not', () => {
    const group = {
      ...meeting,
      attendees: [...meeting.attendees, attendee('adele', 'adele@contoso.test', 'declined')],
    };
    expect(participantsAsMarked(group, true).map((p) => p.joined)).toEqual([true, true, false]);
    expect(participantsAsMarked(group, false).map((p) => p.joined)).toEqual([false, false, false]);
  });
});
