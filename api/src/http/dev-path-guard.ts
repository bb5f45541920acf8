import { posix } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../domain/app-error.ts';

/** Percent-decoding rounds tried before a path is called unreadable (`%2564` is two rounds from `d`). */
const MAX_DECODING_ROUNDS = 4;

/**
 * Keeps everything under `/dev` (the Teams-host emulation) unreachable when the emulation is off. Express
 * routes on the raw path but the static file server decodes it, so `/%64ev/…`, `/dev%2F…` or `/DEV/…` would
 * slip past a plain `app.use('/dev', …)`: the decision is made on the decoded, normalised path instead.
 */
export function refuseDevPaths() {
  return (req: Request, _res: Response, next: NextFunction) => {
    const path = normalisedPath(req.path);
    if (path === null) return next(new AppError('bad_request', 'The request path is not valid percent-encoding.'));
    if (path === '/dev' || path.startsWith('/dev/')) {
      return next(new AppError('not_found', `No such endpoint: ${req.method} ${req.path}`));
    }
    next();
  };
}

/** The path as a file server would resolve it: decoded (repeatedly), `\` as `/`, dot segments resolved, lower case. */
export function normalisedPath(rawPath: string): string | null {
  let path = rawPath;
  for (let round = 0; path.includes('%'); round++) {
    if (round === MAX_DECODING_ROUNDS) return null;
    try {
      path = decodeURIComponent(path);
    } catch {
      return null;
    }
  }
  return posix.normalize(`/${path.replaceAll('\\', '/')}`).toLowerCase();
}
