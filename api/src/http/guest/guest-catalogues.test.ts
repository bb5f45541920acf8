import { SHIPPED_LANGUAGES } from '@confer/contracts/i18n';
import { catalogueProblems } from '@confer/contracts/i18n/check';
import { describe, expect, it } from 'vitest';
import { guestCatalogues, guestTranslator } from './guest-catalogues.ts';

describe('guest page catalogues', () => {
  it('every shipped language has every key with the same placeholders', () => {
    expect(catalogueProblems(guestCatalogues)).toEqual([]);
    for (const language of SHIPPED_LANGUAGES) expect(Object.keys(guestCatalogues[language]).length).toBeGreaterThan(0);
  });

  it("follows the browser's Accept-Language, English otherwise", () => {
    expect(guestTranslator('fr-CH, en;q=0.5').locale.language).toBe('fr');
    expect(guestTranslator('ar').locale.direction).toBe('rtl');
    expect(guestTranslator('pt-BR').locale.language).toBe('en');
    expect(guestTranslator(undefined).locale.language).toBe('en');
  });
});
