import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';
import { tableName } from '#shared/dynamo/client.js';
import { now } from '#shared/clock.js';
import { SigningEvent } from '#events/index.js';
import { knownUnitEffects } from '#shared/dynamo/knownUnits.js';
import { postEffects } from '#shared/dynamo/posts.js';

const table = () => tableName('interviews');
/** The units, kept the same whatever order their events come in: reach over personal records is judged by them. */
const units = knownUnitEffects(table);
const posts = postEffects(table);

/**
 * Keeps what the interviews service needs from `signing.events`: the units (names and ancestors,
 * which reach is judged by) and the people in their posts, whom every talk and notice names.
 */
export const handler = kafkaConsumer({
  consumerName: 'interviews-onSigningEvents',
  tableName: table,
  schema: SigningEvent,
  producer: kafkaProducer('interviews-onSigningEvents'),
  logger: createLogger('interviews'),
  now,
  effects: {
    'signing.UnitRegistered.v1': (event) => [units.registered(event)],
    'signing.UnitRenamed.v1': (event) => [units.renamed(event)],
    'signing.UnitMoved.v1': (event) => units.moved(event),
    'signing.PersonAssigned.v1': (event) => [posts.assigned(event)],
    'signing.PersonLeftPost.v1': (event) => [posts.left(event)],
  },
});
