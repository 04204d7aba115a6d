import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { DynamoDBStreamRecord } from '@aws-lambda-powertools/parser/schemas/dynamodb';
import { createLogger } from '#shared/logger.js';
import { now } from '#shared/clock.js';
import { publishMetrics } from '#shared/metrics.js';
import { sendDispatch } from '../app/dispatch.js';
import type { Dispatch } from '../adapters/deadlineRepository.js';
import { notifiersFromEnv } from '../adapters/notify/index.js';

const logger = createLogger('reports');
let notifiers: ReturnType<typeof notifiersFromEnv> | undefined;

/**
 * Sends the reminders and escalations a run recorded, from the inserts of their records on the
 * table's stream, one record after the other. A record that fails is reported, so that the batch
 * is given again from it; what it had already sent is not sent again.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  notifiers ??= notifiersFromEnv(process.env);
  try {
    for (const raw of event.Records ?? []) {
      const sequence = raw.dynamodb?.SequenceNumber ?? '';
      const record = DynamoDBStreamRecord.safeParse(raw);
      const dispatch = record.success ? (record.data.dynamodb.NewImage?.dispatch as Dispatch | undefined) : undefined;
      if (raw.eventName !== 'INSERT' || !dispatch) continue;
      try {
        const sent = await sendDispatch(dispatch, { notifiers }, now());
        logger.info('Dispatched', { action: dispatch.action, kind: dispatch.deadline.kind, subject: dispatch.deadline.subject, ...sent });
      } catch (error) {
        logger.warn('Dispatch failed; the batch will be given again from this record', { sequence, error: error as Error });
        return { batchItemFailures: [{ itemIdentifier: sequence }] };
      }
    }
    return { batchItemFailures: [] };
  } finally {
    publishMetrics();
  }
};
