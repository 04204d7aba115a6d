import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { AppointmentKind, PersonInUnit } from './parts.js';

/**
 * The commission gave its written integrity opinion (廉政意见) on a person's appointment, from
 * the integrity file, the open clues and the bans. An active ban always gives `reject`.
 */
export const OpinionGivenData = z.object({
  opinionId: z.string().min(1),
  unitId: z.string().min(1),
  person: PersonInUnit,
  appointment: z.object({ kind: AppointmentKind, post: z.string().min(1), on: z.iso.date() }),
  decision: z.enum(['agree', 'defer', 'reject']),
  /** The bans that barred it. */
  banIds: z.array(z.string().min(1)),
  openCases: z.number().int().nonnegative(),
  actor: Actor,
});
export type OpinionGivenData = z.infer<typeof OpinionGivenData>;

export const OpinionGivenV1 = eventSchema('inspections.OpinionGiven.v1', OpinionGivenData);
export type OpinionGivenV1 = z.infer<typeof OpinionGivenV1>;
