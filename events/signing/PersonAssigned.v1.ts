import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor, Portfolio, PostRef } from './parts.js';

/** A person took up a post in a unit, from `startDate` (a date in China Standard Time). */
export const PersonAssignedData = PostRef.extend({
  name: z.string().min(1),
  /** The post's title as the unit writes it (e.g. 党委副书记、纪委书记). */
  title: z.string().min(1),
  portfolio: Portfolio,
  startDate: z.iso.date(),
  actor: Actor,
});
export type PersonAssignedData = z.infer<typeof PersonAssignedData>;

export const PersonAssignedV1 = eventSchema('signing.PersonAssigned.v1', PersonAssignedData);
export type PersonAssignedV1 = z.infer<typeof PersonAssignedV1>;
