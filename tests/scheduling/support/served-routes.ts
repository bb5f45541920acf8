import type { Stack } from '../../support/stack.ts';

/** What Express 5's router keeps of each `app.use` / `app.get` (router@2 Layer). */
interface Layer {
  rawPath?: string | string[];
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/**
 * `METHOD /path` of every REST route the running app serves under /api, and the guest page's routes under
 * /guest/{token}, read from its router tree (path parameters as OpenAPI writes them). Left out: the bot endpoint (/api/messages), which speaks the Bot
 * Framework protocol, and /api/openapi.json, the document itself.
 */
export function servedRoutes(stack: Stack): string[] {
  const app = stack.composed.app as unknown as { router: { stack: Layer[] } };
  const found = new Set<string>();
  const walk = (layers: Layer[], prefix: string) => {
    for (const layer of layers) {
      const path = typeof layer.rawPath === 'string' ? layer.rawPath : '';
      if (layer.route) {
        const full = `${prefix}${layer.route.path === '/' ? '' : layer.route.path}`.replace(/:(\w+)/g, '{$1}');
        for (const method of Object.keys(layer.route.methods)) found.add(`${method.toUpperCase()} ${full}`);
      } else if (layer.handle.stack) {
        walk(layer.handle.stack, `${prefix}${path === '/' ? '' : path}`);
      }
    }
  };
  walk(app.router.stack, '');
  return [...found]
    .filter(
      (r) =>
        (r.split(' ')[1]?.startsWith('/api/') || r.split(' ')[1]?.startsWith('/guest/{token}')) &&
        !r.includes('/api/messages') &&
        r !== 'GET /api/openapi.json',
    )
    .sort();
}
