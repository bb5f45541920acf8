import { describe, expect, it, vi } from 'vitest';
import { mergeNamespaceFiles } from './catalogue-files.ts';
import { catalogueProblems } from './check.ts';
import { acceptLanguageTags, resolveLocale } from './locales.ts';
import { type Catalogues, createTranslator, UnknownMessageError } from './translator.ts';

const complete = (messages: Record<string, string>): Catalogues =>
  ({ en: messages, de: messages, fr: messages, es: messages, ja: messages, ar: messages }) as Catalogues;

describe('resolveLocale', () => {
  it('matches a shipped language and keeps the tag for formatting', () => {
    expect(resolveLocale('de-AT')).toEqual({ language: 'de', formatLocale: 'de-AT', direction: 'ltr' });
    expect(resolveLocale('en_us')).toEqual({ language: 'en', formatLocale: 'en-US', direction: 'ltr' });
    expect(resolveLocale('ar-EG').direction).toBe('rtl');
  });
  it('skips unshipped and malformed tags and falls back to English', () => {
    expect(resolveLocale('pt-BR', '%%', 'ja-JP').language).toBe('ja');
    expect(resolveLocale(undefined, null, 'xx')).toEqual({ language: 'en', formatLocale: 'en', direction: 'ltr' });
  });
  it('orders Accept-Language by weight', () => {
    expect(acceptLanguageTags('fr;q=0.5, de-CH, *;q=0.1, es;q=0')).toEqual(['de-CH', 'fr']);
  });
});

describe('createTranslator', () => {
  const catalogues = complete({
    'a.count': '{count, plural, one {# meeting} other {# meetings}}',
    'a.hi': 'Hi {name}',
  });
  it('formats plurals and placeholders in the language', () => {
    const t = createTranslator(catalogues, resolveLocale('en'));
    expect(t.t('a.count', { count: 1 })).toBe('1 meeting');
    expect(t.t('a.count', { count: 3 })).toBe('3 meetings');
    expect(t.t('a.hi', { name: 'Megan' })).toBe('Hi Megan');
    expect(t.list(['A', 'B', 'C'])).toBe('A, B, and C');
  });
  it('never asks the engine which locales it supports, however many messages there are', () => {
    const many = complete(
      Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`m${i}`, `{n, plural, other {# ${i}}}`])),
    );
    const spy = vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf');
    const t = createTranslator(many, resolveLocale('fr-CA'));
    for (let i = 0; i < 20; i++) expect(t.t(`m${i}`, { n: 2 })).toBe(`2 ${i}`);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
  it('throws a coded error for an unknown key', () => {
    const t = createTranslator(catalogues, resolveLocale('de'));
    expect(() => t.t('nope')).toThrow(UnknownMessageError);
  });
});

describe('catalogueProblems', () => {
  it('finds missing keys, extra keys and placeholder differences', () => {
    const catalogues = {
      ...complete({ greet: 'Hi {name}', n: '{n, plural, other {#}}' }),
      de: { greet: 'Hallo {nom}', extra: 'x' },
    } as unknown as Catalogues;
    const problems = catalogueProblems(catalogues).filter((p) => p.language === 'de');
    expect(problems.map((p) => [p.key, p.problem.split(' ')[0]])).toEqual([
      ['greet', 'placeholders'],
      ['n', 'missing'],
      ['extra', 'not'],
    ]);
  });
  it('passes a complete catalogue', () => {
    expect(catalogueProblems(complete({ a: '{x} {y, select, a {1} other {2}}' }))).toEqual([]);
  });
});

describe('mergeNamespaceFiles', () => {
  it('prefixes keys with the namespace and refuses a key given twice', () => {
    const merged = mergeNamespaceFiles({ './messages/de/home.json': { title: 'Start' } });
    expect(merged.de['home.title']).toBe('Start');
    expect(() => mergeNamespaceFiles({ 'x/de/home.json': { title: '1' }, 'y/de/home.json': { title: '2' } })).toThrow();
  });
});
