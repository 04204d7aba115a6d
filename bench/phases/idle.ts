/**
 * Phase 3: what the runtime costs while nothing happens (stream pollers, consumers' fetch loops,
 * client timers), over 3 s.
 */
import { sleep } from '#infra/local/support/sleep.js';
import type { Bench } from '../context.js';
import type { Usage } from '../usage.js';

/** CPU of the runtime and the parts over 3 s with no requests. */
export const measureIdle = async (bench: Bench): Promise<Usage> => {
  const step = bench.progress.step('idle runtime, 3 s');
  const mark = bench.cpu.mark();
  await sleep(3_000);
  const usage = bench.cpu.since(mark, 1);
  step.done(`node ${usage.node.cores} cores, DynamoDB Local ${usage.dynamodbLocal.cores}, Kafka ${usage.kafka.cores}`);
  return usage;
};
