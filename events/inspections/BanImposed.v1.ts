import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { BanKind, MeasureKind, PersonInUnit } from './parts.js';

/**
 * A measure barred the person's later appointments until `until` (the day it ends, not barred).
 * Checked wherever an appointment is.
 */
export const BanImposedData = z.object({
  banId: z.string().min(1),
  caseId: z.string().min(1),
  unitId: z.string().min(1),
  person: PersonInUnit,
  ban: BanKind,
  measure: MeasureKind,
  from: z.iso.date(),
  until: z.iso.date(),
  actor: Actor,
});
export type BanImposedData = z.infer<typeof BanImposedData>;

export const BanImposedV1 = eventSchema('inspections.BanImposed.v1', BanImposedData);
export type BanImposedV1 = z.infer<typeof BanImposedV1>;
