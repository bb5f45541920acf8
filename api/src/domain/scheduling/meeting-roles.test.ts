import { describe, expect, it } from 'vitest';
import { aMeeting, guest, megan } from '../../ports/store-fixtures.contract.ts';
import { attendeeOf, roleOf } from './meeting-roles.ts';

describe('meeting roles', () => {
  // Alex organizes with Megan (known to the directory) and an external guest (no object id).
  const meeting = aMeeting({ attendees: [megan, guest] });

  it.each([
    ['the organizer, by object id', 'oid-alex', 'organizer'],
    ['an attendee, by object id', 'oid-megan', 'attendee'],
    ['someone else', 'oid-isaiah', null],
    ['an address instead of an object id', megan.email, null],
    ['an empty id', '', null],
  ])('%s', (_case, userId, role) => {
    expect(roleOf(meeting, userId)).toBe(role);
  });

  it("never matches an attendee by address: a renamed account that now holds Megan's address is not Megan", () => {
    const renamed = aMeeting({ attendees: [{ ...megan, userId: 'oid-former-holder' }] });
    expect(roleOf(renamed, 'oid-megan')).toBeNull();
    expect(attendeeOf(renamed, 'oid-megan')).toBeUndefined();
    expect(attendeeOf(renamed, 'oid-former-holder')).toEqual({ ...megan, userId: 'oid-former-holder' });
  });

  it('gives an attendee without an object id no access, whatever id is asked about', () => {
    const unresolved = aMeeting({ attendees: [{ ...megan, userId: null }] });
    expect(roleOf(unresolved, 'oid-megan')).toBeNull();
    expect(attendeeOf(unresolved, 'null')).toBeUndefined();
  });
});
