/**
 * Phase 4: submit latency, one submit at a time, three ways (after their drafts are saved and the
 * drafts' events drained, so that the relay and the dashboard consumer are not busy with a draft
 * during a submit; and drained after):
 *
 * - through the gateway: `POST /api/units/{u}/annual-reports/{y}/submit`;
 * - the bare write: the reports service's `saveReport` of the decided submit (one
 *   TransactWriteItems of the report, conditional on the draft's version, and the outbox item),
 *   the report read and the decision made beforehand;
 * - the bare submit path: the service's two reads at once (`getKnownUnit`, `getReport`), `decide`,
 *   `evolve`, `saveReport`. Gateway minus this is what the gateway, the JWT check, the middleware
 *   and the handler add.
 *
 * The gateway and the bare submit path, the two sides the targets compare, run in one loop, one
 * submit of each in turn (which goes first alternating), so that whatever else the machine does
 * (DynamoDB Local's own work, the relay and the consumer handling the previous submit's event) falls
 * on both alike rather than on whichever ran while it happened. The CPU of each side is summed over
 * its own submits; this process's CPU divided by the submits is the figure the CPU target compares.
 * The bare write, reported only, runs on its own loop.
 */
import { pool } from '#infra/local/support/pool.js';
import type { Step } from '#infra/local/progress.js';
import type { Bench } from '../context.js';
import type { Pair } from '../pairs.js';
import { round, summarise, timed, type LatencySummary } from '../stats.js';
import type { Usage } from '../usage.js';
import { draftBare, draftViaGateway, prepareBareWrite, submitPathBare, submitViaGateway } from '../submits.js';

/** Latency of the timed submits (warm-up excluded) and the CPU over all of them. */
export interface Sequential {
  readonly latency: LatencySummary;
  readonly cpu: Usage;
}

/** The three ways, measured one after the other. */
export interface SubmitLatency {
  readonly gateway: Sequential;
  readonly bareWrite: Sequential;
  readonly barePath: Sequential;
}

/** Times `jobs` one at a time, the first `warmup` untimed; then drains. */
const sequential = async <J>(bench: Bench, jobs: readonly J[], run: (job: J) => Promise<void>, label: string, step: Step): Promise<Sequential> => {
  const latencies: number[] = [];
  const mark = bench.cpu.mark();
  for (const [i, job] of jobs.entries()) {
    const { ms } = await timed(() => run(job));
    if (i >= bench.settings.latencyWarmup) latencies.push(ms);
    if (i % 50 === 0) step.update(`${i} submits`);
  }
  const cpu = bench.cpu.since(mark, jobs.length);
  await bench.pipeline.drain(label);
  const latency = summarise(latencies);
  step.done(`p50 ${round(latency.p50)} ms, p99 ${round(latency.p99)} ms, node ${cpu.node.cpuMsPerItem} ms CPU per submit`);
  return { latency, cpu };
};

/** Times `a[i]` and `b[i]` in turn (which first alternating), the first `warmup` of each untimed; then drains. */
const alternating = async <J>(
  bench: Bench,
  jobs: { readonly a: readonly J[]; readonly b: readonly J[] },
  run: { readonly a: (job: J) => Promise<void>; readonly b: (job: J) => Promise<void> },
  label: string,
  step: Step,
): Promise<{ a: Sequential; b: Sequential }> => {
  const sides = (['a', 'b'] as const).map((side) => ({ side, latencies: [] as number[], cpu: bench.cpu.sum() }));
  const rounds = Math.min(jobs.a.length, jobs.b.length);
  for (let i = 0; i < rounds; i++) {
    for (const { side, latencies, cpu } of i % 2 === 0 ? sides : [...sides].reverse()) {
      const mark = bench.cpu.mark();
      const { ms } = await timed(() => run[side](jobs[side][i]!));
      cpu.add(mark);
      if (i >= bench.settings.latencyWarmup) latencies.push(ms);
    }
    if (i % 50 === 0) step.update(`${i} submits of each`);
  }
  await bench.pipeline.drain(label);
  const [a, b] = sides.map(({ latencies, cpu }) => ({ latency: summarise(latencies), cpu: cpu.usage(rounds) }));
  step.done(`p50 ${round(a!.latency.p50)} ms and ${round(b!.latency.p50)} ms; node ${a!.cpu.node.cpuMsPerItem} and ${b!.cpu.node.cpuMsPerItem} ms CPU per submit`);
  return { a: a!, b: b! };
};

/** Measures the three ways on fresh pairs from `next`. */
export const measureSubmitLatency = async (bench: Bench, next: (count: number) => Pair[]): Promise<SubmitLatency> => {
  const { latencyWarmup, latencySamples } = bench.settings;
  const count = latencyWarmup + latencySamples;
  const runs = `${latencyWarmup} warm-up + ${latencySamples}`;

  const pairStep = bench.progress.step(`submit latency through the gateway and on the bare submit path, in turn (${runs} of each)`);
  const gatewayPairs = next(count);
  const pathPairs = next(count);
  await pool(gatewayPairs, 4, (pair) => draftViaGateway(bench, pair));
  await pool(pathPairs, 4, (pair) => draftBare(bench, pair));
  await bench.pipeline.drain('submit latency drafts');
  const { a: gateway, b: barePath } = await alternating(
    bench,
    { a: gatewayPairs, b: pathPairs },
    { a: (pair) => submitViaGateway(bench, pair), b: (pair) => submitPathBare(bench, pair) },
    'submit latency',
    pairStep,
  );

  const writeStep = bench.progress.step(`bare write latency: saveReport (${runs})`);
  const writePairs = next(count);
  await pool(writePairs, 4, (pair) => draftBare(bench, pair));
  await bench.pipeline.drain('bare write drafts');
  const writes = await pool(writePairs, 4, (pair) => prepareBareWrite(bench, pair));
  const bareWrite = await sequential(bench, writes, (write) => write(), 'bare write latency', writeStep);

  return { gateway, bareWrite, barePath };
};
