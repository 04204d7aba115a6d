/**
 * The dashboard's read model of responsibility letters, from `signing.events`: one item per letter
 * in force, in one partition per year (`LETTERS#<year>`), so that the coverage of a year is one
 * Query. A unit's events arrive in order (its records share a key), so a corrected letter's
 * `LetterVoided` comes before the `LetterIssued` of its next version, which replaces the item.
 */
import { queryPartition } from '#shared/dynamo/client.js';
import type { LetterCompletedV1, LetterIssuedV1, LetterSignedV1, LetterVoidedV1 } from '#events/index.js';
import { table } from './projection.js';

const letterKey = (year: number, unitId: string, letterId: string) => ({ pk: `LETTERS#${year}`, sk: `${unitId}#${letterId}` });

export const letterIssued = (event: LetterIssuedV1) => {
  const { letterId, version, unitId, year, kind, issuer, recipient } = event.data;
  const party = (p: typeof issuer) => ({ personId: p.personId, name: p.name, unitId: p.unitId });
  return [
    {
      Put: {
        TableName: table(),
        Item: { ...letterKey(year, unitId, letterId), kind: 'letter', letterId, version, unitId, letterKind: kind, status: 'issued', issuer: party(issuer), recipient: party(recipient), signedParties: [] },
      },
    },
  ];
};

export const letterSigned = (event: LetterSignedV1) => [
  {
    Update: {
      TableName: table(),
      Key: letterKey(event.data.year, event.data.unitId, event.data.letterId),
      UpdateExpression: 'SET signedParties = list_append(if_not_exists(signedParties, :none), :party)',
      ExpressionAttributeValues: { ':none': [], ':party': [event.data.party] },
    },
  },
];

/** The effect that sets a letter's status. */
const statusOf =
  (status: 'completed' | 'voided') =>
  (event: LetterCompletedV1 | LetterVoidedV1) => [
    {
      Update: {
        TableName: table(),
        Key: letterKey(event.data.year, event.data.unitId, event.data.letterId),
        UpdateExpression: 'SET #status = :status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': status },
      },
    },
  ];

export const letterCompleted = statusOf('completed');
export const letterVoided = statusOf('voided');

/** A letter as the dashboard holds it. */
export interface ProjectedLetter {
  readonly letterId: string;
  readonly unitId: string;
  readonly status: 'issued' | 'completed' | 'voided';
  readonly issuer: { readonly personId: string; readonly name: string };
  readonly recipient: { readonly personId: string; readonly name: string };
  readonly signedParties: ReadonlyArray<'issuer' | 'recipient'>;
}

export const loadLetters = async (year: number): Promise<ProjectedLetter[]> =>
  (await queryPartition(table(), `LETTERS#${year}`)).map((i) => ({
    letterId: i.letterId as string,
    unitId: i.unitId as string,
    status: i.status as ProjectedLetter['status'],
    issuer: i.issuer as ProjectedLetter['issuer'],
    recipient: i.recipient as ProjectedLetter['recipient'],
    signedParties: (i.signedParties as ProjectedLetter['signedParties']) ?? [],
  }));
