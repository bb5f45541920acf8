import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeNamespaceFiles, resolveLocale, SHIPPED_LANGUAGES } from '@confer/contracts/i18n';
import { catalogueProblems } from '@confer/contracts/i18n/check';
import { describe, expect, it } from 'vitest';
import { englishMessages, loadTranslator } from './catalogues.ts';

const files = import.meta.glob<Record<string, string>>('./messages/*/*.json', { eager: true, import: 'default' });
const catalogues = mergeNamespaceFiles(files);
const english = englishMessages();

const sourceRoot = fileURLToPath(new URL('..', import.meta.url));

/** The tab's product source: everything but tests, the catalogues and the developer-only Teams-host emulation. */
function productSources(directory: string): { path: string; text: string }[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    const rel = relative(sourceRoot, path);
    if (entry.isDirectory()) return rel === 'dev-host' || rel === 'i18n/messages' ? [] : productSources(path);
    if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    return [{ path: rel, text: readFileSync(path, 'utf8') }];
  });
}

const sources = productSources(sourceRoot);

describe('the tab catalogues', () => {
  it('give every shipped language every key, with the same placeholders as English', () => {
    expect(Object.keys(english).length).toBeGreaterThan(300);
    expect(catalogueProblems(catalogues)).toEqual([]);
  });

  it('have a catalogue for each shipped language, with a file for every namespace English has', () => {
    const namespaces = (language: string) =>
      Object.keys(files)
        .filter((path) => path.includes(`/${language}/`))
        .map((path) => path.split('/').at(-1))
        .sort();
    for (const language of SHIPPED_LANGUAGES) expect(namespaces(language)).toEqual(namespaces('en'));
  });

  it('hold every key the source asks for', () => {
    const used = sources.flatMap(({ path, text }) =>
      [...text.matchAll(/\bt\(\s*'([^']+)'/g)].map((match) => ({ path, key: match[1] ?? '' })),
    );
    expect(used.length).toBeGreaterThan(300);
    expect(used.filter(({ key }) => !(key in english))).toEqual([]);
  });

  it('hold no English message the source never names', () => {
    // A key is named where it is used (`t('home.title')`) or in a table of keys (`{ busy: 'week.showAs.busy' }`).
    const named = new Set(
      sources.flatMap(({ text }) => [...text.matchAll(/'([a-z][\w.-]*\.[\w.-]+)'/g)].map((m) => m[1])),
    );
    expect(Object.keys(english).filter((key) => !named.has(key))).toEqual([]);
  });

  it('loads a language on demand and formats with its plural rules', async () => {
    const arabic = await loadTranslator(resolveLocale('ar-EG'));
    const counts = [0, 1, 2, 3, 11, 100].map((count) => arabic.t('common.attendance.minutes', { count }));
    expect(new Set(counts).size).toBeGreaterThan(3);
    const japanese = await loadTranslator(resolveLocale('ja-JP'));
    expect(japanese.t('home.title')).not.toBe(english['home.title']);
  });

  it('fills plain placeholders the way the ICU formatter does, and leaves the rest to it', async () => {
    const german = await loadTranslator(resolveLocale('de-DE'));
    expect(german.t('home.card.joinLabel', { title: 'Jour fixe' })).toBe('An Jour fixe in Teams teilnehmen');
    expect(german.t('meeting.together.meetings', { count: 1 })).toBe('1 Besprechung');
    expect(german.t('schedule.form.typeOption', { name: 'Mentoring', minutes: 1500 })).toBe('Mentoring (1.500 Min.)');
    expect(() => german.t('home.card.joinLabel', {})).toThrow();
  });
});
