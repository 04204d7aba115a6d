import { readFileSync, rmSync } from 'node:fs';
import type { Parts } from '../parts.js';
import type { ItState } from './support/state.js';

/** Stops what the global setup started, and a broker a test restarted, by their own process ids. */
export default async function globalTeardown(): Promise<void> {
  const parts = (globalThis as { __itParts?: Parts }).__itParts;
  const file = process.env.IT_STATE;
  const state = file ? (JSON.parse(readFileSync(file, 'utf8')) as ItState) : undefined;
  await parts?.stop();
  for (const pid of [state?.kafka?.pid, state?.dynamoPid]) {
    if (!pid) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (state) rmSync(state.dataDir, { recursive: true, force: true });
}
