import type { Request } from 'express';
import { requireIana } from '../time/time-zones.ts';

export interface Preferences {
  /** Zone name as the client wrote it; `UTC` when absent (reference "Common to all Outlook calls"). */
  zone: string;
  zoneApplied: boolean;
  bodyType: 'html' | 'text';
  maxPageSize: number | undefined;
}

/** Parses `Prefer` (possibly several headers or comma-separated values). Unknown zones answer 400. */
export function readPreferences(req: Request): Preferences {
  const raw = req.headers.prefer;
  const values = (Array.isArray(raw) ? raw : raw ? [raw] : []).flatMap((v) => v.split(','));
  const prefs: Preferences = { zone: 'UTC', zoneApplied: false, bodyType: 'html', maxPageSize: undefined };
  for (const value of values) {
    const [name, ...rest] = value.trim().split('=');
    const argument = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');
    switch (name?.trim().toLowerCase()) {
      case 'outlook.timezone':
        requireIana(argument);
        prefs.zone = argument;
        prefs.zoneApplied = true;
        break;
      case 'outlook.body-content-type':
        prefs.bodyType = argument.toLowerCase() === 'text' ? 'text' : 'html';
        break;
      case 'odata.maxpagesize': {
        const size = Number(argument);
        if (Number.isInteger(size) && size > 0) prefs.maxPageSize = size;
        break;
      }
    }
  }
  return prefs;
}

/** Graph echoes honoured preferences in `Preference-Applied`. */
export function appliedPreferences(prefs: Preferences, pageSizeApplied: boolean): string | undefined {
  const applied: string[] = [];
  if (prefs.zoneApplied) applied.push(`outlook.timezone="${prefs.zone}"`);
  if (pageSizeApplied && prefs.maxPageSize !== undefined) applied.push(`odata.maxpagesize=${prefs.maxPageSize}`);
  return applied.length ? applied.join(', ') : undefined;
}
