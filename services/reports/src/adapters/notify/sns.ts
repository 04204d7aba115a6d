/**
 * SMS through Amazon SNS: `Publish` straight to a phone number in E.164 (`+86…`), marked
 * `Transactional` so that SNS routes it for reliability rather than cost, as a reminder must arrive.
 * https://docs.aws.amazon.com/sns/latest/dg/sms_publish-to-phone.html
 * SNS takes free text, so it sends the message's `text` (kept to one segment by `fitSms` upstream).
 */
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { awsErrorRetryable, DeliveryError, mainlandE164, type Notifier } from './port.js';

/** Sends one command; a client's `send` in production, a stand-in in tests. */
export type Publish = (command: PublishCommand) => Promise<unknown>;

export interface SnsOptions {
  readonly region?: string;
  readonly send?: Publish;
}

/** Errors SNS will answer the same way however often it is asked. */
const permanent = new Set([
  'InvalidParameterException',
  'InvalidParameterValueException',
  'AuthorizationErrorException',
  'EndpointDisabledException',
  'OptedOutException',
  'NotFoundException',
  'ValidationException',
]);

const throttling = new Set(['ThrottledException', 'ThrottlingException', 'Throttling', 'KMSThrottlingException']);


/** Whether an SNS error may pass: throttling, a server fault, or no answer at all (network, timeout). */
export const snsErrorRetryable = awsErrorRetryable(permanent, throttling);

/** A client's `send`, with the SDK's own retries off: sendWithRetry is the one retry policy (see retry.ts). */
const clientSend = (region: string | undefined): Publish => {
  const client = new SNSClient({ region, maxAttempts: 1 });
  return (command) => client.send(command);
};

/**
 * The SNS notifier.
 *
 * @example
 * ```ts
 * import { snsNotifier } from './sns.js';
 *
 * const sms = snsNotifier({ region: 'ap-northeast-1' });
 * ```
 */
export const snsNotifier = (options: SnsOptions = {}): Notifier => {
  const sendCommand = options.send ?? clientSend(options.region);
  return {
    provider: 'sns',
    channel: 'sms',
    send: async (message) => {
      const command = new PublishCommand({
        PhoneNumber: mainlandE164(message.to),
        Message: message.text,
        MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
      });
      try {
        await sendCommand(command);
      } catch (error) {
        const name = (error as { name?: string } | undefined)?.name;
        throw new DeliveryError(`SNS 短信发送失败：${error instanceof Error ? error.message : String(error)}`, {
          retryable: snsErrorRetryable(error),
          ...(name === undefined ? {} : { code: name }),
          cause: error,
        });
      }
    },
  };
};
