import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { generateAuthToken } from 'aws-msk-iam-sasl-signer-js';
import { requireEnv } from '../env.js';

/**
 * The kafkajs client, configured from the environment: `KAFKA_BROKERS` (comma-separated) and, in
 * AWS, `KAFKA_AUTH=iam` for MSK Serverless, which only takes IAM auth over TLS (SASL/OAUTHBEARER
 * with a signed token). https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control.html
 */
export const createKafka = (clientId: string, overrides: Partial<KafkaConfig> = {}): Kafka => {
  const brokers = requireEnv('KAFKA_BROKERS').split(',').map((b) => b.trim()).filter(Boolean);
  const iam = process.env.KAFKA_AUTH === 'iam';
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { initialRetryTime: 100, retries: 8 },
    ...(iam
      ? {
          ssl: true,
          sasl: {
            mechanism: 'oauthbearer',
            oauthBearerProvider: async () => {
              const { token } = await generateAuthToken({ region: requireEnv('AWS_REGION') });
              return { value: token };
            },
          },
        }
      : {}),
    ...overrides,
  });
};
