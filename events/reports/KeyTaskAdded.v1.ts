import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { KeyTaskRef } from './parts.js';
import { Actor, PersonRef } from '../people.js';

/** A key task (重点任务) was added to the unit's table of the year. */
export const KeyTaskAddedData = KeyTaskRef.extend({
  title: z.string().min(1),
  responsible: PersonRef,
  leadOffice: z.string().min(1),
  goal: z.string().min(1),
  measures: z.string().min(1),
  milestones: z.array(z.object({ date: z.iso.date(), text: z.string().min(1) })),
  actor: Actor,
});
export type KeyTaskAddedData = z.infer<typeof KeyTaskAddedData>;

export const KeyTaskAddedV1 = eventSchema('reports.KeyTaskAdded.v1', KeyTaskAddedData);
export type KeyTaskAddedV1 = z.infer<typeof KeyTaskAddedV1>;
