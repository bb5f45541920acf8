import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CalendarChange, GraphContext, GraphFeature } from '../graph/context.ts';

export interface LoadedFeatures {
  calendar?: GraphFeature;
  subscriptions?: GraphFeature & { onChange(change: CalendarChange): void };
}

export interface FeatureDeps {
  context: GraphContext;
  /** Delivers notifications and validation requests to the app's webhook URLs (plain http(s)). */
  fetch: typeof fetch;
}

/**
 * The calendar and subscriptions features live in their own folders and are mounted when present, so the core
 * builds and runs on its own (identity, directory, mail, batch) while they grow.
 */
export async function loadFeatures(deps: FeatureDeps): Promise<LoadedFeatures> {
  const loaded: LoadedFeatures = {};
  const calendar = await importIfPresent('../calendar/index.ts');
  if (calendar && typeof calendar.createCalendarFeature === 'function') {
    loaded.calendar = asFeature(calendar.createCalendarFeature(deps.context), 'calendar');
  }
  const subscriptions = await importIfPresent('../subscriptions/index.ts');
  if (subscriptions && typeof subscriptions.createSubscriptionsFeature === 'function') {
    const feature = asFeature(
      subscriptions.createSubscriptionsFeature(deps.context, { fetch: deps.fetch }),
      'subscriptions',
    );
    const onChange = (feature as { onChange?: unknown }).onChange;
    if (typeof onChange !== 'function') throw new Error('The subscriptions feature does not expose onChange(change).');
    loaded.subscriptions = Object.assign(feature, {
      onChange: (change: CalendarChange) => onChange.call(feature, change),
    });
  }
  return loaded;
}

async function importIfPresent(relative: string): Promise<Record<string, unknown> | undefined> {
  const url = new URL(relative, import.meta.url);
  if (!existsSync(fileURLToPath(url))) return undefined;
  return (await import(url.href)) as Record<string, unknown>;
}

function asFeature(value: unknown, name: string): GraphFeature {
  const candidate = value as Partial<GraphFeature> | null;
  const ok =
    candidate !== null &&
    typeof candidate === 'object' &&
    typeof candidate.router === 'function' &&
    typeof candidate.snapshot === 'function' &&
    typeof candidate.restore === 'function' &&
    typeof candidate.reset === 'function';
  if (!ok) throw new Error(`The ${name} feature does not implement GraphFeature (router, snapshot, restore, reset).`);
  return candidate as GraphFeature;
}
