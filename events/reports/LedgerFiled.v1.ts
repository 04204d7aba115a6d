import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor, PersonRef } from '../people.js';

/** A leading cadre filed the month's ledger (Xupu: 一人一填报). */
export const LedgerFiledData = z.object({
  ledgerId: z.string().min(1),
  unitId: z.string().min(1),
  person: PersonRef,
  /** `YYYY-MM`. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  entries: z.array(z.string().min(1)).min(1),
  actor: Actor,
});
export type LedgerFiledData = z.infer<typeof LedgerFiledData>;

export const LedgerFiledV1 = eventSchema('reports.LedgerFiled.v1', LedgerFiledData);
export type LedgerFiledV1 = z.infer<typeof LedgerFiledV1>;
