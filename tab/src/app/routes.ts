/** The tab's pages, addressed by the URL hash so a browser link and a Teams deep link land on the same page. */
export type HomeView = 'upcoming' | 'past' | 'week';

/** What a quick action on Home opens on the meeting page. */
export type MeetingIntent = 'reschedule' | 'cancel' | 'respond' | 'notes';
const intents: readonly string[] = ['reschedule', 'cancel', 'respond', 'notes'];

/** The admin center's pages (`#/admin`, `#/admin/access`, …), for holders of the Confer.Admin role. */
export type AdminSection = 'integration' | 'access' | 'health' | 'incidents' | 'audit';
const adminSections: readonly string[] = ['access', 'health', 'incidents', 'audit'];

export type Route =
  | { readonly page: 'home'; readonly view: HomeView }
  /** `type`: the meeting type to start with (Home's "Book" for a pair that is due to meet). */
  | { readonly page: 'schedule'; readonly with: readonly string[]; readonly type?: string }
  | { readonly page: 'meeting'; readonly id: string; readonly intent?: MeetingIntent }
  | { readonly page: 'settings' }
  | { readonly page: 'admin'; readonly section: AdminSection }
  | { readonly page: 'not-found'; readonly path: string };

const typeId = /^[A-Za-z0-9-]{1,64}$/;

const homeViews: Record<string, HomeView> = { '': 'upcoming', upcoming: 'upcoming', past: 'past', week: 'week' };

/**
 * `#/`, `#/past`, `#/week`, `#/schedule?with=a@x,b@x&type={typeId}`, `#/meetings/{id}`, `#/settings`,
 * `#/admin[/section]`.
 */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', query = ''] = raw.split('?', 2);
  const path = pathPart.replace(/^\/+|\/+$/g, '');
  const home = homeViews[path];
  if (home) return { page: 'home', view: home };
  if (path === 'schedule') {
    const params = new URLSearchParams(query);
    const type = params.get('type') ?? '';
    return typeId.test(type)
      ? { page: 'schedule', with: peopleOf(params), type }
      : { page: 'schedule', with: peopleOf(params) };
  }
  if (path === 'settings') return { page: 'settings' };
  if (path === 'admin') return { page: 'admin', section: 'integration' };
  const admin = /^admin\/([a-z]+)$/.exec(path)?.[1];
  if (admin && adminSections.includes(admin)) return { page: 'admin', section: admin as AdminSection };
  const meeting = /^meetings\/([A-Za-z0-9-]{1,64})$/.exec(path);
  if (meeting?.[1]) {
    const intent = new URLSearchParams(query).get('do') ?? '';
    return intents.includes(intent)
      ? { page: 'meeting', id: meeting[1], intent: intent as MeetingIntent }
      : { page: 'meeting', id: meeting[1] };
  }
  return { page: 'not-found', path: `/${path}` };
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'home':
      return route.view === 'upcoming' ? '#/' : `#/${route.view}`;
    case 'schedule': {
      const query = [
        ...(route.with.length > 0 ? [`with=${route.with.map(encodeURIComponent).join(',')}`] : []),
        ...(route.type ? [`type=${encodeURIComponent(route.type)}`] : []),
      ];
      return query.length > 0 ? `#/schedule?${query.join('&')}` : '#/schedule';
    }
    case 'meeting':
      return `#/meetings/${encodeURIComponent(route.id)}${route.intent ? `?do=${route.intent}` : ''}`;
    case 'settings':
      return '#/settings';
    case 'admin':
      return route.section === 'integration' ? '#/admin' : `#/admin/${route.section}`;
    case 'not-found':
      return `#${route.path}`;
  }
}

/**
 * Teams deep links carry the target in `subEntityId` (`page.subPageId` in the tab): `meeting:{id}`,
 * `schedule:{email}`, `settings`. Anything else opens Home.
 */
export function routeOfSubPage(subPageId: string): Route | null {
  const [kind = '', value = ''] = subPageId.split(':', 2);
  if (kind === 'meeting' && /^[A-Za-z0-9-]{1,64}$/.test(value)) return { page: 'meeting', id: value };
  if (kind === 'schedule') return { page: 'schedule', with: value ? [value] : [] };
  if (kind === 'settings') return { page: 'settings' };
  return null;
}

function peopleOf(query: URLSearchParams): string[] {
  const people = query
    .getAll('with')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
  return [...new Set(people)];
}
