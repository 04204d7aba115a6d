/**
 * `npm run bench`: how much the local runtime costs on top of the parts it runs on, and whether the
 * targets of docs/adr/0011-benchmarks.md are met.
 *
 * The driver runs the phases in order, each a module of `bench/phases` that calls the services' own
 * code where it needs a baseline:
 *
 *  1. setup: Kafka and DynamoDB Local (or `KAFKA_BROKERS` / `DYNAMODB_ENDPOINT`) with their data in
 *     a fresh temporary folder, and the runtime on a free port;
 *  2. units: 40 units through the API, known to reports and dashboard;
 *  3. idle: what the runtime costs doing nothing;
 *  4. submit latency: through the gateway and the bare submit path in turn, and the bare `saveReport`;
 *  5. throughput: 16 concurrent clients, gateway and bare;
 *  6. end to end: submit → seen on the dashboard;
 *  6a. signing: signatures through the gateway, and verifying the unit's chain of them;
 *  6c. web app: its first-load JavaScript (gzip), and the time until the dashboard shows its data
 *      in Chromium (run before 6a, while the tree is small and settled);
 *  6b. roster: 5,000 rows imported in one request, then the same file again;
 *  7. relay: outbox → Kafka, live, against a bare kafkajs producer;
 *  8. consumer apply: the dashboard consumer against raw TransactWriteItems of the same items;
 *  9. relay backlog: the runtime stopped, a backlog of outbox items, the relay started on it;
 * 10. replay: `BENCH_REPLAY_EVENTS` events (100,000) into a fresh read model;
 * 11. deadline run: the reports service's daily `runDeadlines` over `BENCH_REMINDER_UNITS` units
 *     (10,000 and 100,000) on their 7-day reminder day, each in a fresh table; last, with the
 *     runtime stopped, so that nothing sends the hundreds of thousands of reminders it decides.
 *
 * Every phase drains the pipeline (relay and dashboard consumer idle) before it ends. The run
 * prints a table of figures and of the judged targets, writes `bench/results.json` (git-ignored),
 * stops everything it started (also on Ctrl-C or when the watchdog fires), removes the temporary
 * folder, and exits non-zero on failure. A target not met does not fail the run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { partsSteps } from '#infra/local/parts.js';
import { Progress } from '#infra/local/progress.js';
import { lifecycle } from './lifecycle.js';
import { settingsFrom } from './settings.js';
import { pairSource, relayYear, webAppUpdates, yearsUsed } from './pairs.js';
import { printResults, resultsDocument, writeResults } from './results.js';
import { setup } from './phases/setup.js';
import { registerUnits } from './phases/units.js';
import { measureIdle } from './phases/idle.js';
import { measureSubmitLatency } from './phases/submitLatency.js';
import { measureThroughput } from './phases/throughput.js';
import { measureEndToEnd } from './phases/endToEnd.js';
import { measureSigning } from './phases/signing.js';
import { measureRoster } from './phases/roster.js';
import { measureRelay } from './phases/relay.js';
import { measureConsumerApply } from './phases/consumerApply.js';
import { measureReplay } from './phases/replay.js';
import { measureRelayBacklog } from './phases/relayBacklog.js';
import { measureReminderRun, reminderRunSteps } from './phases/reminderRun.js';
import { measureWebApp } from './phases/webApp.js';

const log = (line: string) => process.stderr.write(`${line}\n`);
const life = lifecycle(log);
const settings = settingsFrom(process.env);

/**
 * Steps after the parts': runtime, units, idle, 2 latency, 2 throughput, end to end, web app, 3 signing,
 * roster, 3 relay, 2 consumer apply, relay backlog, 2 replay; then the deadline run's (2 a size,
 * and its escalation day).
 */
const phaseSteps = 21 + reminderRunSteps(settings);

const main = async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const startedAt = Date.now();
  const loadAtStart = os.loadavg();
  const progress = new Progress(partsSteps + phaseSteps);
  const notes: string[] = [];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cg-bench-'));
  life.defer(async () => rmSync(dataDir, { recursive: true, force: true }));

  const { bench, runtimeLogLines } = await setup({ settings, progress, dataDir, defer: life.defer, log, note: (text) => notes.push(text) });
  const units = await registerUnits(bench);
  const pairs = pairSource(units.units, Math.max(...yearsUsed(settings).filter((y) => y !== relayYear)));
  const idle = await measureIdle(bench);
  const submitLatency = await measureSubmitLatency(bench, pairs.next);
  const throughput = await measureThroughput(bench, pairs.next);
  const endToEnd = await measureEndToEnd(bench, units, pairs.next);
  const webApp = await measureWebApp(bench, units, relayYear, pairs.next, 5, webAppUpdates);
  const signing = await measureSigning(bench);
  const roster = await measureRoster(bench);
  const relay = await measureRelay(bench, units.units);
  const consumerApply = await measureConsumerApply(bench);
  const relayBacklog = await measureRelayBacklog(bench, units.units, relay.relay.transactBatch);
  const replay = await measureReplay(bench);
  const reminderRun = await measureReminderRun(bench);

  const results = resultsDocument({
    settings,
    parts: bench.parts,
    startedAt,
    loadAtStart,
    idle,
    submitLatency,
    throughput,
    endToEnd,
    webApp,
    signing,
    roster,
    relay,
    relayBacklog,
    consumerApply,
    replay,
    reminderRun,
    runtimeLogLines: runtimeLogLines(),
    notes,
  });
  printResults(results);
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.json');
  writeResults(file, results);
  process.stdout.write(`Written to ${path.relative(process.cwd(), file)}; run took ${results.runSeconds} s.\n`);
  for (const note of notes) process.stdout.write(`note: ${note}\n`);
};

await life.run(main, settings.watchdogMs);
