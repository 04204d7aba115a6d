/**
 * Calls to the API on the same origin. A problem+json answer (RFC 9457) becomes an {@link ApiError}
 * with a readable Chinese message and, for invalid input, the message of each field, so that a
 * page shows it next to the field and never as raw JSON.
 */
import { currentSession, endSession } from './session.js';

export interface FieldError {
  readonly path: string;
  readonly message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: readonly FieldError[] = [],
  ) {
    super(message);
  }

  /** The message about one field (`body.reason`, `query.year`, ...), if there is one. */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((f) => f.path === path || f.path.endsWith(`.${path}`))?.message;
  }
}

/** What a status means to the person, when the API says nothing more useful. */
const statusMessages: Record<number, string> = {
  400: '提交的内容有误，请检查后重试。',
  401: '登录已失效，请重新登录。',
  403: '您没有权限查看或办理此事项。',
  404: '未找到该事项，可能已被删除或不在您的管辖范围内。',
  409: '该事项的状态已变化（可能已被他人办理），请刷新后重试。',
  413: '文件或内容过大。',
  422: '提交的内容不符合要求。',
  429: '操作过于频繁，请稍后重试。',
};

/** The Chinese half of the API's bilingual messages (`中文 / English`). */
export const chinese = (text: string): string => text.split(' / ')[0]!.trim();

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

interface Problem {
  readonly title?: string;
  readonly detail?: string;
  readonly errors?: ReadonlyArray<{ path?: string; message?: string }>;
}

/**
 * What a refusal says to the person: the problem's detail when it is in Chinese; else its Chinese
 * title (`状态冲突`, `无权进行此操作`) before what the status means; else what the status means.
 */
export const problemMessage = (status: number, problem: Problem): string => {
  const detail = problem.detail && hasChinese(problem.detail) ? chinese(problem.detail) : undefined;
  const title = problem.title && hasChinese(problem.title) ? chinese(problem.title) : undefined;
  const fallback = statusMessages[status] ?? (status >= 500 ? '服务暂时不可用，请稍后重试。' : '请求未能完成。');
  return detail ?? (title && status < 500 ? `${title}：${fallback}` : fallback);
};

const errorOf = async (response: Response): Promise<ApiError> => {
  let problem: Problem = {};
  try {
    problem = (await response.json()) as Problem;
  } catch {
    // Not JSON: the status says enough.
  }
  const fields = (problem.errors ?? []).map((e) => ({ path: e.path ?? '', message: chinese(e.message ?? '') })).filter((f) => f.message.length > 0);
  return new ApiError(response.status, problemMessage(response.status, problem), fields);
};

/** Sends a request with the session's token; a 401 ends the session. */
export const request = async <T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> => {
  const session = currentSession();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (session) headers.authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal, cache: 'no-store' });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, '无法连接服务器，请检查网络后重试。');
  }
  if (!response.ok) {
    const error = await errorOf(response);
    if (response.status === 401) endSession();
    throw error;
  }
  return (await response.json()) as T;
};

export const get = <T>(path: string, signal?: AbortSignal): Promise<T> => request<T>('GET', path, undefined, signal);
