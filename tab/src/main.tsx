import { resolveLocale } from '@confer/contracts/i18n';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { type BootDeps, bootstrap } from './app/bootstrap.ts';
import { isLazyPage, preloadPage } from './app/page-modules.ts';
import { parseRoute } from './app/routes.ts';
import { loadTranslator } from './i18n/catalogues.ts';
import { createBrowserThemeSource } from './lib/browser-theme.ts';
import { detectHostKind } from './lib/host-detection.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const deps: BootDeps = {
  fetch: window.fetch.bind(window),
  origin: window.location.origin,
  returnUrl: `${window.location.origin}${window.location.pathname}`,
  // A link such as the invitation's "Open in Confer" (`/#/meetings/{id}`) still lands there after signing in.
  startPage: () =>
    `${window.location.origin}${window.location.pathname}${window.location.hash.startsWith('#/') ? window.location.hash : ''}`,
  locale: navigator.language || 'en-US',
  languages: navigator.languages.length > 0 ? [...navigator.languages] : [navigator.language],
  themeSource: createBrowserThemeSource((query) => window.matchMedia(query)),
};

// The page's code downloads while the tab signs in; a failure is offered again when the page is shown.
const startRoute = parseRoute(window.location.hash).page;
if (isLazyPage(startRoute)) preloadPage(startRoute).catch(() => undefined);

// The browser's language is downloaded while the tab starts, for the sign-in screen and, in a browser, every page.
loadTranslator(resolveLocale(...deps.languages)).catch(() => undefined);

// A window opened by another page (a link with an opener) is still a plain browser for the tab itself.
const host = detectHostKind(window) === 'framed' ? 'framed' : 'browser';
// Started before React's first render, so the host and the API are asked while the page paints its skeleton.
createRoot(root).render(<App host={host} deps={deps} firstBoot={bootstrap(host, deps)} />);
