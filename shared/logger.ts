import { Logger } from '@aws-lambda-powertools/logger';

/** The Powertools logger of one service; one instance per module, reused across invocations. */
export const createLogger = (serviceName: string): Logger => new Logger({ serviceName });
