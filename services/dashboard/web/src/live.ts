/**
 * Live views (docs/adr/0018-web-app.md): one poller per page reads `GET /api/dashboard/cursor`
 * every second while the page is visible; when the cursor moves, every view on the page loads its
 * data again. It works wherever the API does (API Gateway in the AWS China regions included),
 * with no socket to keep open.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, get } from './api.js';
import { needsRead, newestOf, type Revised } from './revisions.js';

/** How often an open page asks whether anything changed. */
const pollMilliseconds = 1000;

type Listener = () => void;
const listeners = new Set<Listener>();
let cursor: string | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
/** Whether the one polling loop runs (it may be awaiting a poll, with no timer set). */
let running = false;

const stopPolling = () => {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  running = false;
  cursor = undefined;
};

const poll = async (): Promise<void> => {
  timer = undefined;
  if (listeners.size === 0) return stopPolling();
  if (!document.hidden) {
    try {
      const next = (await get<{ cursor: string }>('/api/dashboard/cursor')).cursor;
      if (cursor !== undefined && next !== cursor) listeners.forEach((listener) => listener());
      cursor = next;
    } catch {
      // A missed poll is tried again at the next tick; the views keep what they show.
    }
  }
  if (listeners.size > 0) timer = setTimeout(() => void poll(), pollMilliseconds);
  else stopPolling();
};

const watch = (listener: Listener): (() => void) => {
  listeners.add(listener);
  if (!running) {
    running = true;
    void poll();
  }
  return () => {
    listeners.delete(listener);
    // A poll awaiting its answer ends the loop itself when it finds nobody listening.
    if (listeners.size === 0 && timer !== undefined) stopPolling();
  };
};

export interface Live<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  /** When the data shown were loaded. */
  readonly loadedAt: Date | undefined;
}

/** Loads `path` now, again whenever it changes, and again whenever the read models move. */
export const useLive = <T>(path: string | undefined): Live<T> => {
  const [state, setState] = useState<Live<T>>({ data: undefined, error: undefined, loading: path !== undefined, loadedAt: undefined });
  const generation = useRef(0);
  useEffect(() => {
    if (path === undefined) return;
    const controller = new AbortController();
    const load = async () => {
      const mine = ++generation.current;
      setState((s) => ({ ...s, loading: true }));
      try {
        const data = await get<T>(path, controller.signal);
        if (mine === generation.current) setState({ data, error: undefined, loading: false, loadedAt: new Date() });
      } catch (error) {
        if ((error as Error).name === 'AbortError') return;
        if (mine === generation.current) setState((s) => ({ ...s, error: error instanceof ApiError ? error : new ApiError(0, '加载失败，请稍后重试。'), loading: false }));
      }
    };
    void load();
    const stop = watch(() => void load());
    return () => {
      stop();
      controller.abort();
    };
  }, [path]);
  return state;
};

/**
 * The records of a live list, each replaced by what an action answered for it until the list
 * catches up: the person sees the step they took at once, not at the next reload. What was
 * answered belongs to the list's `scope` (its path): another unit's or year's list starts afresh.
 */
export const useNewest = <T extends Revised>(list: readonly T[], idOf: (record: T) => string, scope = ''): { readonly records: T[]; readonly update: (record: T) => void } => {
  const [answered, setAnswered] = useState<{ readonly scope: string; readonly records: ReadonlyMap<string, T> }>({ scope, records: new Map() });
  const mine = answered.scope === scope ? answered.records : undefined;
  const records = useMemo(() => newestOf(list, mine ?? new Map(), idOf), [list, mine]);
  return {
    records,
    update: (record) => setAnswered((before) => ({ scope, records: new Map([...(before.scope === scope ? before.records : []), [idOf(record), record]]) })),
  };
};

export interface OpenedRecord<T> {
  /** The record read (or answered) for this path; `undefined` until there is one. */
  readonly record: T | undefined;
  /** Why the read was refused, in the API's words. */
  readonly error: ApiError | undefined;
  /** Whether it is opened and being read, with nothing to show yet. */
  readonly loading: boolean;
  /** Shows what an action on the record answered, with no read. */
  readonly set: (record: T) => void;
}

/**
 * One record of a live list, read from its own `path` only while `open`, and again when the list's
 * `listedRevision` is newer than the one shown. The lists leave out a record's words because the
 * service records each read of them: a record is read when the person opens it, never for every
 * item of a list.
 */
export const useRecord = <T extends Revised>(path: string, listedRevision: number, open: boolean): OpenedRecord<T> => {
  const [state, setState] = useState<{ readonly path: string; readonly record?: T; readonly error?: ApiError }>({ path });
  const mine = state.path === path ? state : { path };
  const record = mine.record;
  useEffect(() => {
    if (!open || !needsRead(record, listedRevision)) return;
    const controller = new AbortController();
    get<T>(path, controller.signal)
      // An action's answer that came meanwhile may be newer than what this read found.
      .then((answer) => setState((s) => (s.path === path && s.record && s.record.revision > answer.revision ? { path, record: s.record } : { path, record: answer })))
      .catch((e: unknown) => {
        if ((e as Error).name !== 'AbortError') setState((s) => ({ path, record: s.path === path ? s.record : undefined, error: e instanceof ApiError ? e : new ApiError(0, '加载失败，请稍后重试。') }));
      });
    return () => controller.abort();
  }, [path, listedRevision, open]);
  return { record, error: mine.error, loading: open && record === undefined && mine.error === undefined, set: (answer) => setState({ path, record: answer }) };
};
