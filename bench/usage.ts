/**
 * CPU use per timed part: this process (which hosts the gateway, every function, the stream
 * pollers and consumer groups, and the benchmark's own clients), the DynamoDB Local JVM and the
 * Kafka JVM (from /proc); and the function invocations in between, counted through the runtime's
 * `onInvoke`.
 */
import { readFileSync } from 'node:fs';
import type { InvocationListener } from '#infra/local/functions.js';
import { now, round } from './stats.js';

/** USER_HZ: Linux gives /proc/<pid>/stat times in it; 100 on every common build. */
const clockTicks = 100;

/** CPU time (user + system) of another process in ms, or NaN when it cannot be read. */
const processCpuMs = (pid: number | undefined): number => {
  if (!pid) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return Number.NaN;
  }
};

type Calls = ReadonlyMap<string, { calls: number; records: number }>;

/** The CPU counters at one moment. */
export interface Mark {
  readonly at: number;
  readonly node: number;
  readonly dynamo: number;
  readonly kafka: number;
  readonly invocations: Calls;
}

/** Share of one core used in between (1.0 = one core), and CPU ms per item done. */
export interface CpuShare {
  readonly cores: number;
  readonly cpuMsPerItem: number;
}

/** What was used between a mark and now. */
export interface Usage {
  readonly seconds: number;
  readonly node: CpuShare;
  readonly dynamodbLocal: CpuShare;
  readonly kafka: CpuShare;
  /** Invocations and records handed over, per function that was invoked in between. */
  readonly invocations: Record<string, { calls: number; records: number }>;
}

/** CPU used over many short spans, summed: for work interleaved with other work. */
export interface CpuSum {
  /** Adds what was used from `mark` until now. */
  add(mark: Mark): void;
  /** The sum so far, with `count` items done in the spans. */
  usage(count: number): Usage;
}

/** Marks and measures CPU use; its `onInvoke` goes to the runtime. */
export interface CpuMeter {
  readonly onInvoke: InvocationListener;
  mark(): Mark;
  /** CPU used since `mark`, with `count` items done in between. */
  since(mark: Mark, count: number): Usage;
  /** A fresh sum of spans. */
  sum(): CpuSum;
}

const recordsIn = (event: unknown): number => {
  const e = event as { Records?: unknown[]; records?: Record<string, unknown[]> };
  if (Array.isArray(e.Records)) return e.Records.length;
  if (e.records) return Object.values(e.records).reduce((s, r) => s + r.length, 0);
  return 0;
};

/** A meter of this process and of the JVMs whose pids `pids` gives (undefined: not started here). */
export const cpuMeter = (pids: () => { dynamo: number | undefined; kafka: number | undefined }): CpuMeter => {
  const invocations = new Map<string, { calls: number; records: number }>();
  const mark = (): Mark => {
    const cpu = process.cpuUsage();
    const { dynamo, kafka } = pids();
    return {
      at: now(),
      node: (cpu.user + cpu.system) / 1000,
      dynamo: processCpuMs(dynamo),
      kafka: processCpuMs(kafka),
      invocations: new Map([...invocations].map(([k, v]) => [k, { ...v }])),
    };
  };
  return {
    onInvoke: (fn, event) => {
      const entry = invocations.get(fn.qualifiedName) ?? { calls: 0, records: 0 };
      entry.calls++;
      entry.records += recordsIn(event);
      invocations.set(fn.qualifiedName, entry);
    },
    mark,
    since: (start, count) => usageOf(spanOf(start, mark()), count),
    sum: () => {
      const total: Span = { ms: 0, node: 0, dynamo: 0, kafka: 0, invocations: new Map() };
      return {
        add: (start) => {
          const span = spanOf(start, mark());
          total.ms += span.ms;
          total.node += span.node;
          total.dynamo += span.dynamo;
          total.kafka += span.kafka;
          for (const [name, v] of span.invocations) {
            const entry = total.invocations.get(name) ?? { calls: 0, records: 0 };
            total.invocations.set(name, { calls: entry.calls + v.calls, records: entry.records + v.records });
          }
        },
        usage: (count) => usageOf(total, count),
      };
    },
  };
};

/** What was used between two marks. */
interface Span {
  ms: number;
  node: number;
  dynamo: number;
  kafka: number;
  invocations: Map<string, { calls: number; records: number }>;
}

const spanOf = (start: Mark, end: Mark): Span => ({
  ms: end.at - start.at,
  node: end.node - start.node,
  dynamo: end.dynamo - start.dynamo,
  kafka: end.kafka - start.kafka,
  invocations: new Map(
    [...end.invocations]
      .map(([name, v]) => {
        const before = start.invocations.get(name) ?? { calls: 0, records: 0 };
        return [name, { calls: v.calls - before.calls, records: v.records - before.records }] as const;
      })
      .filter(([, v]) => v.calls > 0),
  ),
});

const usageOf = (span: Span, count: number): Usage => {
  const seconds = span.ms / 1000;
  const of = (ms: number): CpuShare => ({ cores: round(ms / 1000 / seconds, 2), cpuMsPerItem: round(ms / count, 3) });
  return {
    seconds: round(seconds, 3),
    node: of(span.node),
    dynamodbLocal: of(span.dynamo),
    kafka: of(span.kafka),
    invocations: Object.fromEntries(span.invocations),
  };
};
