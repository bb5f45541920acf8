import { catalogueProblems } from '@confer/contracts/i18n/check';
import { describe, expect, it } from 'vitest';
import { botCatalogues, botTranslator } from './catalogues.ts';

describe('bot catalogues', () => {
  it('every shipped language has every key with the same placeholders', () => {
    expect(catalogueProblems(botCatalogues)).toEqual([]);
  });

  it('keeps one translator per locale and falls back to English', () => {
    expect(botTranslator('de-DE')).toBe(botTranslator('de-DE'));
    expect(botTranslator('pt-BR').locale.language).toBe('en');
    expect(botTranslator(undefined).locale.language).toBe('en');
  });
});
