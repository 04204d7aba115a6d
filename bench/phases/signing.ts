/**
 * Phase 7: signing. A unit with `signingLetters` team members is staffed, its lists published and
 * its letters issued through the API; then every letter is signed by both parties, one signature at
 * a time through the gateway (each a new link of the unit's chain, digitally signed by the service's
 * key), and the unit's whole chain is verified through the gateway a few times.
 *
 * Figures (reported, no target): signature latency p50/p99 and the CPU per signature; the time to
 * verify the chain of `2 × signingLetters` signatures.
 */
import { signToken } from '#infra/local/jwt.js';
import { pool } from '#infra/local/support/pool.js';
import { signingFlow, type Holder, type LetterAnswer } from '#infra/local/support/signingFlow.js';
import type { Bench } from '../context.js';
import { summarise, timed, type LatencySummary } from '../stats.js';
import type { Usage } from '../usage.js';

/** What the signing phase measured. */
export interface SigningResult {
  readonly letters: number;
  readonly signatures: LatencySummary;
  readonly signatureCpu: Usage;
  readonly chainLinks: number;
  readonly verify: LatencySummary;
}

const signingYear = 2027;
/** Signatures left out of the latency figures while the process warms up. */
const warmup = 20;
/** Times the whole chain is verified. */
const verifyRuns = 5;

export const measureSigning = async (bench: Bench): Promise<SigningResult> => {
  const { api, runtime, settings } = bench;
  const n = settings.signingLetters;
  const setupStep = bench.progress.step(`signing: a unit with ${n} team members, their lists and letters`);
  const flow = signingFlow(api, runtime.keys);
  const admin = await signToken(runtime.keys, 'admin');
  const unit = await api.expect<{ id: string }>('POST', '/api/units', 201, { token: admin, body: { name: '基准测试签署单位', category: '市委' } });
  const secretary = await flow.assign(unit.id, '基准书记', 'secretary', '党委书记', [], '2026-01-05');
  const staffed = { unitId: unit.id, secretary };
  // Posts of one unit are assigned one at a time (each is decided on the unit's posts as they
  // stand); their lists are independent.
  const members: Holder[] = [];
  for (let i = 0; i < n; i++) members.push(await flow.assign(unit.id, `基准委员${i + 1}`, 'teamMember', '党委委员', ['财政'], '2026-01-05'));
  await pool(members, 8, (member) => flow.publishList(staffed, signingYear, 'teamMember', member.postId));
  const { issued } = await flow.issue(unit.id, signingYear, await flow.tokenOf(secretary));
  setupStep.done(`${issued.length} letters issued`);

  const signStep = bench.progress.step(`signing: ${issued.length * 2} signatures, one at a time through the gateway`);
  const holders = new Map<string, Holder>([secretary, ...members].map((h) => [h.personId, h]));
  const latencies: number[] = [];
  const cpu = bench.cpu.mark();
  for (const [i, letter] of issued.entries()) {
    for (const party of ['issuer', 'recipient'] as const) {
      const { ms, value } = await timed(() => flow.sign(letter as LetterAnswer, holders.get(letter[party].personId)!));
      if (value.status !== 200) throw new Error(`Signing ${letter.letterId} as the ${party}: ${value.status} ${JSON.stringify(value.body)}`);
      latencies.push(ms);
    }
    if (i % 100 === 0) signStep.update(`${i * 2} signatures`);
  }
  const signatureCpu = bench.cpu.since(cpu, latencies.length);
  const signatures = summarise(latencies.slice(warmup));
  signStep.done(`p50 ${signatures.p50.toFixed(1)} ms, p99 ${signatures.p99.toFixed(1)} ms`);

  const verifyStep = bench.progress.step(`signing: verify the chain of ${latencies.length} signatures (${verifyRuns} times)`);
  const token = await flow.tokenOf(secretary);
  const runs: number[] = [];
  for (let i = 0; i < verifyRuns; i++) {
    const { ms, value } = await timed(() =>
      api.expect<{ valid: boolean; signatures: number }>('GET', `/api/units/${unit.id}/signatures/verify?year=${signingYear}`, 200, { token }),
    );
    if (!value.valid || value.signatures !== latencies.length) throw new Error(`The chain did not verify: ${JSON.stringify(value)}`);
    runs.push(ms);
  }
  const verify = summarise(runs);
  verifyStep.done(`p50 ${verify.p50.toFixed(0)} ms`);
  await bench.pipeline.drain('signing');
  return { letters: issued.length, signatures, signatureCpu, chainLinks: latencies.length, verify };
};
