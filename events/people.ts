/**
 * Who acted and whom an event names: shared by the events of every service, so that the topics are
 * the audit trail and consumers need not call back.
 */
import { z } from 'zod';
import { Role } from '#shared/auth/roles.js';

/**
 * Who did what an event records: the audit trail. `subject` is the signed-in identity (a person's
 * id for a person); a scheduled run acts as `system`.
 */
export const Actor = z.object({
  subject: z.string().min(1),
  role: z.union([Role, z.literal('system')]),
  /** The caller's unit; null for an admin of the whole tree or the system. */
  unitId: z.string().min(1).nullable(),
});
export type Actor = z.infer<typeof Actor>;

/** A person as events name them: stable id and name, so consumers need not call back. */
export const PersonRef = z.object({ personId: z.string().min(1), name: z.string().min(1) });
export type PersonRef = z.infer<typeof PersonRef>;


/** The actor an event names for what a signed-in caller did: the audit trail. */
export const actorOf = (caller: { readonly subject: string; readonly role: Actor['role']; readonly unitId?: string | undefined }): Actor => ({
  subject: caller.subject,
  role: caller.role,
  unitId: caller.unitId ?? null,
});
