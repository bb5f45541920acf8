import { describe, expect, it } from 'vitest';
import { detectHostKind } from './host-detection.ts';

describe('detectHostKind', () => {
  const top = {};
  it('treats a top-level window without opener as a plain browser', () => {
    expect(detectHostKind({ self: top, top, opener: null })).toBe('browser');
  });
  it('treats a framed page as a possible Teams host', () => {
    expect(detectHostKind({ self: {}, top, opener: null })).toBe('framed');
  });
  it('treats a top-level window with an opener as an authentication popup', () => {
    expect(detectHostKind({ self: top, top, opener: {} })).toBe('popup');
  });
});
