import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';
import { tableName } from '#shared/dynamo/client.js';
import { now } from '#shared/clock.js';
import { SigningEvent } from '#events/index.js';
import { knownUnitEffects } from '#shared/dynamo/knownUnits.js';
import { listKey, postKey } from '../adapters/reportRepository.js';
import { postMember, setMembership, setNames } from '../adapters/deadlineRepository.js';

/** The units, kept the same whatever order their events come in. */
const units = knownUnitEffects(() => tableName('reports'));

/**
 * Keeps what the reports service needs from `signing.events`: the units it accepts reports from,
 * the people in their posts (secretaries, leading cadres) and the published lists its reports answer;
 * and, for the deadline engine, the set of units below the root (each reports to its upper level) and
 * the set of people in posts (each files the monthly ledger).
 */
export const handler = kafkaConsumer({
  consumerName: 'reports-onSigningEvents',
  tableName: () => tableName('reports'),
  schema: SigningEvent,
  producer: kafkaProducer('reports-onSigningEvents'),
  logger: createLogger('reports'),
  now,
  effects: {
    // `registeredAt`: a unit owes no deadline that fell before it existed (the deadline engine).
    'signing.UnitRegistered.v1': (event) => [units.registered(event), ...(event.data.parentId === null ? [] : [setMembership(setNames.units, event.data.unitId)])],
    'signing.UnitRenamed.v1': (event) => [units.renamed(event)],
    // The unit and everything below it take their new ancestors, which reach is judged by.
    'signing.UnitMoved.v1': (event) => units.moved(event),
    // A deactivated unit reports no more: it leaves the deadline engine's units.
    'signing.UnitDeactivated.v1': ({ data }) => [setMembership(setNames.units, data.unitId, true)],
    'signing.PersonAssigned.v1': ({ data }) => [
      {
        Put: {
          TableName: tableName('reports'),
          Item: { ...postKey(data.unitId, data.postId), kind: 'post', postId: data.postId, unitId: data.unitId, personId: data.personId, name: data.name, role: data.role, title: data.title, endDate: null },
        },
      },
      setMembership(setNames.posts, postMember(data.unitId, data.personId)),
    ],
    'signing.PersonLeftPost.v1': ({ data }) => [
      {
        Update: {
          TableName: tableName('reports'),
          Key: postKey(data.unitId, data.postId),
          UpdateExpression: 'SET endDate = :end',
          ExpressionAttributeValues: { ':end': data.endDate },
        },
      },
      setMembership(setNames.posts, postMember(data.unitId, data.personId), true),
    ],
    // Events of a unit arrive in order (the unit is the partition key), so the last one is the latest version.
    'signing.ResponsibilityListPublished.v1': ({ data }) => [
      {
        Put: {
          TableName: tableName('reports'),
          Item: { ...listKey(data.unitId, data.year, data.subject, data.postId), kind: 'list', listId: data.listId, subject: data.subject, version: data.version, items: data.items },
        },
      },
    ],
  },
});
