/**
 * Phase 2: the units of the benchmark, registered through the API by an admin; their committee's and
 * secretary's lists of every year the benchmark reports on, published on `signing.events` as the
 * signing service publishes them (so that every report answers its list sections as well as the
 * statement); each unit saves a first draft (on the relay's year), which also waits until the reports service knows the unit (it
 * answers 403 until it has seen the unit on `signing.events`); then waits until the dashboard shows
 * every unit's draft, and drains.
 */
import { signToken } from '#infra/local/jwt.js';
import { pool } from '#infra/local/support/pool.js';
import { eventually } from '#infra/local/support/eventually.js';
import { UnexpectedStatusError } from '#infra/local/support/httpClient.js';
import type { Bench } from '../context.js';
import { relayYear, yearsUsed, type Pair } from '../pairs.js';
import { CompressionTypes } from 'kafkajs';
import { topics } from '#events/topics.js';
import { outboxPut } from '#shared/outbox/outbox.js';
import { benchReportItems, draftBodyOf, listEventsOf, messageOf } from '../records.js';

/** The dashboard's answer, as far as the benchmark reads it. */
export interface Overview {
  readonly submitted: number;
  readonly units: ReadonlyArray<{ unitId: string; status: string }>;
}

/** The units, an admin token, and the dashboard overview as that admin sees it. */
export interface Units {
  readonly units: readonly Pair[];
  readonly adminToken: string;
  overview(year: number): Promise<Overview>;
}

/** Registers the units and waits until reports and dashboard know them. */
export const registerUnits = async (bench: Bench): Promise<Units> => {
  const { api, runtime, settings } = bench;
  const step = bench.progress.step(`${settings.units} units through the API`);
  const adminToken = await signToken(runtime.keys, 'admin');
  const units: Pair[] = [];
  for (let i = 0; i < settings.units; i++) {
    const unit = await api.expect<{ id: string }>('POST', '/api/units', 201, {
      token: adminToken,
      body: { name: `基准测试单位${String(i + 1).padStart(2, '0')}`, category: '市直部门党组' },
    });
    units.push({ unitId: unit.id, year: relayYear, token: await signToken(runtime.keys, 'unit_secretary', unit.id, `bench-${unit.id}`) });
  }
  await publishLists(bench, units);
  await pool(units, 4, async (unit) => {
    const draftPath = `/api/units/${unit.unitId}/annual-reports/${relayYear}`;
    await eventually(
      async () => {
        const answer = await api.request('PUT', draftPath, { token: unit.token, body: draftBodyOf(unit.unitId, relayYear) });
        // A unit the service has not heard of yet is out of reach (403) until it has.
        if (answer.status === 403 || answer.status === 404) return undefined;
        if (answer.status !== 200) throw new UnexpectedStatusError('PUT', draftPath, 200, answer);
        return answer;
      },
      30_000,
      `the reports service to know unit ${unit.unitId}`,
      100,
    );
    bench.pipeline.caused(1);
  });
  const overview = (year: number) => api.expect<Overview>('GET', `/api/dashboard/annual-reports?year=${year}`, 200, { token: adminToken });
  const ids = new Set(units.map((u) => u.unitId));
  await eventually(
    async () => ((await overview(relayYear)).units.filter((u) => ids.has(u.unitId) && u.status === 'draft').length === units.length ? true : undefined),
    30_000,
    'the dashboard to show every unit’s draft',
  );
  await bench.pipeline.drain('units');
  step.done(`${units.length} units known to reports and dashboard`);
  return { units, adminToken, overview };
};

/** Publishes every unit's lists of every year on `signing.events`, and waits until the reports service has them. */
const publishLists = async (bench: Bench, units: readonly Pair[]): Promise<void> => {
  const at = new Date();
  const messages = units.flatMap((unit) =>
    yearsUsed(bench.settings)
      .flatMap((year) => listEventsOf(unit.unitId, year, at))
      .map((event) => messageOf(outboxPut('signing', topics.signing, event, at).Put.Item)),
  );
  const producer = bench.kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    for (let i = 0; i < messages.length; i += 500) await producer.send({ topic: topics.signing, acks: -1, compression: CompressionTypes.None, messages: messages.slice(i, i + 500) });
  } finally {
    await producer.disconnect();
  }
  // A unit's lists arrive in order (the unit is the record key): the relay year's are its last.
  const hasLists = async (unit: Pair) => {
    const answer = await bench.api.request<{ items?: unknown[] }>('GET', `/api/units/${unit.unitId}/annual-reports/${relayYear}`, { token: unit.token });
    return answer.status === 200 && answer.body.items?.length === benchReportItems;
  };
  await eventually(
    async () => ((await pool(units, 4, hasLists)).every(Boolean) ? true : undefined),
    120_000,
    `the reports service to have ${messages.length} published lists`,
    250,
  );
};
