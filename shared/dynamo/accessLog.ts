/**
 * The access log of personal records (talks, notices, cases, integrity files): every read, who read
 * it, in what role and unit, and when. Kept in the record's own service table, never changed.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '../auth/claims.js';
import { dynamo, queryPartition } from './client.js';

export interface AccessEntry {
  readonly at: string;
  readonly subject: string;
  readonly role: string;
  readonly unitId: string | null;
}

/** The access log kept in `table`: items `ACCESS#<recordId>` / `<time>#<id>`. */
export const accessLogIn = (table: () => string) => ({
  /** Records that the caller read a record at `at`. */
  record: async (recordId: string, caller: Caller, at: string): Promise<void> => {
    await dynamo().send(
      new PutCommand({
        TableName: table(),
        Item: { pk: `ACCESS#${recordId}`, sk: `${at}#${uuidv7()}`, kind: 'access', at, subject: caller.subject, role: caller.role, unitId: caller.unitId ?? null },
      }),
    );
  },
  /** Every read of the record, oldest first. */
  of: async (recordId: string): Promise<AccessEntry[]> =>
    (await queryPartition(table(), `ACCESS#${recordId}`, { consistent: true })).map((i) => ({ at: String(i.at), subject: String(i.subject), role: String(i.role), unitId: (i.unitId as string | null) ?? null })),
});
