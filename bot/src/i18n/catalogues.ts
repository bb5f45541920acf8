import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTranslator, type ResolvedLocale, resolveLocale, type Translator } from '@confer/contracts/i18n';
import { loadCatalogueDirectory } from '@confer/contracts/i18n/node';

/**
 * The bot's message catalogues: `bot/src/i18n/messages/<language>/<namespace>.json`, every namespace
 * file included. Keys are `<namespace>.<key>`.
 */
// The path is built without the global URL: under a DOM test environment that is the DOM's class, which
// fileURLToPath does not accept.
export const botCatalogues = loadCatalogueDirectory(join(dirname(fileURLToPath(import.meta.url)), 'messages'));

const translators = new Map<string, Translator>();

/**
 * A translator for a recipient: `locale` is a resolved locale or any locale tag (a Teams activity's
 * `locale`, a mailbox's language); unshipped or missing tags give English. One translator is kept per
 * formatting locale, so messages are parsed once.
 */
export function botTranslator(locale: ResolvedLocale | string | null | undefined): Translator {
  const resolved = typeof locale === 'object' && locale !== null ? locale : resolveLocale(locale);
  let translator = translators.get(resolved.formatLocale);
  if (!translator) {
    translator = createTranslator(botCatalogues, resolved);
    translators.set(resolved.formatLocale, translator);
  }
  return translator;
}
