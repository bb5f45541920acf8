import type { DemoUser } from '@confer/contracts';
import {
  Badge,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { type ThemeName, toThemeName } from '../lib/session.ts';
import { fluentThemeOf } from '../ui/themes.ts';
import { CallLog } from './call-log.tsx';
import { type DevApiDeps, fetchDemoUsers, fetchTeamsToken } from './demo-users.ts';
import { HostControls } from './host-controls.tsx';
import type { HostSettings } from './host-protocol.ts';
import { useTeamsHost } from './use-teams-host.ts';

const useStyles = makeStyles({
  page: {
    height: '100vh',
    display: 'grid',
    gridTemplateRows: 'auto minmax(0, 1fr)',
    backgroundColor: tokens.colorNeutralBackground4,
    color: tokens.colorNeutralForeground1,
  },
  bar: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  body: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 320px',
    minHeight: 0,
    '@media (max-width: 900px)': { gridTemplateColumns: '1fr', gridTemplateRows: 'minmax(480px, 1fr) auto' },
  },
  frame: { width: '100%', height: '100%', border: 'none', display: 'block' },
  empty: { display: 'grid', placeItems: 'center', padding: tokens.spacingHorizontalXL },
  side: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowY: 'auto',
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  dd: { margin: 0 },
});

const statusText = {
  waiting: 'Waiting for notifySuccess',
  loaded: 'Loaded (notifySuccess)',
  failed: 'Failed',
} as const;

export interface HostPageProps {
  readonly deps: DevApiDeps;
  readonly initial: {
    readonly user: string;
    readonly theme: string;
    readonly locale: string;
    readonly subEntityId: string;
  };
}

export function HostPage({ deps, initial }: HostPageProps) {
  const styles = useStyles();
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [userId, setUserId] = useState('');
  const [theme, setTheme] = useState<ThemeName>(toThemeName(initial.theme));
  const [locale, setLocale] = useState(initial.locale || 'en-us');
  const sessionId = useMemo(() => crypto.randomUUID(), []);
  const user = users?.find((u) => u.id === userId) ?? null;
  const settings: HostSettings | null = user
    ? { user, theme, locale, entityId: 'home', subEntityId: initial.subEntityId, sessionId }
    : null;
  const fetchToken = useMemo(() => (id: string) => fetchTeamsToken(deps, id), [deps]);
  const host = useTeamsHost({ origin: deps.baseUrl, settings, fetchToken });

  useEffect(() => {
    fetchDemoUsers(deps)
      .then((list) => {
        setUsers(list);
        const wanted = initial.user.toLowerCase();
        const match = list.find((u) =>
          [u.id, u.userPrincipalName, u.displayName].some((v) => v.toLowerCase() === wanted),
        );
        if (match) setUserId(match.id);
      })
      .catch((error: unknown) => setLoadError(error instanceof Error ? error.message : String(error)));
  }, [deps, initial.user]);

  const { reset, sendTheme } = host;
  const chooseUser = (id: string) => {
    reset();
    setUserId(id);
  };
  const chooseLocale = (value: string) => {
    reset();
    setLocale(value);
  };
  const chooseTheme = (value: ThemeName) => {
    setTheme(value);
    sendTheme(value);
  };

  return (
    <FluentProvider theme={fluentThemeOf(theme)}>
      <div className={styles.page}>
        <header className={styles.bar}>
          <Text as="h1" size={500} weight="semibold" className={styles.title}>
            Teams host emulation{' '}
            <Badge appearance="tint" color="warning">
              Development only
            </Badge>
          </Text>
          {loadError && (
            <MessageBar intent="error">
              <MessageBarBody>Could not list the demo people: {loadError}</MessageBarBody>
            </MessageBar>
          )}
          <HostControls
            users={users ?? []}
            userId={userId}
            theme={theme}
            locale={locale}
            onUser={chooseUser}
            onTheme={chooseTheme}
            onLocale={chooseLocale}
          />
        </header>
        <div className={styles.body}>
          {user ? (
            <iframe
              key={`${user.id}|${locale}`}
              ref={host.frameRef}
              className={styles.frame}
              title="Confer tab"
              src="/index.html"
            />
          ) : (
            <div className={styles.empty}>
              <Text>Choose a person to open Confer as them, the way Teams would.</Text>
            </div>
          )}
          <aside className={styles.side} aria-label="Host status">
            <dl className={styles.facts}>
              <dt>Tab</dt>
              <dd className={styles.dd} data-testid="app-status">
                {user ? statusText[host.status] : 'Not opened'}
              </dd>
              <dt>Popups</dt>
              <dd className={styles.dd} data-testid="popup-count">
                {host.popups}
              </dd>
            </dl>
            <Text as="h2" weight="semibold" size={300}>
              Calls from teams-js
            </Text>
            <CallLog calls={host.calls} />
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}
