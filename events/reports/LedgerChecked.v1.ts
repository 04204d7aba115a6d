import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor, PersonRef } from '../people.js';

/** The month's filing was checked (一月一核查). */
export const LedgerCheckedData = z.object({
  ledgerId: z.string().min(1),
  unitId: z.string().min(1),
  person: PersonRef,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  result: z.enum(['passed', 'failed']),
  note: z.string(),
  actor: Actor,
});
export type LedgerCheckedData = z.infer<typeof LedgerCheckedData>;

export const LedgerCheckedV1 = eventSchema('reports.LedgerChecked.v1', LedgerCheckedData);
export type LedgerCheckedV1 = z.infer<typeof LedgerCheckedV1>;
