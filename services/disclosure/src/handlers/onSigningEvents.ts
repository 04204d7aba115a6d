import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { tableName } from '#shared/dynamo/client.js';
import { now } from '#shared/clock.js';
import { SigningEvent } from '#events/index.js';
import { knownUnitEffects } from '#shared/dynamo/knownUnits.js';
import { logger } from './dependencies.js';

const table = () => tableName('disclosure');
const units = knownUnitEffects(table);

/** Keeps the units from `signing.events`: the public form lists them, routing and reach are judged by their ancestors. */
export const handler = kafkaConsumer({
  consumerName: 'disclosure-onSigningEvents',
  tableName: table,
  schema: SigningEvent,
  producer: kafkaProducer('disclosure-onSigningEvents'),
  logger,
  now,
  effects: {
    'signing.UnitRegistered.v1': (event) => [units.registered(event)],
    'signing.UnitRenamed.v1': (event) => [units.renamed(event)],
    'signing.UnitMoved.v1': (event) => units.moved(event),
  },
});
