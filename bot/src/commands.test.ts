import { describe, expect, it } from 'vitest';
import { parseCommand } from './commands.ts';

describe('parseCommand', () => {
  it.each([
    ['help', 'help'],
    ['  HELP ', 'help'],
    ['Help\n', 'help'],
    ['help me', undefined],
    ['', undefined],
    [undefined, undefined],
    ['schedule with Megan', undefined],
  ])('%j → %s', (input, expected) => {
    expect(parseCommand(input)).toBe(expected);
  });
});
