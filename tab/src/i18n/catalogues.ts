/// <reference types="vite/client" />
import {
  type Catalogues,
  createTranslator,
  FALLBACK_LANGUAGE,
  type Language,
  type Messages,
  type MessageValues,
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

type Template = (values: MessageValues) => string | null;

/**
 * A message whose only placeholders are plain `{name}` arguments, as a function that fills them in (null for any
 * other message: plurals, selects, numbers, ICU quotes). The week grid names each of its few hundred cells with
 * such messages on every render, and a full ICU format of each costs tens of microseconds; this is string joining.
 */
function simpleTemplate(text: string): Template | null {
  if (/'[{}#'|]/.test(text)) return null;
  const pieces = text.split(/\{\s*([A-Za-z0-9_]+)\s*\}/);
  if (pieces.some((piece, index) => index % 2 === 0 && /[{}]/.test(piece))) return null;
  return (values) => {
    let out = '';
    for (let index = 0; index < pieces.length; index++) {
      const piece = pieces[index] ?? '';
      if (index % 2 === 0) {
        out += piece;
        continue;
      }
      const value = values[piece];
      // Anything but a string or a number is left to the full formatter (which also reports a missing value).
      if (typeof value !== 'string' && typeof value !== 'number') return null;
      out += String(value);
    }
    return out;
  };
}

/**
 * Messages are asked for again on every render: one without placeholders is kept once made, and one with plain
 * `{name}` arguments only is filled in directly (`simpleTemplate`); every other message goes to the ICU translator.
 */
function withFastPaths(translator: Translator, messages: Messages): Translator {
  const fixed = new Map<string, string>();
  const templates = new Map<string, Template | null>();
  const textOf = (key: string) => messages[key] ?? english[key];
  return {
    locale: translator.locale,
    has: (key) => translator.has(key),
    list: (items, type) => translator.list(items, type),
    number: (value, options) => translator.number(value, options),
    t(key, values) {
      if (!values) {
        let text = fixed.get(key);
        if (text === undefined) {
          text = translator.t(key);
          fixed.set(key, text);
        }
        return text;
      }
      let template = templates.get(key);
      if (template === undefined) {
        const text = textOf(key);
        template = text === undefined ? null : simpleTemplate(text);
        templates.set(key, template);
      }
      return template?.(values) ?? translator.t(key, values);
    },
  };
}

function translatorFor(locale: ResolvedLocale, messages: Messages): Translator {
  const cacheKey = `${locale.language}|${locale.formatLocale}`;
  let translator = translators.get(cacheKey);
  if (!translator) {
    translator = withFastPaths(createTranslator(catalogueOf(locale.language, messages), locale), messages);
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
