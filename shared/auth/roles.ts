import { z } from 'zod';

/** The roles a token can carry; a role's reach is the subtree of the caller's unit. */
export const Role = z.enum(['unit_staff', 'unit_secretary', 'discipline_inspector', 'organisation_dept', 'admin']);
export type Role = z.infer<typeof Role>;
