import type { Caller } from '#shared/auth/claims.js';
import type { Actor } from '#events/signing/parts.js';

/** The actor an event names for what `caller` did: the audit trail. */
export const actorOf = (caller: Caller): Actor => ({ subject: caller.subject, role: caller.role, unitId: caller.unitId ?? null });
