import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../domain/app-error.ts';
import type { TokenValidator } from '../ports/identity.ts';

/** Identity comes only from the validated bearer token (docs/reference/design.md §3). */
export function authenticate(validator: TokenValidator) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    try {
      const header = req.header('authorization');
      if (!header) throw new AppError('token_missing', 'Sign in first: the request carries no access token.');
      const match = /^Bearer ([^\s]+)$/i.exec(header);
      if (!match?.[1]) throw new AppError('token_malformed', 'The Authorization header is not a Bearer token.');
      req.context.identity = await validator.validate(match[1]);
      next();
    } catch (error) {
      next(error);
    }
  };
}

export function identityOf(req: Request) {
  const identity = req.context.identity;
  if (!identity) throw new AppError('token_missing', 'Sign in first: the request carries no access token.');
  return identity;
}
