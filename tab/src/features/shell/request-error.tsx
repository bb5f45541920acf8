import { useTabServices } from '../../app/tab-services.ts';
import { type AppError, consentScopesOf } from '../../lib/app-error.ts';
import { ErrorPanel } from './error-panel.tsx';

/** A failed read, with what to do: retry, grant consent (then retry) or sign in again. */
export function RequestError({
  error,
  onRetry,
  failedTitle,
}: {
  error: AppError;
  onRetry: () => void;
  failedTitle: string;
}) {
  const { session } = useTabServices();
  return (
    <ErrorPanel
      error={error}
      failedTitle={failedTitle}
      onRetry={onRetry}
      onConsent={async () => {
        await session.requestConsent(consentScopesOf(error));
        onRetry();
      }}
      onSignIn={() => session.signInAgain()}
    />
  );
}
