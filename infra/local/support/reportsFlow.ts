/**
 * The annual report driven through the API as a unit fills it in: read the report's structure (its
 * list items and the statement's required items), answer every item, save, submit. The demo, the
 * tests and the benchmark share it.
 */
import { chengduStatement } from '#services/reports/src/config.js';
import type { HttpClient } from './httpClient.js';

/** An answer to every required item of the statement template. */
export const statementAnswers = (prefix = ''): Record<string, string> =>
  Object.fromEntries(chengduStatement.flatMap((c) => c.items.map((i) => [i.itemId, `${prefix}${c.title}：${i.text}，已按要求落实，具体情况见附件。`])));

interface ReportStructure {
  readonly items: ReadonlyArray<{ readonly itemId: string; readonly part: 'list' | 'statement'; readonly text: string }>;
  readonly missing: readonly string[];
}

/** The report's steps on a gateway (`api`). */
export const reportsFlow = (api: HttpClient) => ({
  structure: (unitId: string, year: number, token: string) => api.expect<ReportStructure>('GET', `/api/units/${unitId}/annual-reports/${year}`, 200, { token }),
  /** Answers every item of the report's structure (leaving out `skip`), as a new draft version. */
  answerAll: async (unitId: string, year: number, token: string, options: { readonly skip?: readonly string[]; readonly summary?: string } = {}) => {
    const { items } = await api.expect<ReportStructure>('GET', `/api/units/${unitId}/annual-reports/${year}`, 200, { token });
    const answers = Object.fromEntries(items.filter((i) => !options.skip?.includes(i.itemId)).map((i) => [i.itemId, `${i.text}：已落实，成效明显。`]));
    return api.expect<{ draft: number; status: string }>('PUT', `/api/units/${unitId}/annual-reports/${year}`, 200, {
      token,
      body: { summary: options.summary ?? `${year}年度履行党风廉政建设主体责任情况报告`, sections: [{ title: '主要做法', content: '专题研究、层层签约、季度督查。' }], answers },
    });
  },
  submit: (unitId: string, year: number, token: string) => api.request<{ status: string; late?: boolean }>('POST', `/api/units/${unitId}/annual-reports/${year}/submit`, { token }),
  /** Uploads a file as the unit's evidence: ask for an upload URL, PUT the bytes there, complete. */
  attach: async (unitId: string, token: string, file: { readonly name: string; readonly mediaType: string; readonly bytes: Uint8Array }) => {
    const { attachment, upload } = await api.expect<{ attachment: { attachmentId: string }; upload: { url: string; method: string; headers: Record<string, string> } }>(
      'POST',
      `/api/units/${unitId}/attachments`,
      201,
      { token, body: { name: file.name, mediaType: file.mediaType, size: file.bytes.byteLength } },
    );
    const put = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: file.bytes });
    if (!put.ok) throw new Error(`upload of ${file.name}: ${put.status} ${await put.text()}`);
    return api.expect<{ attachmentId: string; sha256: string; status: string }>('POST', `/api/units/${unitId}/attachments/${attachment.attachmentId}/complete`, 200, { token });
  },
});
