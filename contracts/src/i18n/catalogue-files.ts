import { SHIPPED_LANGUAGES } from './locales.ts';
import type { Catalogues } from './translator.ts';

/**
 * Merges namespace files into one catalogue per language: `files` maps a path such as
 * `./messages/de/schedule.json` (any prefix; the language is the folder above the file) to its
 * messages. Keys are prefixed with the namespace (`schedule.title`). Two files giving one key throw.
 */
export function mergeNamespaceFiles(files: Readonly<Record<string, Readonly<Record<string, string>>>>): Catalogues {
  const result: Record<string, Record<string, string>> = Object.fromEntries(
    SHIPPED_LANGUAGES.map((language) => [language, {}]),
  );
  for (const [path, messages] of Object.entries(files)) {
    const match = /([a-z]{2})\/([a-z0-9-]+)\.json$/.exec(path);
    if (!match) throw new Error(`Catalogue file ${path} is not <language>/<namespace>.json`);
    const [, language = '', namespace = ''] = match;
    const target = result[language];
    if (!target) throw new Error(`Catalogue file ${path} is for an unshipped language`);
    for (const [key, message] of Object.entries(messages)) {
      const full = `${namespace}.${key}`;
      if (full in target) throw new Error(`Message ${full} is given twice for ${language}`);
      target[full] = message;
    }
  }
  return result as unknown as Catalogues;
}
