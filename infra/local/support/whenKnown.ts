import type { HttpClient } from './httpClient.js';
import { eventually } from './eventually.js';

/**
 * POSTs as `token` until the answer is `status`, again while the service does not yet know the unit
 * (403) or its people (422), which reach it on `signing.events`; any other answer fails.
 */
export const postWhenKnown = <T>(api: HttpClient, path: string, token: string, body: unknown, status: number) =>
  eventually(
    async () => {
      const answer = await api.request<T>('POST', path, { token, body });
      if (answer.status === status) return answer.body;
      if (answer.status !== 403 && answer.status !== 422) throw new Error(`POST ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return undefined;
    },
    30_000,
    `POST ${path}`,
    200,
  );
