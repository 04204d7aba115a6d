import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { MeasureKind, PersonInUnit } from './parts.js';

/**
 * A graded measure was imposed on the person of a case; a follow-up visit is due by `followUpDueOn`.
 */
export const MeasureImposedData = z.object({
  caseId: z.string().min(1),
  measureId: z.string().min(1),
  unitId: z.string().min(1),
  person: PersonInUnit,
  measure: MeasureKind,
  /** 1 criticism and self-examination, 2 admonishment, 3 organisational handling, 4 disciplinary sanction. */
  grade: z.number().int().min(1).max(4),
  decidedOn: z.iso.date(),
  followUpDueOn: z.iso.date(),
  actor: Actor,
});
export type MeasureImposedData = z.infer<typeof MeasureImposedData>;

export const MeasureImposedV1 = eventSchema('inspections.MeasureImposed.v1', MeasureImposedData);
export type MeasureImposedV1 = z.infer<typeof MeasureImposedV1>;
