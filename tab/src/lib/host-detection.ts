/** Where the page runs, decided synchronously so a plain browser never waits for teams-js's 60 s timeout. */
export type HostKind = 'browser' | 'framed' | 'popup';

export interface WindowLike {
  readonly self: unknown;
  readonly top: unknown;
  readonly opener: unknown;
}

/**
 * teams-js rejects at once when the page is top-level with no opener, and otherwise waits up to 60 s for a
 * parent that may never answer (docs/reference/teams-platform.md §3). A top-level window without an opener is
 * therefore a plain browser; a framed page may be Teams; a top-level page with an opener is an authentication
 * popup.
 */
export function detectHostKind(win: WindowLike): HostKind {
  if (win.self !== win.top) return 'framed';
  return win.opener ? 'popup' : 'browser';
}
