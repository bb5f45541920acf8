import { describe, expect, it } from 'vitest';
import { adaptiveCardProblems } from '../../test/parse-adaptive-card.ts';
import { commandNames } from '../commands.ts';
import { botText } from '../i18n/bot-text.ts';
import type { AdaptiveCard } from './adaptive-card.ts';
import { buildHelpCard } from './help-card.ts';
import { buildWelcomeCard } from './welcome-card.ts';

const text = botText('en-GB');
const tabUrl = 'http://localhost:3978/';

function texts(card: AdaptiveCard): string[] {
  return card.body.flatMap((element) => (element.type === 'TextBlock' ? [element.text] : []));
}

describe('welcome card', () => {
  it.each([
    ['with a name', 'Alex Wilber', 'Hi Alex Wilber, welcome to Confer'],
    ['without a name', null, 'Hi, welcome to Confer'],
  ])('is a valid Adaptive Card 1.5 %s', (_case, userName, headline) => {
    const card = buildWelcomeCard({ userName, tabUrl }, text);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card.version).toBe('1.5');
    expect(texts(card)[0]).toBe(headline);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open Confer', url: tabUrl }]);
  });

  it('says what Confer does and how to get help', () => {
    const all = texts(buildWelcomeCard({ userName: 'Alex Wilber', tabUrl }, text)).join('\n');
    expect(all).toContain('Outlook calendar');
    expect(all).toContain('**help**');
  });
});

describe('help card', () => {
  it.each([false, true])('is a valid Adaptive Card 1.5 (unrecognised: %s)', (unrecognised) => {
    const card = buildHelpCard({ commands: commandNames, unrecognised, tabUrl }, text);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(texts(card).includes(text.help.unrecognised)).toBe(unrecognised);
  });

  it('lists exactly the commands it is given, with their descriptions', () => {
    const card = buildHelpCard({ commands: ['help'], unrecognised: false, tabUrl }, text);
    const factSet = card.body.find((element) => element.type === 'FactSet');
    expect(factSet).toEqual({ type: 'FactSet', facts: [{ title: 'help', value: 'Shows this list.' }] });
    expect(card.actions?.[0]).toMatchObject({ type: 'Action.OpenUrl', url: tabUrl });
  });
});

describe('card validation', () => {
  it('reports what the Teams renderer would reject', () => {
    const broken = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Sparkle' }],
      actions: [{ type: 'Action.OpenUrl', title: 'x' }],
    };
    expect(adaptiveCardProblems(broken)).toEqual([
      expect.stringContaining('Unknown element type "Sparkle"'),
      expect.stringContaining('Property "url" must be set'),
    ]);
  });
});
