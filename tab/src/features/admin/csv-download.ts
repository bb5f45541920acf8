import { errorBodySchema } from '@confer/contracts';
import { AppError } from '../../lib/app-error.ts';
import type { AuthedApi } from '../../lib/authed-api.ts';

/**
 * Downloads a CSV export through the authenticated API: the file is fetched with the bearer token and saved from
 * memory, so no token ever travels in a URL (where proxies, history and logs would keep it).
 */
export async function downloadCsv(api: AuthedApi, path: string, fallbackName: string): Promise<void> {
  const token = await api.getToken();
  let response: Response;
  try {
    response = await api.fetch(new URL(path, api.baseUrl), {
      headers: { authorization: `Bearer ${token}`, accept: 'text/csv' },
      cache: 'no-store',
    });
  } catch (cause) {
    throw new AppError('network_error', 'Confer could not be reached. Check your connection and try again.', { cause });
  }
  if (!response.ok) {
    const body = errorBodySchema.safeParse(await response.json().catch(() => null));
    if (body.success) {
      const { code, message, details } = body.data.error;
      throw new AppError(code, message, { status: response.status, details });
    }
    throw new AppError(`http_${response.status}`, `The export answered HTTP ${response.status}.`, {
      status: response.status,
    });
  }
  const blob = await response.blob();
  saveBlob(blob, fileNameOf(response.headers.get('content-disposition')) ?? fallbackName);
}

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; the object URL can go once the browser has taken it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `attachment; filename="health.csv"` → `health.csv` (only a plain name: no path). */
export function fileNameOf(disposition: string | null): string | null {
  const name = /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1]?.trim();
  return name && /^[\w.-]+$/.test(name) ? name : null;
}
