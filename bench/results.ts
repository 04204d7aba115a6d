/**
 * The results of a run: the `bench/results.json` document (every figure with its unit, the CPU per
 * part, the judged targets and the notes) and the table printed at the end.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { topicPartitions } from '#events/topics.js';
import type { Parts } from '#infra/local/parts.js';
import type { Settings } from './settings.js';
import { fig, latencyFigures, round, type Figure } from './stats.js';
import type { Usage } from './usage.js';
import type { SubmitLatency } from './phases/submitLatency.js';
import type { Throughput } from './phases/throughput.js';
import type { EndToEnd } from './phases/endToEnd.js';
import type { SigningResult } from './phases/signing.js';
import type { RosterBenchResult } from './phases/roster.js';
import { rateOf, type RelayResult } from './phases/relay.js';
import type { ConsumerApplyResult } from './phases/consumerApply.js';
import type { ReplayResult } from './phases/replay.js';
import type { RelayBacklogResult } from './phases/relayBacklog.js';
import { doneShare, timedOffsets, type ReminderRunResult } from './phases/reminderRun.js';
import type { WebAppResult } from './phases/webApp.js';
import {
  consumerApplyTarget,
  judge,
  relayTarget,
  replayMinutesTarget,
  replayReferenceEvents,
  reminderRunTargets,
  firstLoadKilobytesTarget,
  dashboardShownSecondsTarget,
  liveUpdateSecondsTarget,
  submitCpuTarget,
  submitP50Target,
  type Judged,
} from './targets.js';

/** Everything the phases measured, and about the run. */
export interface Measured {
  readonly settings: Settings;
  readonly parts: Parts;
  readonly startedAt: number;
  readonly loadAtStart: readonly number[];
  readonly idle: Usage;
  readonly submitLatency: SubmitLatency;
  readonly throughput: Throughput;
  readonly endToEnd: EndToEnd;
  readonly signing: SigningResult;
  readonly roster: RosterBenchResult;
  readonly relay: RelayResult;
  readonly relayBacklog: RelayBacklogResult;
  readonly consumerApply: ConsumerApplyResult;
  readonly replay: ReplayResult;
  readonly reminderRun: ReminderRunResult;
  readonly webApp: WebAppResult;
  readonly runtimeLogLines: number;
  readonly notes: readonly string[];
}

/** The judged targets of a run. */
export const targetsOf = (m: Measured): Judged[] => {
  const { gateway, barePath } = m.submitLatency;
  const backlogRate = rateOf(m.relayBacklog.records, m.relayBacklog.start, m.relayBacklog.lastReceived);
  const producerRate = rateOf(m.relay.records, m.relay.bareProducer.start, m.relay.bareProducer.lastReceived);
  const consumerRate = m.consumerApply.events / (m.consumerApply.consumer.appliedMs / 1000);
  const rawRate = m.consumerApply.events / (m.consumerApply.rawWrites.ms / 1000);
  const replayRate = m.replay.applied / (m.replay.ms / 1000);
  return [
    judge('relayPublishRate', 'relay publish rate on a backlog / bare kafkajs producer rate', backlogRate / producerRate, 'at least', relayTarget),
    judge('consumerApplyRate', 'dashboard consumer apply rate / raw TransactWriteItems rate', consumerRate / rawRate, 'at least', consumerApplyTarget),
    judge('submitCpu', 'node CPU per submit: gateway / bare submit path', gateway.cpu.node.cpuMsPerItem / barePath.cpu.node.cpuMsPerItem, 'at most', submitCpuTarget),
    judge('submitP50', 'submit p50: gateway / bare submit path', gateway.latency.p50 / barePath.latency.p50, 'at most', submitP50Target),
    judge(
      'replay',
      `replay of ${replayReferenceEvents.toLocaleString('en')} events into a fresh read model, at the measured rate`,
      replayReferenceEvents / replayRate / 60,
      'at most',
      replayMinutesTarget,
      'min',
      1,
    ),
    ...reminderRunTargets(m.reminderRun.sizes),
    judge('webFirstLoad', 'the web app’s first-load JavaScript, gzip', m.webApp.firstLoadGzipBytes / 1024, 'at most', firstLoadKilobytesTarget, 'KB', 1),
    judge('dashboardShown', 'navigating to the oversight dashboard until its data show, Chromium, median', m.webApp.medianShownMs / 1000, 'at most', dashboardShownSecondsTarget, 's', 3),
    judge('liveUpdate', 'a submission sent until the open dashboard’s count changed, Chromium, slowest', m.webApp.maxLiveUpdateMs / 1000, 'at most', liveUpdateSecondsTarget, 's', 3),
  ];
};

