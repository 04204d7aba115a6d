/**
 * The dashboard's read model of rectification items, from `reports.events`: one item per
 * rectification in one partition (`RECTIFICATIONS`), sorted by unit (`UNIT#<unitId>#RECTIFICATION#<id>`),
 * so that the items of a subtree are one Query of the partition. The events after the opening name
 * the item but not its due date (nor a year), so the key holds only what every event carries.
 * Each event's status is kept in its own `step#<aggregateversion>` attribute (`slots.ts`).
 */
import { queryPartition } from '#shared/dynamo/client.js';
import type { RectificationClosedV1, RectificationEvidenceSubmittedV1, RectificationOpenedV1, RectificationReopenedV1 } from '#events/index.js';
import { rectificationStepOf, type RectificationEvent, type RectificationStep } from '../domain/rectification.js';
import type { Versioned } from '../domain/versioned.js';
import { table } from './projection.js';
import { slotName, slotsOf } from './slots.js';
import { update } from './updates.js';

const partition = 'RECTIFICATIONS';
const rectificationKey = (unitId: string, rectificationId: string) => ({ pk: partition, sk: `UNIT#${unitId}#RECTIFICATION#${rectificationId}` });

/** The effect every event of an item has: what it says of the item, and its step. */
const recorded = (event: RectificationEvent, fields: Readonly<Record<string, unknown>> = {}) => {
  const { rectificationId, unitId, source } = event.data;
  const { aggregateVersion, step } = rectificationStepOf(event);
  return [
    update(rectificationKey(unitId, rectificationId), {
      set: { kind: 'rectification', rectificationId, unitId, source, ...fields, [slotName('step', aggregateVersion)]: step },
    }),
  ];
};

/** An item was opened: what is to be done and by when. */
export const rectificationOpened = (event: RectificationOpenedV1) => recorded(event, { action: event.data.action, dueDate: event.data.dueDate, openedAt: event.time });
export const rectificationEvidenceSubmitted = (event: RectificationEvidenceSubmittedV1) => recorded(event);
export const rectificationClosed = (event: RectificationClosedV1) => recorded(event);
export const rectificationReopened = (event: RectificationReopenedV1) => recorded(event);

/** A rectification item as the dashboard holds it. */
export interface ProjectedRectification {
  readonly rectificationId: string;
  readonly unitId: string;
  readonly source: RectificationOpenedV1['data']['source'];
  readonly action: string;
  readonly dueDate: string;
  readonly openedAt: string;
  readonly steps: ReadonlyArray<Versioned<RectificationStep>>;
}

/** Every item whose opening the dashboard has seen (a later event that came first waits for it). */
export const loadRectifications = async (): Promise<ProjectedRectification[]> =>
  (await queryPartition(table(), partition))
    .filter((i) => typeof i.action === 'string')
    .map((i) => ({
      rectificationId: i.rectificationId as string,
      unitId: i.unitId as string,
      source: i.source as ProjectedRectification['source'],
      action: i.action as string,
      dueDate: i.dueDate as string,
      openedAt: i.openedAt as string,
      steps: slotsOf<RectificationStep>(i, 'step'),
    }));
