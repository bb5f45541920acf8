import type { ThemeListener, ThemeName } from './session.ts';

/** The two media queries a browser offers for the Teams themes' equivalents. */
export interface BrowserThemeSource {
  current(): ThemeName;
  subscribe(onChange: () => void): () => void;
}

export function createBrowserThemeSource(matchMedia: (query: string) => MediaQueryList): BrowserThemeSource {
  const dark = matchMedia('(prefers-color-scheme: dark)');
  // Windows high contrast (forced colours) is what Teams' `contrast` theme stands for.
  const forced = matchMedia('(forced-colors: active)');
  return {
    current: () => (forced.matches ? 'contrast' : dark.matches ? 'dark' : 'default'),
    subscribe(onChange) {
      dark.addEventListener('change', onChange);
      forced.addEventListener('change', onChange);
      return () => {
        dark.removeEventListener('change', onChange);
        forced.removeEventListener('change', onChange);
      };
    },
  };
}

export function subscribeBrowserTheme(source: BrowserThemeSource, listener: ThemeListener): () => void {
  return source.subscribe(() => listener(source.current()));
}
