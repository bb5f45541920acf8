import type { ResolvedLocale } from '@confer/contracts/i18n';

/** `<html lang dir>` for screen readers, hyphenation, fonts and the browser's own right-to-left layout. */
export function applyDocumentLocale(locale: ResolvedLocale, root: HTMLElement = document.documentElement): void {
  root.lang = locale.formatLocale;
  root.dir = locale.direction;
}
