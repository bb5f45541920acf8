import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/app-error.ts';
import { resolveWindow } from './load-availability.ts';

describe('resolveWindow', () => {
  it('defaults to two weeks from now, floored to the quarter hour so requests moments apart share one window', () => {
    const first = resolveWindow(new Date('2026-11-21T10:07:13.123Z'));
    const second = resolveWindow(new Date('2026-11-21T10:14:59.999Z'));
    expect(first).toEqual(second);
    expect(first.start.toISOString()).toBe('2026-11-21T10:00:00.000Z');
    expect(first.end.toISOString()).toBe('2026-12-05T10:00:00.000Z');
  });

  it('keeps a window the caller gives', () => {
    const window = resolveWindow(new Date(), '2026-11-23T09:05:00Z', '2026-11-24T09:05:00Z');
    expect(window.start.toISOString()).toBe('2026-11-23T09:05:00.000Z');
  });

  it.each([
    ['ending before it starts', '2026-11-24T00:00:00Z', '2026-11-23T00:00:00Z'],
    ['of 62 days', '2026-11-01T00:00:00Z', '2027-01-02T00:00:00Z'],
  ])('refuses a window %s', (_name, start, end) => {
    expect(() => resolveWindow(new Date(), start, end)).toThrow(AppError);
  });
});
