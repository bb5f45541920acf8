import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../domain/app-error.ts';
import { getMyTimeZone } from './get-my-time-zone.ts';

const identity = { tenantId: 't1', userId: 'u1', name: 'Megan', roles: [], scopes: [] } as never;

function tenants(user: unknown, settings: unknown = undefined) {
  return { getUser: vi.fn(async () => user), getSettings: vi.fn(async () => settings) } as never;
}

describe('getMyTimeZone', () => {
  it('answers the override without reading Graph', async () => {
    const getProfile = vi.fn();
    const user = { preferences: { timeZoneOverride: 'Europe/Berlin' } };
    await expect(getMyTimeZone({ calendar: { getProfile }, tenants: tenants(user) }, identity)).resolves.toEqual({
      timeZone: 'Europe/Berlin',
      source: 'override',
    });
    expect(getProfile).not.toHaveBeenCalled();
  });

  it("answers the mailbox's zone when there is no override", async () => {
    const getProfile = vi.fn(async () => ({
      id: 'u1',
      displayName: 'M',
      userPrincipalName: 'm@x',
      timeZone: 'Asia/Tokyo',
    }));
    const user = { preferences: { timeZoneOverride: null }, connectionStatus: 'connected', connectionCheckedAt: null };
    await expect(getMyTimeZone({ calendar: { getProfile }, tenants: tenants(user) }, identity)).resolves.toEqual({
      timeZone: 'Asia/Tokyo',
      source: 'mailbox',
    });
  });

  it('does not read the calendar of someone who disconnected it', async () => {
    const getProfile = vi.fn();
    const user = {
      preferences: { timeZoneOverride: null },
      connectionStatus: 'not_connected',
      connectionCheckedAt: new Date(0),
    };
    await expect(getMyTimeZone({ calendar: { getProfile }, tenants: tenants(user) }, identity)).rejects.toThrow(
      AppError,
    );
    expect(getProfile).not.toHaveBeenCalled();
  });
});
