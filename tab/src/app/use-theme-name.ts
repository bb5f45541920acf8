import { useEffect, useState } from 'react';
import type { BrowserThemeSource } from '../lib/browser-theme.ts';
import type { HostSession, ThemeName } from '../lib/session.ts';

/** The host's theme, live: Teams `themeChange` events, or the browser's colour-scheme media queries. */
export function useThemeName(session: HostSession | null, browser: BrowserThemeSource, framed: boolean): ThemeName {
  const [theme, setTheme] = useState<ThemeName>(() => (framed ? 'default' : browser.current()));
  useEffect(() => {
    if (session) {
      setTheme(session.initialTheme);
      return session.subscribeTheme(setTheme);
    }
    if (framed) return undefined;
    setTheme(browser.current());
    return browser.subscribe(() => setTheme(browser.current()));
  }, [session, browser, framed]);
  return theme;
}
