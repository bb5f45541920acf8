import type { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import { toAppErrorFromGraph } from './graph-errors.ts';

/** Runs one Graph request; whatever fails comes out as an AppError with the original as `cause`. */
export async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw toAppErrorFromGraph(error);
  }
}

/** A Graph answer that does not fit the schema is `graph_bad_response`, never a crash deeper in. */
export function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError('graph_bad_response', `Microsoft Graph returned an unexpected ${what}.`, {
      cause: result.error,
    });
  }
  return result.data;
}