/** The results document. */
export const resultsDocument = (m: Measured) => {
  const { gateway, bareWrite, barePath } = m.submitLatency;
  const { relay, bareProducer } = m.relay;
  const backlog = m.relayBacklog;
  const n = m.relay.records;
  const relayRate = rateOf(n, relay.start, relay.lastReceived);
  const backlogRate = rateOf(n, backlog.start, backlog.lastReceived);
  const producerRate = rateOf(n, bareProducer.start, bareProducer.lastReceived);
  const t = m.throughput;
  const ca = m.consumerApply;
  const consumerRate = ca.events / (ca.consumer.appliedMs / 1000);
  const rawRate = ca.events / (ca.rawWrites.ms / 1000);
  const r = m.replay;
  const rr = m.reminderRun;
  const [smallest, largest] = [rr.sizes[0], rr.sizes[rr.sizes.length - 1]];
  const escalation = rr.escalation;
  return {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      totalMemory: fig(os.totalmem() / 2 ** 30, 'GiB'),
      node: process.version,
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      loadAverage1m: { atStart: round(m.loadAtStart[0]!), atEnd: round(os.loadavg()[0]!) },
    },
    parts: { kafka: m.parts.kafka ? 'started' : `existing ${m.parts.brokers}`, dynamodb: m.parts.dynamo ? 'started' : `existing ${m.parts.endpoint}` },
    runSeconds: round((Date.now() - m.startedAt) / 1000, 1),
    targets: targetsOf(m),
    idle: { description: 'CPU of the runtime and parts over 3 s with no requests', cpu: m.idle },
    submitLatency: {
      description:
        'one at a time, every draft saved (untimed) and its event drained beforehand; the gateway and the bare submit path in one loop, a submit of each in turn (which first alternating), the bare saveReport on its own loop; gateway: POST …/submit; bare: the reports service’s saveReport of the decided submit (one TransactWriteItems: report Put conditional on the draft version + outbox Put), report read and decision made beforehand; bare submit path: the service’s getKnownUnit and getReport at once, decide, evolve, saveReport',
      warmup: m.settings.latencyWarmup,
      gateway: latencyFigures(gateway.latency),
      bare: latencyFigures(bareWrite.latency),
      bareSubmitPath: latencyFigures(barePath.latency),
      ratio: { p50: round(gateway.latency.p50 / bareWrite.latency.p50), p99: round(gateway.latency.p99 / bareWrite.latency.p99), meaning: 'gateway / bare saveReport' },
      ratioToSubmitPath: {
        p50: round(gateway.latency.p50 / barePath.latency.p50),
        p99: round(gateway.latency.p99 / barePath.latency.p99),
        meaning: 'gateway / bare submit path',
      },
      cpu: { gateway: gateway.cpu, bare: bareWrite.cpu, bareSubmitPath: barePath.cpu },
      cpuPerSubmit: {
        description: 'this process’s CPU over each side’s own submits (warm-up included), summed and divided by the submits; the process hosts the gateway, every function, the relay and the consumers, and the benchmark’s clients',
        gateway: fig(gateway.cpu.node.cpuMsPerItem, 'ms'),
        bare: fig(bareWrite.cpu.node.cpuMsPerItem, 'ms'),
        bareSubmitPath: fig(barePath.cpu.node.cpuMsPerItem, 'ms'),
        ratio: { value: round(gateway.cpu.node.cpuMsPerItem / barePath.cpu.node.cpuMsPerItem), meaning: 'gateway / bare submit path' },
      },
    },
    throughput: {
      description: `${t.clients} concurrent clients, fixed count; submit only (drafts saved and their events drained before the clock starts); bare: the reports service’s saveReport of the decided submit, ${t.clients} at a time`,
      clients: t.clients,
      gateway: {
        count: t.gateway.count,
        seconds: fig(t.gateway.seconds, 's', 3),
        rate: fig(t.gateway.rate, 'submissions/s', 1),
        latencyUnderLoad: latencyFigures(t.gateway.latency),
        drainAfter: fig(t.gateway.drainMs, 'ms', 0),
        cpu: t.gateway.cpu,
      },
      bare: {
        count: t.bare.count,
        seconds: fig(t.bare.seconds, 's', 3),
        rate: fig(t.bare.rate, 'writes/s', 1),
        latencyUnderLoad: latencyFigures(t.bare.latency),
        drainAfter: fig(t.bare.drainMs, 'ms', 0),
        cpu: t.bare.cpu,
      },
      ratio: { value: round(t.gateway.rate / t.bare.rate, 3), meaning: 'gateway / bare' },
    },
    endToEnd: {
      description: `submit sent → GET /api/dashboard/annual-reports shows submitted/late, polled every ${m.settings.e2ePollMs} ms (the draft is seen on the dashboard before the submit)`,
      warmup: m.settings.e2eWarmup,
      latency: latencyFigures(m.endToEnd.latency),
      submitResponse: latencyFigures(m.endToEnd.submitResponse),
      meanPolls: round(m.endToEnd.meanPolls, 1),
    },
    relay: {
      description: `relay (live): ${n} outbox items inserted in TransactWriteItems of ${relay.transactBatch} (${m.settings.relayInsertConcurrency} at a time) while the runtime's relay runs → received by a fresh consumer of reports.events, rate from the first insert (bounded by the inserts); backlog: with the runtime stopped, ${backlog.records} other outbox items inserted into the reports table, then the reports relay started again on its stream through the local stream poller (from the runtime's checkpoints) → received by a fresh consumer, rate from the start of the poller; bare: kafkajs producer, batches of ${m.settings.producerBatch}, acks -1, no compression, to a ${topicPartitions}-partition scratch topic → received by a fresh consumer, rate from the first send. The judged ratio is backlog / bare.`,
      records: n,
      relay: {
        rate: fig(relayRate, 'records/s', 0),
        seconds: fig((relay.lastReceived - relay.start) / 1000, 's', 3),
        firstToLastReceivedRate: fig(rateOf(n, relay.firstReceived, relay.lastReceived), 'records/s', 0),
        insertSeconds: fig((relay.inserted - relay.start) / 1000, 's', 3),
        insertRate: fig(rateOf(n, relay.start, relay.inserted), 'items/s', 0),
        firstRecordAfter: fig(relay.firstReceived - relay.start, 'ms', 0),
        lastRecordAfterInserts: fig(relay.lastReceived - relay.inserted, 'ms', 0),
        dashboardAppliedAfter: fig(relay.dashboardAppliedAfterMs, 'ms', 0),
        cpu: relay.cpu,
      },
      backlog: {
        records: backlog.records,
        rate: fig(backlogRate, 'records/s', 0),
        seconds: fig((backlog.lastReceived - backlog.start) / 1000, 's', 3),
        firstRecordAfter: fig(backlog.firstReceived - backlog.start, 'ms', 0),
        cpu: backlog.cpu,
      },
      bareProducer: {
        rate: fig(producerRate, 'records/s', 0),
        seconds: fig((bareProducer.lastReceived - bareProducer.start) / 1000, 's', 3),
        firstToLastReceivedRate: fig(rateOf(n, bareProducer.firstReceived, bareProducer.lastReceived), 'records/s', 0),
        acknowledgedRate: fig(rateOf(n, bareProducer.start, bareProducer.acknowledged), 'records/s', 0),
        cpu: bareProducer.cpu,
      },
      ratio: { value: round(relayRate / producerRate, 3), meaning: 'relay (live) / bare producer' },
      backlogRatio: { value: round(backlogRate / producerRate, 3), meaning: 'relay (backlog) / bare producer' },
    },
    consumerApply: {
      description: `${ca.events} valid reports.AnnualReportDraftSaved.v1 records of fresh units produced to reports.events (batches of ${m.settings.producerBatch}) → applied by the runtime's dashboard consumer; events/s from the first produce until the group's committed offsets reach the end of every partition. Raw: ${ca.events} other events, each one TransactWriteItems of the inbox Put and the dashboard's draftSaved effect (${ca.rawWrites.itemsPerTransaction} items), ${ca.rawWrites.writers} writers (one per partition) one transaction after the other.`,
      events: ca.events,
      consumer: {
        rate: fig(consumerRate, 'events/s', 0),
        seconds: fig(ca.consumer.appliedMs / 1000, 's', 3),
        produceSeconds: fig(ca.consumer.produceMs / 1000, 's', 3),
        visible: ca.consumer.visible,
        cpu: ca.consumer.cpu,
      },
      rawWrites: {
        rate: fig(rawRate, 'events/s', 0),
        seconds: fig(ca.rawWrites.ms / 1000, 's', 3),
        writers: ca.rawWrites.writers,
        itemsPerTransaction: ca.rawWrites.itemsPerTransaction,
        cpu: ca.rawWrites.cpu,
      },
      ratio: { value: round(consumerRate / rawRate, 3), meaning: 'consumer / raw writes' },
    },
    signing: {
      description: `a unit with ${m.signing.letters} team members through the API (posts, published lists, letters issued); every letter signed by both parties one signature at a time through the gateway (POST /api/letters/{id}/sign: reads, a new chain link hashed, digitally signed with the local key, one TransactWriteItems); then GET /api/units/{id}/signatures/verify of the whole chain (${m.signing.chainLinks} links: hashes, digital signatures and content hashes recomputed), ${m.signing.verify.samples} times`,
      letters: m.signing.letters,
      signature: latencyFigures(m.signing.signatures),
      cpuPerSignature: m.signing.signatureCpu,
      chainLinks: m.signing.chainLinks,
      verifyChain: latencyFigures(m.signing.verify),
    },
    roster: {
      description: `a roster of ${m.roster.rows} rows (units, and people in posts) imported through the gateway in one request (every row checked, then written in transactions of a few dozen with their events); then the same file again, which writes nothing`,
      rows: m.roster.rows,
      importSeconds: fig(m.roster.importMs / 1000, 's', 2),
      againSeconds: fig(m.roster.againMs / 1000, 's', 2),
    },
    replay: {
      description: `${r.events} events (a first draft and its submission for each of ${r.units} fresh units) produced to a fresh ${r.partitions}-partition topic, then the runtime stopped and the dashboard's onReportsEvents run on that topic through the local Kafka event source emulation, in a fresh consumer group, into a fresh dashboard table; time from starting the consumer until its committed offsets reach the end of the topic`,
      events: r.events,
      finished: r.finished,
      applied: r.applied,
      seconds: fig(r.ms / 1000, 's', 1),
      rate: fig(r.applied / (r.ms / 1000), 'events/s', 0),
      produceSeconds: fig(r.produceMs / 1000, 's', 1),
      produceRate: fig(r.events / (r.produceMs / 1000), 'events/s', 0),
      submittedVisible: r.submittedVisible,
      cpu: r.cpu,
    },
    webApp: {
      description: 'the web app as `npm start` builds it: the JavaScript of its first load (the module script of index.html and the chunks it preloads, each gzipped at the default level); the time from navigating to /oversight in a fresh Chromium context (nothing cached), signed in as an admin of the whole tree, until the year’s counts are on the screen; and, on that dashboard left open, from sending a submission (its draft already shown) until the count of submitted reports on the screen changed',
      firstLoad: m.webApp.firstLoad.map((f) => ({ file: f.file, gzip: fig(f.gzipBytes / 1024, 'KB', 1) })),
      firstLoadGzip: fig(m.webApp.firstLoadGzipBytes / 1024, 'KB', 1),
      dashboardShown: { median: fig(m.webApp.medianShownMs / 1000, 's', 3), loads: m.webApp.dashboardShownMs.map((ms) => round(ms / 1000, 3)) },
      liveUpdate: { slowest: fig(m.webApp.maxLiveUpdateMs / 1000, 's', 3), samples: m.webApp.liveUpdateMs.map((ms) => round(ms / 1000, 3)) },
    },
    reminderRun: {
      description: `the reports service's runDeadlines (the daily deadline run) over each number of units, each in a fresh reports table of its own with a report year of its own, so that the units set holds exactly those units (written through the service's addToSet), ${doneShare * 100}% of them done with the year's report and all of them with the year before's; the call alone timed (wall clock) on the reminder days ${timedOffsets.join(', ')} days before the due day, each recording its parts anew, after an untimed run on the day before; every run must remind exactly the pending units and do nothing else. What a run decides is not sent (the fresh tables have no stream).${escalation ? ` Escalation day: the first day overdue over ${escalation.units} units, each unit's item (under a county of 20) written beforehand, one run.` : ''}`,
      sizes: rr.sizes.map((size) => ({
        units: size.units,
        year: size.year,
        pending: size.pending,
        median: fig(size.medianMs / 1000, 's', 3),
        runs: size.runs.map((run) => ({ day: run.day, offsetDays: run.offsetDays, seconds: fig(run.ms / 1000, 's', 3), partsRecorded: run.partsRecorded, reminders: run.reminders })),
        setsWrittenIn: fig(size.generateMs / 1000, 's', 1),
        cpu: size.cpu,
      })),
      growth:
        smallest && largest && largest.units > smallest.units
          ? { value: round(largest.medianMs / smallest.medianMs, 3), meaning: `median over ${largest.units} units / over ${smallest.units} units` }
          : null,
      escalationDay: escalation
        ? {
            units: escalation.units,
            day: escalation.day,
            overdue: escalation.overdue,
            seconds: fig(escalation.ms / 1000, 's', 3),
            escalations: escalation.escalations,
            partsRecorded: escalation.partsRecorded,
            unitItemsWrittenIn: fig(escalation.unitItemsMs / 1000, 's', 1),
          }
        : null,
    },
    runtimeLogLines: m.runtimeLogLines,
    notes: m.notes,
  };
};

