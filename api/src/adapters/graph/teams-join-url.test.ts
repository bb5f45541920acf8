import { describe, expect, it } from 'vitest';
import { createLogger } from '../../logging/logger.ts';
import { createJoinUrlCheck, isTeamsJoinUrl } from './teams-join-url.ts';

const meetup = '/l/meetup-join/19%3ameeting_x%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d';

describe('Teams join links', () => {
  it.each([
    [`https://teams.microsoft.com${meetup}`, true],
    [`https://TEAMS.microsoft.com${meetup}`, true],
    [`https://gov.teams.microsoft.com${meetup}`, true],
    [`https://teams.live.com/meet/9312345678`, true],
    [`https://localhost:8443/meet/1`, true],
    [`http://teams.microsoft.com${meetup}`, false],
    [`javascript:alert(1)//teams.microsoft.com`, false],
    [`https://evil.example${meetup}`, false],
    [`https://teams.microsoft.com.evil.example${meetup}`, false],
    [`https://evilteams.microsoft.com${meetup}`, false],
    [`https://teams.microsoft.com@evil.example${meetup}`, false],
    [`https://user:pass@teams.microsoft.com${meetup}`, false],
    [`https://teams.microsoft.com:8443${meetup}`, false],
    [`https://localhost:9999/meet/1`, false],
    [`https://localhost/meet/1`, false],
    ['not a url', false],
  ])('%s → %s', (url, accepted) => {
    expect(isTeamsJoinUrl(url, 'localhost:8443')).toBe(accepted);
  });

  it('accepts no local host at all when none is configured (Microsoft 365)', () => {
    expect(isTeamsJoinUrl('https://localhost:8443/meet/1', null)).toBe(false);
  });

  it('drops a refused link and logs its host with a code, never the whole URL', () => {
    const lines: string[] = [];
    const check = createJoinUrlCheck({ localHost: null, logger: createLogger('info', (line) => lines.push(line)) });
    expect(check('https://evil.example/join?secret=1', 'evt-1')).toBeNull();
    expect(check(`https://teams.microsoft.com${meetup}`, 'evt-2')).toBe(`https://teams.microsoft.com${meetup}`);
    expect(check(null, 'evt-3')).toBeNull();
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ level: 'warn', code: 'join_url_refused', eventId: 'evt-1', host: 'evil.example' }),
    ]);
    expect(lines.join('')).not.toContain('secret');
  });
});
