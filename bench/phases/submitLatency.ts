/**
 * Phase 4: submit latency, one submit at a time, three ways (each after its drafts are saved and
 * their events drained, so that the relay and the dashboard consumer are not busy with a draft
 * during a submit; and each drained after):
 *
 * - through the gateway: `POST /api/units/{u}/annual-reports/{y}/submit`;
 * - the bare write: the reports service's `saveReport` of the decided submit (one
 *   TransactWriteItems of the report, conditional on the draft's version, and the outbox item),
 *   the report read and the decision made beforehand;
 * - the bare submit path: the service's two reads at once (`getKnownUnit`, `getReport`), `decide`,
 *   `evolve`, `saveReport`. Gateway minus this is what the gateway, the JWT check, the middleware
 *   and the handler add.
 *
 * Each also gives the CPU used over the timed loop; this process's CPU divided by the submits is the
 * figure the CPU target compares.
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

/** Measures the three ways on fresh pairs from `next`. */
export const measureSubmitLatency = async (bench: Bench, next: (count: number) => Pair[]): Promise<SubmitLatency> => {
  const { latencyWarmup, latencySamples } = bench.settings;
  const count = latencyWarmup + latencySamples;
  const runs = `${latencyWarmup} warm-up + ${latencySamples}`;

  const gatewayStep = bench.progress.step(`submit latency through the gateway (${runs})`);
  const gatewayPairs = next(count);
  await pool(gatewayPairs, 4, (pair) => draftViaGateway(bench, pair));
  await bench.pipeline.drain('gateway latency drafts');
  const gateway = await sequential(bench, gatewayPairs, (pair) => submitViaGateway(bench, pair), 'gateway latency', gatewayStep);

  const writeStep = bench.progress.step(`bare write latency: saveReport (${runs})`);
  const writePairs = next(count);
  await pool(writePairs, 4, (pair) => draftBare(bench, pair));
  await bench.pipeline.drain('bare write drafts');
  const writes = await pool(writePairs, 4, (pair) => prepareBareWrite(bench, pair));
  const bareWrite = await sequential(bench, writes, (write) => write(), 'bare write latency', writeStep);

  const pathStep = bench.progress.step(`bare submit path: getKnownUnit + getReport, decide, saveReport (${runs})`);
  const pathPairs = next(count);
  await pool(pathPairs, 4, (pair) => draftBare(bench, pair));
  await bench.pipeline.drain('bare path drafts');
  const barePath = await sequential(bench, pathPairs, (pair) => submitPathBare(bench, pair), 'bare submit path', pathStep);

  return { gateway, bareWrite, barePath };
};
