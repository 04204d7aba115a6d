import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { PersonInUnit, TalkKind, TalkSource } from './parts.js';

/**
 * A talk was proposed: by an overseer, by the commission for a joint talk (naming its trigger
 * situation), or by the service itself from a red light. Persons by id only: the record's details
 * stay in the interviews service.
 */
export const TalkProposedData = z.object({
  talkId: z.string().min(1),
  kind: TalkKind,
  /** The unit talked to. */
  unitId: z.string().min(1),
  /** The unit whose leaders hold the talk. */
  hostUnitId: z.string().min(1),
  source: TalkSource,
  /** The joint talk's trigger situation (a code of the configured list); null for other kinds. */
  trigger: z.string().min(1).nullable(),
  scheduledOn: z.iso.date().nullable(),
  interviewees: z.array(PersonInUnit).min(1),
  /** Whether the service suggested it (a red light) rather than a person. */
  suggested: z.boolean(),
  actor: Actor,
});
export type TalkProposedData = z.infer<typeof TalkProposedData>;

export const TalkProposedV1 = eventSchema('interviews.TalkProposed.v1', TalkProposedData);
export type TalkProposedV1 = z.infer<typeof TalkProposedV1>;
