/**
 * Email through Amazon SES (API v2, `SendEmail` with simple content): the subject and the Chinese
 * text as UTF-8, from the configured sender, with the reminder id as a message tag so that SES
 * events (bounces, complaints) can be traced back to the reminder.
 * https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_SendEmail.html
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { awsErrorRetryable, DeliveryError, type Notifier } from './port.js';

/** Sends one command; a client's `send` in production, a stand-in in tests. */
export type SendEmail = (command: SendEmailCommand) => Promise<unknown>;

export interface SesOptions {
  /** The verified sender, e.g. `清廉履责 <noreply@example.gov.cn>`. */
  readonly from: string;
  /** An SES configuration set for event publishing, if one is used. */
  readonly configurationSet?: string;
  readonly region?: string;
  readonly send?: SendEmail;
}

/** Errors SES will answer the same way however often it is asked. */
const permanent = new Set([
  'MessageRejected',
  'MailFromDomainNotVerifiedException',
  'AccountSuspendedException',
  'SendingPausedException',
  'NotFoundException',
  'BadRequestException',
  // The daily sending quota: it does not come back within a run's retries.
  'LimitExceededException',
]);

const throttling = new Set(['TooManyRequestsException', 'ThrottlingException', 'Throttling']);


/** Whether an SES error may pass: throttling, a server fault, or no answer at all (network, timeout). */
export const sesErrorRetryable = awsErrorRetryable(permanent, throttling);

/** A client's `send`, with the SDK's own retries off: sendWithRetry is the one retry policy (see retry.ts). */
const clientSend = (region: string | undefined): SendEmail => {
  const client = new SESv2Client({ region, maxAttempts: 1 });
  return (command) => client.send(command);
};

const sesMessageTag = /^[A-Za-z0-9_-]{1,256}$/;

/**
 * The SES notifier.
 *
 * @example
 * ```ts
 * import { sesNotifier } from './ses.js';
 *
 * const email = sesNotifier({ from: 'noreply@example.gov.cn', region: 'ap-southeast-1' });
 * ```
 */
export const sesNotifier = (options: SesOptions): Notifier => {
  const sendCommand = options.send ?? clientSend(options.region);
  return {
    provider: 'ses',
    channel: 'email',
    send: async (message) => {
      const command = new SendEmailCommand({
        FromEmailAddress: options.from,
        Destination: { ToAddresses: [message.to] },
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
          },
        },
        ...(options.configurationSet === undefined ? {} : { ConfigurationSetName: options.configurationSet }),
        // Tag values may hold only letters, digits, `_` and `-`; a reference outside that is left off.
        ...(sesMessageTag.test(message.reference) ? { EmailTags: [{ Name: 'reminder', Value: message.reference }] } : {}),
      });
      try {
        await sendCommand(command);
      } catch (error) {
        const name = (error as { name?: string } | undefined)?.name;
        throw new DeliveryError(`SES 发送失败：${error instanceof Error ? error.message : String(error)}`, {
          retryable: sesErrorRetryable(error),
          ...(name === undefined ? {} : { code: name }),
          cause: error,
        });
      }
    },
  };
};
