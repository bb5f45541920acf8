import { ErrorCodes } from '@confer/contracts';
import type { AppError } from '../../lib/app-error.ts';
import { RequestError } from '../shell/request-error.tsx';
import { AdminRefusal } from './admin-refusal.tsx';

/** A failed admin read: the refusal page when the role was taken away meanwhile, the usual error panel otherwise. */
export function AdminRequestError({
  error,
  onRetry,
  failedTitle,
}: {
  error: AppError;
  onRetry: () => void;
  failedTitle: string;
}) {
  if (error.code === ErrorCodes.admin_required) return <AdminRefusal />;
  return <RequestError error={error} onRetry={onRetry} failedTitle={failedTitle} />;
}
