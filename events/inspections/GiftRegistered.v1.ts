import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { PersonInUnit } from './parts.js';

/**
 * A cadre registered a gift or cash they refused, returned or handed in (Loudi's register).
 */
export const GiftRegisteredData = z.object({
  giftId: z.string().min(1),
  unitId: z.string().min(1),
  person: PersonInUnit,
  handling: z.enum(['refused', 'returned', 'handedIn']),
  /** In yuan. */
  value: z.number().nonnegative(),
  receivedOn: z.iso.date(),
  actor: Actor,
});
export type GiftRegisteredData = z.infer<typeof GiftRegisteredData>;

export const GiftRegisteredV1 = eventSchema('inspections.GiftRegistered.v1', GiftRegisteredData);
export type GiftRegisteredV1 = z.infer<typeof GiftRegisteredV1>;
