import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeNamespaceFiles } from './catalogue-files.ts';
import { SHIPPED_LANGUAGES } from './locales.ts';
import type { Catalogues } from './translator.ts';

/**
 * Reads a surface's catalogues from `directory`/<language>/<namespace>.json (server side only).
 * Every namespace file found is included, so a feature adds its messages by adding its own file.
 */
export function loadCatalogueDirectory(directory: string): Catalogues {
  const files: Record<string, Record<string, string>> = {};
  for (const language of SHIPPED_LANGUAGES) {
    const folder = join(directory, language);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      if (!name.endsWith('.json')) continue;
      const path = join(folder, name);
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new Error(`Catalogue file ${path} is not an object of messages`);
      }
      for (const [key, value] of Object.entries(parsed)) {
        if (typeof value !== 'string') throw new Error(`Catalogue file ${path}: message ${key} is not a string`);
      }
      files[`${language}/${name}`] = parsed as Record<string, string>;
    }
  }
  return mergeNamespaceFiles(files);
}
