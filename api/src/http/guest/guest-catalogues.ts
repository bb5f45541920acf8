import { fileURLToPath } from 'node:url';
import {
  acceptLanguageTags,
  createTranslator,
  type ResolvedLocale,
  resolveLocale,
  type Translator,
} from '@confer/contracts/i18n';
import { loadCatalogueDirectory } from '@confer/contracts/i18n/node';

/** The guest page's catalogues: `api/src/http/guest/messages/<language>/guest.json`; keys are `guest.<key>`. */
export const guestCatalogues = loadCatalogueDirectory(fileURLToPath(new URL('./messages', import.meta.url)));

const translators = new Map<string, Translator>();

/** The guest's language from their browser's `Accept-Language`; English when none of theirs is shipped. */
export function guestTranslator(acceptLanguage: string | undefined): Translator {
  const locale: ResolvedLocale = resolveLocale(...acceptLanguageTags(acceptLanguage));
  let translator = translators.get(locale.formatLocale);
  if (!translator) {
    translator = createTranslator(guestCatalogues, locale);
    // Bounded: a browser can send any tag, but only shipped languages resolve, each with a few regional forms.
    if (translators.size < 200) translators.set(locale.formatLocale, translator);
  }
  return translator;
}
