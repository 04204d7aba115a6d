/**
 * Phase 5: throughput with concurrent clients over a fixed count, counting the submit only (all
 * drafts are saved, and their events drained, before the clock starts): through the gateway, and
 * the bare write (`saveReport` of the decided submit) with as many concurrent writers.
 */
import { pool } from '#infra/local/support/pool.js';
import type { Bench } from '../context.js';
import type { Pair } from '../pairs.js';
import { round, summarise, timed, type LatencySummary } from '../stats.js';
import type { Usage } from '../usage.js';
import { draftBare, draftViaGateway, prepareBareWrite, submitViaGateway } from '../submits.js';

/** One side under load. */
export interface UnderLoad {
  readonly count: number;
  readonly seconds: number;
  /** Per second. */
  readonly rate: number;
  readonly latency: LatencySummary;
  readonly cpu: Usage;
  /** How long the pipeline took to drain afterwards, in ms. */
  readonly drainMs: number;
}

/** Both sides, with the number of clients. */
export interface Throughput {
  readonly clients: number;
  readonly gateway: UnderLoad;
  readonly bare: UnderLoad;
}

const underLoad = async <J>(bench: Bench, jobs: readonly J[], run: (job: J) => Promise<void>, label: string): Promise<UnderLoad> => {
  const latencies: number[] = [];
  const mark = bench.cpu.mark();
  const { ms } = await timed(() => pool(jobs, bench.settings.throughputClients, async (job) => latencies.push((await timed(() => run(job))).ms)));
  const cpu = bench.cpu.since(mark, jobs.length);
  const seconds = ms / 1000;
  return { count: jobs.length, seconds, rate: jobs.length / seconds, latency: summarise(latencies), cpu, drainMs: await bench.pipeline.drain(label) };
};

/** Measures both sides on fresh pairs from `next`. */
export const measureThroughput = async (bench: Bench, next: (count: number) => Pair[]): Promise<Throughput> => {
  const { throughputClients: clients, throughputCount: count } = bench.settings;

  const gatewayStep = bench.progress.step(`throughput through the gateway (${clients} clients, ${count} submits)`);
  const gatewayPairs = next(count);
  await pool(gatewayPairs, clients, (pair) => draftViaGateway(bench, pair));
  await bench.pipeline.drain('throughput drafts');
  const gateway = await underLoad(bench, gatewayPairs, (pair) => submitViaGateway(bench, pair), 'gateway throughput');
  gatewayStep.done(`${round(gateway.rate, 1)} submissions/s`);

  const bareStep = bench.progress.step(`bare write throughput: saveReport (${clients} writers, ${count} writes)`);
  const barePairs = next(count);
  await pool(barePairs, clients, (pair) => draftBare(bench, pair));
  await bench.pipeline.drain('bare throughput drafts');
  const writes = await pool(barePairs, clients, (pair) => prepareBareWrite(bench, pair));
  const bare = await underLoad(bench, writes, (write) => write(), 'bare throughput');
  bareStep.done(`${round(bare.rate, 1)} writes/s`);

  return { clients, gateway, bare };
};
