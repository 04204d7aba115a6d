/**
 * Integrity pledges (廉政承诺书) of the holders of high-risk posts: made when a post of level 1 or 2
 * is graded, signed by its holder on the unit's chain like a letter, and shown within the unit.
 * Pure rules, no I/O.
 */
import { ConflictError, ForbiddenError } from '#shared/errors.js';
import type { PersonRef, RiskLevel } from './riskPosts.js';
import { canonicalDigest, type SignatureSuite } from './suites.js';

export interface Pledge {
  readonly pledgeId: string;
  readonly version: number;
  readonly unitId: string;
  readonly year: number;
  readonly riskPostId: string;
  readonly riskPostName: string;
  readonly level: RiskLevel;
  readonly holder: PersonRef;
  readonly items: readonly string[];
  readonly suite: SignatureSuite;
  readonly contentHash: string;
  readonly status: 'issued' | 'signed';
  readonly signature: { readonly sequence: number; readonly hash: string; readonly signedAt: string } | null;
  readonly seal: { readonly keyId: string; readonly signature: string } | null;
  readonly issuedAt: string;
}

/** What a pledge's fingerprint covers: what its holder reads and signs. */
export const pledgeContent = (p: Pick<Pledge, 'pledgeId' | 'version' | 'unitId' | 'year' | 'riskPostId' | 'riskPostName' | 'level' | 'holder' | 'items'>) => ({
  pledgeId: p.pledgeId,
  version: p.version,
  unitId: p.unitId,
  year: p.year,
  riskPostId: p.riskPostId,
  riskPostName: p.riskPostName,
  level: p.level,
  holder: p.holder,
  items: p.items,
});

export const pledgeContentHashOf = (p: Parameters<typeof pledgeContent>[0], suite: SignatureSuite): string => canonicalDigest(suite, pledgeContent(p));

/** What a pledge's seal signs: its identity and content hash, canonically. */
export const pledgeSealMessageOf = (p: Pick<Pledge, 'pledgeId' | 'version' | 'unitId' | 'year' | 'contentHash' | 'suite'>): Buffer =>
  Buffer.from(canonicalDigest(p.suite, { pledgeId: p.pledgeId, version: p.version, unitId: p.unitId, year: p.year, contentHash: p.contentHash }), 'hex');

/** Decides that `signerPersonId` signs the pledge version they read: only its holder, once. */
export const decideSignPledge = (pledge: Pledge, version: number, signerPersonId: string): void => {
  if (pledge.holder.personId !== signerPersonId) throw new ForbiddenError('Only the holder of the post signs its pledge');
  if (pledge.version !== version) throw new ConflictError(`The pledge is at version ${pledge.version}, not ${version}`);
  if (pledge.status === 'signed') throw new ConflictError('The pledge has already been signed');
};
