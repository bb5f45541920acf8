import type { ActionFailureCode, ActionResult } from '@confer/bot/ports';
import { AppError, type AppErrorCode } from '../../domain/app-error.ts';

const failures: Partial<Record<AppErrorCode, ActionFailureCode>> = {
  not_found: 'not_found',
  unknown_person: 'not_found',
  forbidden: 'forbidden',
  version_conflict: 'version_conflict',
  conflict: 'version_conflict',
  meeting_not_editable: 'not_editable',
  bad_request: 'invalid_input',
  validation_failed: 'invalid_input',
  conflicts_found: 'conflicts',
  consent_required: 'not_connected',
  interaction_required: 'not_connected',
  connection_expired: 'not_connected',
  not_connected: 'not_connected',
  outside_access_policy: 'not_connected',
  mailbox_not_enabled: 'not_connected',
};

/**
 * A use case's answer as the bot's result: refusals (AppError) become a code the card can show;
 * anything else is a fault and is thrown on, for the bot to log.
 */
export async function attempt<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false, code: failures[error.code] ?? 'unavailable', message: error.message };
  }
}
