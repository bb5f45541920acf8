import type { Logger } from '../../logging/logger.ts';

/**
 * Where a Teams meeting's join link may point. Teams for work puts meetings on `teams.microsoft.com` (and
 * its regional and cloud subdomains), Teams for personal use on `teams.live.com`. Anything else — another
 * scheme, another host, a user name smuggled before the host, an unusual port — is not a Teams meeting, and
 * Confer will not put it behind a Join button, in a card or in an invitation.
 */
const TEAMS_HOSTS = new Set(['teams.microsoft.com', 'teams.live.com']);
const TEAMS_SUFFIX = '.teams.microsoft.com';

/** Returns the join URL when it is a Teams meeting link, else null (and logs why). */
export type JoinUrlCheck = (joinUrl: string | null | undefined, eventId: string) => string | null;

export interface JoinUrlCheckOptions {
  /** `host[:port]` of the local tenant, whose own join links are accepted too; null against Microsoft 365. */
  localHost: string | null;
  logger: Logger;
}

export function createJoinUrlCheck(options: JoinUrlCheckOptions): JoinUrlCheck {
  return (joinUrl, eventId) => {
    if (!joinUrl) return null;
    if (isTeamsJoinUrl(joinUrl, options.localHost)) return joinUrl;
    options.logger.warn('Graph returned a join URL that is not a Teams meeting link; it is not shown', {
      code: 'join_url_refused',
      eventId,
      host: hostOf(joinUrl),
    });
    return null;
  };
}

export function isTeamsJoinUrl(joinUrl: string, localHost: string | null): boolean {
  let url: URL;
  try {
    url = new URL(joinUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  if (localHost !== null && url.host === localHost.toLowerCase()) return true;
  if (url.port !== '') return false;
  return TEAMS_HOSTS.has(url.hostname) || url.hostname.endsWith(TEAMS_SUFFIX);
}

/** The host alone, for the log line: a join URL's query carries meeting ids that do not belong in logs. */
function hostOf(joinUrl: string): string {
  try {
    return new URL(joinUrl).host;
  } catch {
    return '(not a URL)';
  }
}
