import { type ComposedApp, composeApp } from '../../../api/src/compose.ts';
import { createLogger } from '../../../api/src/logging/logger.ts';
import type { MeetingStore } from '../../../api/src/ports/meeting-store.ts';
import type { Stack } from '../../support/stack.ts';

/** A second app instance on the same SQLite file and token-cache key: what a restart after a crash starts with. */
export function restartedApp(stack: Stack): ComposedApp {
  return composeApp({
    config: stack.config,
    logger: createLogger('silent'),
    clock: stack.devtenant.clock,
    version: 'test-restart',
    trustedCaPem: stack.devtenant.caPem,
    databaseFile: stack.databaseFile,
    tabDir: null,
  });
}

/** Thrown where the process "dies": the request never completes its work after this point. */
export class ProcessKilled extends Error {
  constructor(where: string) {
    super(`process killed ${where}`);
  }
}

/**
 * Makes the running app "die" once: right after the intent is recorded (before any Graph create), or right
 * before the record is completed (after the Graph create). The request fails where the process would have
 * stopped, and nothing after that point runs. Gives back a function that puts the real store back.
 */
export function killOnce(stack: Stack, moment: 'after-intent' | 'before-commit'): () => void {
  const deps = stack.composed.scheduling;
  const real = deps.meetings;
  let armed = true;
  const dying: MeetingStore =
    moment === 'after-intent'
      ? {
          ...real,
          async insert(meeting) {
            await real.insert(meeting);
            if (!armed) return;
            armed = false;
            throw new ProcessKilled('after recording the intent');
          },
        }
      : {
          ...real,
          async update(meeting, expectedVersion) {
            if (armed && meeting.status === 'scheduled' && meeting.graphEventId) {
              armed = false;
              throw new ProcessKilled('between the Graph create and the store commit');
            }
            return real.update(meeting, expectedVersion);
          },
        };
  deps.meetings = dying;
  return () => {
    deps.meetings = real;
  };
}
