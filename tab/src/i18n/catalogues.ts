/// <reference types="vite/client" />
import {
  type Catalogues,
  createTranslator,
  FALLBACK_LANGUAGE,
  type Language,
  type Messages,
  mergeNamespaceFiles,
  type ResolvedLocale,
  resolveLocale,
  type Translator,
} from '@confer/contracts/i18n';

// English is in the entry chunk: it is the fallback for every language and most people's first screen. Every
// other language's files are separate chunks, and only the language a person reads is downloaded.
const englishFiles = import.meta.glob<Messages>('./messages/en/*.json', { eager: true, import: 'default' });
const otherFiles = import.meta.glob<Messages>(['./messages/*/*.json', '!./messages/en/*.json'], { import: 'default' });

const english: Messages = mergeNamespaceFiles(englishFiles)[FALLBACK_LANGUAGE];

/** The English messages, keyed `<namespace>.<key>` (for the completeness test and the fallback). */
export function englishMessages(): Messages {
  return english;
}

const loaded = new Map<Language, Messages>([[FALLBACK_LANGUAGE, english]]);
const pending = new Map<Language, Promise<Messages>>();
// One translator per locale: a translator keeps its parsed messages, so each message is parsed once.
const translators = new Map<string, Translator>();

function catalogueOf(language: Language, messages: Messages): Catalogues {
  return { [FALLBACK_LANGUAGE]: english, [language]: messages } as unknown as Catalogues;
}

function translatorFor(locale: ResolvedLocale, messages: Messages): Translator {
  const cacheKey = `${locale.language}|${locale.formatLocale}`;
  let translator = translators.get(cacheKey);
  if (!translator) {
    translator = createTranslator(catalogueOf(locale.language, messages), locale);
    translators.set(cacheKey, translator);
  }
  return translator;
}

/** English, formatted for `formatLocale` (an English tag: `en-GB` keeps its own dates). */
export function englishTranslator(formatLocale: string = FALLBACK_LANGUAGE): Translator {
  return translatorFor(resolveLocale(formatLocale, FALLBACK_LANGUAGE), english);
}

/** The translator for `locale` if its messages are already here (English always is), else null. */
export function loadedTranslator(locale: ResolvedLocale): Translator | null {
  const messages = loaded.get(locale.language);
  return messages ? translatorFor(locale, messages) : null;
}

async function loadMessages(language: Language): Promise<Messages> {
  const prefix = `./messages/${language}/`;
  const entries = await Promise.all(
    Object.entries(otherFiles)
      .filter(([path]) => path.startsWith(prefix))
      .map(async ([path, load]) => [path, await load()] as const),
  );
  return mergeNamespaceFiles(Object.fromEntries(entries))[language];
}

/**
 * The translator for `locale`, downloading its language's messages the first time. A download that fails is
 * tried again on the next call rather than remembered.
 */
export async function loadTranslator(locale: ResolvedLocale): Promise<Translator> {
  const ready = loadedTranslator(locale);
  if (ready) return ready;
  let download = pending.get(locale.language);
  if (!download) {
    download = loadMessages(locale.language).then(
      (messages) => {
        loaded.set(locale.language, messages);
        pending.delete(locale.language);
        return messages;
      },
      (error: unknown) => {
        pending.delete(locale.language);
        throw error;
      },
    );
    pending.set(locale.language, download);
  }
  return translatorFor(locale, await download);
}
