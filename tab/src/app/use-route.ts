import { useCallback, useEffect, useState } from 'react';
import { hrefOf, parseRoute, type Route, routeOfSubPage } from './routes.ts';

/**
 * The current route, following `hashchange`. A Teams deep link (`subPageId`) wins over an empty hash on the
 * first render only: later navigation is the person's.
 */
export function useRoute(subPageId: string): { route: Route; navigate: (route: Route) => void } {
  const [route, setRoute] = useState<Route>(() => initialRoute(subPageId));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => {
    window.location.hash = hrefOf(next);
  }, []);
  return { route, navigate };
}

function initialRoute(subPageId: string): Route {
  const fromHash = parseRoute(window.location.hash);
  const hashIsEmpty = window.location.hash === '' || window.location.hash === '#' || window.location.hash === '#/';
  const fromTeams = hashIsEmpty ? routeOfSubPage(subPageId) : null;
  if (fromTeams) {
    // The address then says where the person is, so a reload or a copied link keeps the page.
    window.history.replaceState(null, '', hrefOf(fromTeams));
    return fromTeams;
  }
  return fromHash;
}
