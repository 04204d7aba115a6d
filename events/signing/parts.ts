/**
 * Parts that several `signing` events share: who acted, posts, list items and signatures. Each is
 * one schema, used by the events and by the service that builds them.
 */
import { z } from 'zod';

export { Actor, PersonRef } from '../people.js';

/** The posts of a unit's leadership. */
export const PostRole = z.enum(['secretary', 'deputySecretary', 'teamMember', 'disciplineChief']);
export type PostRole = z.infer<typeof PostRole>;

/** What a team member is in charge of (分管): areas of work and the units under them. */
export const Portfolio = z.object({
  areas: z.array(z.string().min(1)),
  unitIds: z.array(z.string().min(1)),
});
export type Portfolio = z.infer<typeof Portfolio>;

/** The subjects a responsibility list is for. */
export const ListSubject = z.enum(['committee', 'firstResponsiblePerson', 'teamMember', 'disciplineCommission']);
export type ListSubject = z.infer<typeof ListSubject>;

/** One item of a responsibility list; its id stays the same across the list's versions. */
export const ListItem = z.object({
  itemId: z.string().min(1),
  text: z.string().min(1),
  /** The portfolio area the item belongs to, for a team member's items. */
  area: z.string().min(1).nullable(),
});
export type ListItem = z.infer<typeof ListItem>;

/** A party to a letter: a unit's committee, or a person in a post. */
export const LetterParty = z.object({
  unitId: z.string().min(1),
  /** The post that signs for the party: the secretary for a committee. */
  postId: z.string().min(1),
  role: PostRole,
  personId: z.string().min(1),
  name: z.string().min(1),
});
export type LetterParty = z.infer<typeof LetterParty>;

/** The signature suites (see the signing service's `suites.ts`). */
export const SignatureSuiteName = z.enum(['sha256-ecdsa-p256', 'sm3-sm2']);

/** A signature as the chain holds it: fields, own hash and digital signature (base64 DER). */
export const SignatureRecord = z.object({
  unitId: z.string().min(1),
  year: z.number().int(),
  sequence: z.number().int().positive(),
  documentId: z.string().min(1),
  documentVersion: z.number().int().positive(),
  signerPersonId: z.string().min(1),
  signerPostId: z.string().min(1),
  signerRole: z.string().min(1),
  party: z.string().min(1),
  signedAt: z.iso.datetime({ offset: true }),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  previousHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  suite: SignatureSuiteName,
  keyId: z.string().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  digitalSignature: z.base64(),
});
export type SignatureRecord = z.infer<typeof SignatureRecord>;

/** The head of a unit and year's chain after a signature: published so the chain has a witness outside the table. */
export const ChainHead = z.object({
  unitId: z.string().min(1),
  year: z.number().int(),
  sequence: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ChainHead = z.infer<typeof ChainHead>;

/** Which letter version an event is about, and the unit and year whose chain it is on. */
export const LetterRef = z.object({
  letterId: z.string().min(1),
  version: z.number().int().positive(),
  unitId: z.string().min(1),
  year: z.number().int(),
});

/** A person's post in a unit, as the post events name it. */
export const PostRef = z.object({
  personId: z.string().min(1),
  unitId: z.string().min(1),
  postId: z.string().min(1),
  role: PostRole,
});

/** What a signature event carries: the signature, and the chain's head after it. */
export const SignedLink = z.object({
  signature: SignatureRecord,
  chainHead: ChainHead,
});
