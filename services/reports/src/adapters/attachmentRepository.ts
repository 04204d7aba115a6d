/**
 * Attachment records in the reports table, beside the unit's other items:
 * `UNIT#<unitId>` / `ATTACHMENT#<attachmentId>`, kind `attachment`. A record is written when an
 * upload is requested (pending) and changed once, when the upload is checked (stored or refused),
 * each under a condition. Attachments emit no events of their own: the events of the items they
 * support carry their id, name, type and SHA-256 (`Evidence`).
 */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { conditionFailed, dynamo, tableName } from '#shared/dynamo/client.js';
import { assertItemFits } from '#shared/dynamo/limits.js';
import { stateOf } from '#shared/dynamo/store.js';
import type { Attachment } from '../domain/attachments.js';
import { store } from './reportRepository.js';

const table = () => tableName('reports');
const attachmentKey = (unitId: string, attachmentId: string) => ({ pk: `UNIT#${unitId}`, sk: `ATTACHMENT#${attachmentId}` });

/** The key of an attachment's file in the bucket. */
export const objectKey = (attachment: Pick<Attachment, 'unitId' | 'attachmentId'>): string => `${attachment.unitId}/${attachment.attachmentId}`;

/** Records a new, pending attachment. */
export const putAttachment = async (attachment: Attachment): Promise<void> => {
  const item = { ...attachmentKey(attachment.unitId, attachment.attachmentId), kind: 'attachment', ...attachment };
  assertItemFits(item, 'The attachment');
  await dynamo().send(new PutCommand({ TableName: table(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
};

/** One attachment of a unit, read consistently; undefined when the unit has none by that id. */
export const getAttachment = async (unitId: string, attachmentId: string): Promise<Attachment | undefined> => {
  const { pk, sk } = attachmentKey(unitId, attachmentId);
  const item = await store.getItem(pk, sk);
  return item ? stateOf<Attachment>(item) : undefined;
};

/**
 * Records the outcome of the check on a pending attachment. False when it was no longer pending:
 * another completion got there first, and its outcome stands.
 */
export const recordCompletion = async (attachment: Attachment): Promise<boolean> => {
  const fields =
    attachment.status === 'stored'
      ? { status: attachment.status, sha256: attachment.sha256, size: attachment.size, completedAt: attachment.completedAt }
      : { status: attachment.status, refusal: attachment.refusal, completedAt: attachment.completedAt };
  const names = Object.keys(fields);
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: table(),
        Key: attachmentKey(attachment.unitId, attachment.attachmentId),
        UpdateExpression: `SET ${names.map((name) => `#${name} = :${name}`).join(', ')}`,
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: Object.fromEntries(names.map((name) => [`#${name}`, name])),
        ExpressionAttributeValues: { ...Object.fromEntries(Object.entries(fields).map(([name, value]) => [`:${name}`, value])), ':pending': 'pending' },
      }),
    );
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
};
