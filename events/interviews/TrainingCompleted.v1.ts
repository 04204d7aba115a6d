import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { PersonInUnit } from './parts.js';

/** A newly appointed cadre completed the pre-appointment integrity training (任前廉政培训). */
export const TrainingCompletedData = z.object({
  trainingId: z.string().min(1),
  unitId: z.string().min(1),
  year: z.number().int(),
  person: PersonInUnit,
  completedOn: z.iso.date(),
  actor: Actor,
});
export type TrainingCompletedData = z.infer<typeof TrainingCompletedData>;

export const TrainingCompletedV1 = eventSchema('interviews.TrainingCompleted.v1', TrainingCompletedData);
export type TrainingCompletedV1 = z.infer<typeof TrainingCompletedV1>;