/** The results document's type. */
export type Results = ReturnType<typeof resultsDocument>;

/** Prints the figures, the targets and the CPU per part. */
export const printResults = (results: Results): void => {
  const s = results.submitLatency;
  const t = results.throughput;
  const ca = results.consumerApply;
  type Row = readonly [metric: string, what: string, figure: Figure, samples?: number, note?: string];
  const rows: Row[] = [
    ['submit latency p50', 'gateway', s.gateway.p50, s.gateway.samples],
    ['submit latency p99', 'gateway', s.gateway.p99, s.gateway.samples],
    ['submit latency p50', 'bare saveReport', s.bare.p50, s.bare.samples],
    ['submit latency p99', 'bare saveReport', s.bare.p99, s.bare.samples],
    ['submit latency p50 ratio', 'gateway / bare saveReport', fig(s.ratio.p50, '×'), undefined],
    ['submit latency p99 ratio', 'gateway / bare saveReport', fig(s.ratio.p99, '×'), undefined],
    ['submit latency p50', 'bare submit path', s.bareSubmitPath.p50, s.bareSubmitPath.samples, `ratio gw/path ${s.ratioToSubmitPath.p50}×`],
    ['submit latency p99', 'bare submit path', s.bareSubmitPath.p99, s.bareSubmitPath.samples, `ratio gw/path ${s.ratioToSubmitPath.p99}×`],
    ['node CPU per submit', 'gateway', s.cpuPerSubmit.gateway, undefined],
    ['node CPU per submit', 'bare submit path', s.cpuPerSubmit.bareSubmitPath, undefined, `ratio gw/path ${s.cpuPerSubmit.ratio.value}×`],
    [`throughput (${t.clients} clients)`, 'gateway, submit only', t.gateway.rate, t.gateway.count, `p50 ${t.gateway.latencyUnderLoad.p50.value} / p99 ${t.gateway.latencyUnderLoad.p99.value} ms`],
    [`throughput (${t.clients} clients)`, 'bare saveReport', t.bare.rate, t.bare.count, `p50 ${t.bare.latencyUnderLoad.p50.value} / p99 ${t.bare.latencyUnderLoad.p99.value} ms`],
    ['throughput ratio', 'gateway / bare', fig(t.ratio.value, '×', 3), undefined],
    ['end to end p50', 'submit → dashboard', results.endToEnd.latency.p50, results.endToEnd.latency.samples],
    ['end to end p99', 'submit → dashboard', results.endToEnd.latency.p99, results.endToEnd.latency.samples],
    ['signature p50', 'sign a letter, gateway', results.signing.signature.p50, results.signing.signature.samples],
    ['signature p99', 'sign a letter, gateway', results.signing.signature.p99, results.signing.signature.samples],
    ['verify chain p50', `${results.signing.chainLinks} signatures, gateway`, results.signing.verifyChain.p50, results.signing.verifyChain.samples],
    ['roster import', 'rows in one request, gateway', results.roster.importSeconds, results.roster.rows, `again: ${results.roster.againSeconds.value} s, nothing written`],
    ['relay publish rate', 'live: outbox → consumer', results.relay.relay.rate, results.relay.records, `inserts took ${results.relay.relay.insertSeconds.value} s`],
    ['relay publish rate', 'backlog: outbox → consumer', results.relay.backlog.rate, results.relay.backlog.records],
    ['bare producer rate', 'producer → consumer', results.relay.bareProducer.rate, results.relay.records, `acked ${results.relay.bareProducer.acknowledgedRate.value}/s`],
    ['relay ratio', 'live / bare producer', fig(results.relay.ratio.value, '×', 3), undefined],
    ['relay ratio', 'backlog / bare producer', fig(results.relay.backlogRatio.value, '×', 3), undefined],
    ['consumer apply rate', 'dashboard consumer', ca.consumer.rate, ca.events, `${ca.consumer.visible} visible`],
    ['raw write rate', `TransactWriteItems, ${ca.rawWrites.writers} writers`, ca.rawWrites.rate, ca.events, `${ca.rawWrites.itemsPerTransaction} items each`],
    ['consumer apply ratio', 'consumer / raw writes', fig(ca.ratio.value, '×', 3), undefined],
    ['web app first load', 'JavaScript, gzip', results.webApp.firstLoadGzip, results.webApp.firstLoad.length],
    ['dashboard shown', 'Chromium, navigation → data on screen (median)', results.webApp.dashboardShown.median, results.webApp.dashboardShown.loads.length],
    ['live update', 'submit sent → open dashboard’s count changed (slowest)', results.webApp.liveUpdate.slowest, results.webApp.liveUpdate.samples.length, `samples ${results.webApp.liveUpdate.samples.join(', ')} s`],
    ['replay time', 'topic → fresh read model', results.replay.seconds, results.replay.events, results.replay.finished ? '' : `cut short: ${results.replay.applied} applied`],
    ['replay rate', 'topic → fresh read model', results.replay.rate, results.replay.applied],
    ...results.reminderRun.sizes.map(
      (size): Row => [
        'deadline run',
        `${size.units} units, reminder days (median)`,
        size.median,
        size.runs.length,
        `${size.pending} reminded in ${size.runs[0]?.partsRecorded ?? 0} parts; runs ${size.runs.map((run) => run.seconds.value).join(', ')} s`,
      ],
    ),
    ...(results.reminderRun.growth ? [['deadline run growth', results.reminderRun.growth.meaning, fig(results.reminderRun.growth.value, '×', 3), undefined] as Row] : []),
    ...(results.reminderRun.escalationDay
      ? [
          [
            'deadline run',
            `${results.reminderRun.escalationDay.units} units, first day overdue`,
            results.reminderRun.escalationDay.seconds,
            1,
            `${results.reminderRun.escalationDay.overdue} overdue units to ${results.reminderRun.escalationDay.escalations} overseers`,
          ] as Row,
        ]
      : []),
  ];
  process.stdout.write('\n');
  console.table(rows.map(([metric, what, f, samples, note]) => ({ metric, what, value: f.value, unit: f.unit, samples: samples ?? '', note: note ?? '' })));
  process.stdout.write('Targets (each against a baseline of the same run):\n');
  console.table(results.targets.map((j) => ({ target: j.id, figure: j.figure, value: `${j.value}${j.unit === '×' ? '×' : ` ${j.unit}`}`, aim: j.target, result: j.met ? 'met' : 'not met' })));
  const cpuLine = (label: string, u: Usage) =>
    `  ${label.padEnd(28)} node ${u.node.cores} cores (${u.node.cpuMsPerItem} ms/item), DynamoDB Local ${u.dynamodbLocal.cores} cores (${u.dynamodbLocal.cpuMsPerItem} ms/item), Kafka ${u.kafka.cores} cores`;
  process.stdout.write(
    [
      'CPU during the timed part (1.0 = one core):',
      cpuLine('idle (3 s, no requests)', results.idle.cpu),
      cpuLine('submit latency, gateway', s.cpu.gateway),
      cpuLine('submit latency, bare write', s.cpu.bare),
      cpuLine('submit latency, bare path', s.cpu.bareSubmitPath),
      cpuLine('throughput, gateway', t.gateway.cpu),
      cpuLine('throughput, bare', t.bare.cpu),
      cpuLine('signing', results.signing.cpuPerSignature),
      cpuLine('relay, live', results.relay.relay.cpu),
      cpuLine('relay, backlog', results.relay.backlog.cpu),
      cpuLine('bare producer', results.relay.bareProducer.cpu),
      cpuLine('consumer apply', ca.consumer.cpu),
      cpuLine('raw writes', ca.rawWrites.cpu),
      cpuLine('replay', results.replay.cpu),
      ...results.reminderRun.sizes.map((size) => cpuLine(`deadline run, ${size.units} units`, size.cpu)),
      `Load average (1 min): ${results.machine.loadAverage1m.atStart} at start, ${results.machine.loadAverage1m.atEnd} at end.`,
      '',
    ].join('\n'),
  );
};

/** Writes the document to `file`. */
export const writeResults = (file: string, results: Results): void => writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
