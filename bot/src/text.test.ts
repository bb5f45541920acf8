import { describe, expect, it } from 'vitest';
import { commandNames } from './commands.ts';
import { textFor } from './text.ts';

describe('textFor', () => {
  it.each(['en-US', 'en', 'EN-gb', 'fr-FR', undefined, ''])('gives a complete catalogue for %j', (locale) => {
    const text = textFor(locale);
    expect(text.productName).toBe('Confer');
    for (const name of commandNames) expect(text.commands[name].description).not.toBe('');
  });
});
