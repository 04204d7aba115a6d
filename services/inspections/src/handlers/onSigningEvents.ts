import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';
import { tableName } from '#shared/dynamo/client.js';
import { now } from '#shared/clock.js';
import { SigningEvent } from '#events/index.js';
import { knownUnitEffects } from '#shared/dynamo/knownUnits.js';
import { postEffects } from '#shared/dynamo/posts.js';
import { fromSigning } from '../app/integrityFile.js';
import { factsFromSigning, together } from '../app/assessmentFacts.js';

const table = () => tableName('inspections');
/** The units, kept the same whatever order their events come in: reach over personal records is judged by them. */
const units = knownUnitEffects(table);
const posts = postEffects(table);

/**
 * Keeps what the inspections service needs from `signing.events`: the units, the people in their
 * posts (past ones kept, for the case follows the person), the integrity-file entries of posts,
 * letters and pledges, and the letters' facts the assessment measures.
 */
export const handler = kafkaConsumer({
  consumerName: 'inspections-onSigningEvents',
  tableName: table,
  schema: SigningEvent,
  producer: kafkaProducer('inspections-onSigningEvents'),
  logger: createLogger('inspections'),
  now,
  effects: together<SigningEvent>(
    {
      'signing.UnitRegistered.v1': (event) => [units.registered(event)],
      'signing.UnitRenamed.v1': (event) => [units.renamed(event)],
      'signing.UnitMoved.v1': (event) => units.moved(event),
      'signing.PersonAssigned.v1': (event) => [posts.assigned(event)],
      'signing.PersonLeftPost.v1': (event) => [posts.left(event)],
    },
    fromSigning,
    factsFromSigning,
  ),
});
