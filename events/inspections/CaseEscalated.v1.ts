import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/**
 * The case was escalated one level up: the commission of `toUnitId` handles it from now.
 */
export const CaseEscalatedData = z.object({
  caseId: z.string().min(1),
  unitId: z.string().min(1),
  fromUnitId: z.string().min(1),
  toUnitId: z.string().min(1),
  actor: Actor,
});
export type CaseEscalatedData = z.infer<typeof CaseEscalatedData>;

export const CaseEscalatedV1 = eventSchema('inspections.CaseEscalated.v1', CaseEscalatedData);
export type CaseEscalatedV1 = z.infer<typeof CaseEscalatedV1>;
