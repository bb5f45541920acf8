import type { Translator } from '@confer/contracts/i18n';
import { createContext, useContext } from 'react';
import { englishTranslator } from './catalogues.ts';

/**
 * The translator for the person's locale. Its value changes only when the locale does (one translator per
 * locale, made once), so typing or a page's own state never re-renders the tree because of it.
 */
export const I18nContext = createContext<Translator>(englishTranslator());

/** The person's translator: `t(key, values)`, `list`, `number`, and `locale` (language, format tag, direction). */
export function useT(): Translator {
  return useContext(I18nContext);
}
