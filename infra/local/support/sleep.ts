/**
 * Waiting, for the local runtime's tools: the test harness, the benchmark and the demo data.
 */

/**
 * Resolves after `ms` milliseconds.
 *
 * @example
 * ```ts
 * import { sleep } from '#infra/local/support/sleep.js';
 *
 * await sleep(100);
 * ```
 */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
