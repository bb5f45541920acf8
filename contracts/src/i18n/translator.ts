import { IntlMessageFormat } from 'intl-messageformat';
import { FALLBACK_LANGUAGE, type Language, type ResolvedLocale } from './locales.ts';

/** One language's messages: key → ICU message. Nested objects are not used; keys are dotted. */
export type Messages = Readonly<Record<string, string>>;

/** Every shipped language's messages for one surface (the tab, the bot, the guest page). */
export type Catalogues = Readonly<Record<Language, Messages>>;

export type MessageValues = Readonly<Record<string, string | number | Date | boolean | null | undefined>>;

export interface Translator {
  readonly locale: ResolvedLocale;
  /** The message `key` with `values` filled in; an unknown key throws, so a typo never ships silently. */
  t(key: string, values?: MessageValues): string;
  /** Whether the catalogue has `key` (for optional messages such as per-code error texts). */
  has(key: string): boolean;
  /** Names joined for a sentence in this language: "A, B and C", "A、B、C", "A و B". */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
  /** A number in this locale. */
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

export class UnknownMessageError extends Error {
  readonly code = 'i18n_unknown_message';
  constructor(readonly key: string) {
    super(`No message "${key}" in the catalogue`);
  }
}

/**
 * A translator over `catalogues` for `locale`. Parsed messages are kept per translator, so a
 * long-lived translator (one per language) parses each message once. A key missing from the
 * language's catalogue falls back to the fallback language's (the completeness test keeps that from
 * happening in what ships).
 */
export function createTranslator(catalogues: Catalogues, locale: ResolvedLocale): Translator {
  const messages = catalogues[locale.language];
  const fallback = catalogues[FALLBACK_LANGUAGE];
  const compiled = new Map<string, IntlMessageFormat>();
  const lists = new Map<string, Intl.ListFormat>();
  const numbers = new Map<string, Intl.NumberFormat>();

  function source(key: string): { text: string; language: Language } {
    const own = messages[key];
    if (own !== undefined) return { text: own, language: locale.language };
    const other = fallback[key];
    if (other !== undefined) return { text: other, language: FALLBACK_LANGUAGE };
    throw new UnknownMessageError(key);
  }

  return {
    locale,
    has: (key) => messages[key] !== undefined || fallback[key] !== undefined,
    t(key, values) {
      let format = compiled.get(key);
      if (!format) {
        const { text, language } = source(key);
        const formatLocale = language === locale.language ? locale.formatLocale : FALLBACK_LANGUAGE;
        format = new IntlMessageFormat(text, formatLocale, undefined, { ignoreTag: true });
        compiled.set(key, format);
      }
      const result = format.format(values as Record<string, string | number | Date | boolean>);
      return Array.isArray(result) ? result.join('') : String(result);
    },
    list(items, type = 'conjunction') {
      let format = lists.get(type);
      if (!format) {
        format = new Intl.ListFormat(locale.formatLocale, { style: 'long', type });
        lists.set(type, format);
      }
      return format.format(items);
    },
    number(value, options) {
      const cacheKey = JSON.stringify(options ?? {});
      let format = numbers.get(cacheKey);
      if (!format) {
        format = new Intl.NumberFormat(locale.formatLocale, options);
        numbers.set(cacheKey, format);
      }
      return format.format(value);
    },
  };
}
