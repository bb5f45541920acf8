import { describe, expect, it } from 'vitest';
import { parseCommand } from './commands.ts';

describe('parseCommand', () => {
  it.each([
    ['help', { name: 'help' }],
    ['  HELP ', { name: 'help' }],
    ['Help\n', { name: 'help' }],
    ['upcoming', { name: 'upcoming' }],
    [' Upcoming ', { name: 'upcoming' }],
    ['schedule with Megan', { name: 'schedule with', who: 'Megan' }],
    ['Schedule  with   Megan Bowen ', { name: 'schedule with', who: 'Megan Bowen' }],
    ['schedule Megan', { name: 'schedule with', who: 'Megan' }],
    ['schedule with', { name: 'schedule with', who: '' }],
    ['schedule', { name: 'schedule with', who: '' }],
    [`schedule with ${'x'.repeat(100)}`, { name: 'schedule with', who: 'x'.repeat(64) }],
    ['help me', undefined],
    ['scheduled', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (input, expected) => {
    expect(parseCommand(input)).toEqual(expected);
  });
});
