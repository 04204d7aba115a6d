import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { PersonInUnit, TalkKind, TalkSource } from './parts.js';

/**
 * A talk was held and its record kept. The event says who took part (by id), when, and how many
 * problems and demands were raised; what was said stays in the record, read only by the roles in
 * charge.
 */
export const TalkHeldData = z.object({
  talkId: z.string().min(1),
  kind: TalkKind,
  unitId: z.string().min(1),
  hostUnitId: z.string().min(1),
  source: TalkSource,
  heldOn: z.iso.date(),
  convenors: z.array(PersonInUnit).min(1),
  attendees: z.array(PersonInUnit),
  interviewees: z.array(PersonInUnit).min(1),
  problemCount: z.number().int().nonnegative(),
  demandCount: z.number().int().nonnegative(),
  /** A warning talk below division level is filed with the office (备案). */
  filedWithOffice: z.boolean(),
  actor: Actor,
});
export type TalkHeldData = z.infer<typeof TalkHeldData>;

export const TalkHeldV1 = eventSchema('interviews.TalkHeld.v1', TalkHeldData);
export type TalkHeldV1 = z.infer<typeof TalkHeldV1>;
