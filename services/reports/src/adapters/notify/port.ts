/**
 * The port through which the reminder engine sends a message: one notifier per channel, chosen by
 * configuration (`notifiersFromEnv` in `./index.ts`). The engine builds an {@link OutgoingMessage}
 * once, and each provider takes from it what it sends: SES the subject and text, SNS and the local
 * stand-in the text, Alibaba Cloud and Tencent Cloud the template, since mainland SMS providers
 * send only pre-approved templates.
 */

/** How a message reaches its recipient. */
export type Channel = 'email' | 'sms';

/** One message to one recipient, in every form a provider may need. */
export interface OutgoingMessage {
  readonly channel: Channel;
  /** An email address, or a mainland mobile number (`+86…` or 11 digits). */
  readonly to: string;
  /** The email subject; SMS providers ignore it. */
  readonly subject: string;
  /** The full Chinese text: the email body, and the SMS text for providers that take free text (SNS, local). */
  readonly text: string;
  /**
   * What template SMS providers (Alibaba Cloud, Tencent Cloud) send instead of the text: the
   * template's name in this system, which each provider's settings map to its own template code,
   * and the values of its variables.
   */
  readonly template: { readonly code: string; readonly params: Readonly<Record<string, string>> };
  /** The reminder id; providers that take an out-id or session context get it, so receipts can be traced back. */
  readonly reference: string;
}

/** A provider of one channel. */
export interface Notifier {
  /** The provider's name as it appears in logs and events: `ses`, `sns`, `aliyun`, `tencent` or `local`. */
  readonly provider: string;
  readonly channel: Channel;
  /** Sends the message, or throws a {@link DeliveryError}. */
  send(message: OutgoingMessage): Promise<void>;
}

/**
 * A send that failed. `retryable` is false for errors that retrying cannot fix (a bad number, an
 * unverified sender, credentials refused); `code` is the provider's own error code where it gave one.
 *
 * @example
 * ```ts
 * import { DeliveryError } from './port.js';
 *
 * const error = new DeliveryError('号码格式错误', { retryable: false, code: 'isv.MOBILE_NUMBER_ILLEGAL' });
 * ```
 */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  readonly retryable: boolean;
  readonly code: string | undefined;

  constructor(message: string, options: { readonly retryable: boolean; readonly code?: string; readonly cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable;
    this.code = options.code;
  }
}

/** Whether a number is a mainland mobile number: 11 digits starting with 1, with or without `+86`. */
export const isMainlandMobile = (to: string): boolean => /^(\+86)?1\d{10}$/.test(to.replace(/[\s-]/g, ''));

/**
 * A mainland mobile number in E.164 (`+8613800000000`), as SNS and Tencent Cloud take it; a number
 * that is not one is refused as not retryable, before any provider is called.
 */
export const mainlandE164 = (to: string): string => {
  const compact = to.replace(/[\s-]/g, '');
  if (!isMainlandMobile(compact)) throw new DeliveryError(`不是有效的大陆手机号码：${to}`, { retryable: false, code: 'invalid-number' });
  return compact.startsWith('+86') ? compact : `+86${compact}`;
};

/** A mainland mobile number as its 11 digits, as Alibaba Cloud takes it. */
export const mainlandDigits = (to: string): string => mainlandE164(to).slice(3);

interface AwsErrorShape {
  readonly name?: string;
  readonly $fault?: 'client' | 'server';
  readonly $retryable?: { readonly throttling?: boolean };
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/**
 * Whether an AWS SDK error may pass, by the SDK's own markers: a name the caller knows to be
 * permanent is not; throttling (by name or marker), a server fault or no answer at all (network,
 * timeout) is; any other client error is not.
 */
export const awsErrorRetryable =
  (permanent: ReadonlySet<string>, throttling: ReadonlySet<string>) =>
  (error: unknown): boolean => {
    const e = (error ?? {}) as AwsErrorShape;
    const name = e.name ?? '';
    if (permanent.has(name)) return false;
    if (throttling.has(name) || e.$retryable?.throttling === true) return true;
    const status = e.$metadata?.httpStatusCode;
    if (e.$fault === 'server' || (status !== undefined && status >= 500)) return true;
    if (e.$fault === 'client' || (status !== undefined && status >= 400)) return false;
    return true;
  };

/**
 * Sends an HTTP request to a provider and reads its JSON answer (undefined when it is none); a
 * provider that cannot be reached at all is a retryable {@link DeliveryError} naming it (`provider`
 * in Chinese, e.g. 阿里云短信).
 */
export const postToProvider = async <T>(doFetch: typeof fetch, url: string, init: RequestInit, provider: string): Promise<{ response: Response; result: T | undefined }> => {
  let response: Response;
  try {
    response = await doFetch(url, init);
  } catch (error) {
    throw new DeliveryError(`${provider}接口无法访问：${error instanceof Error ? error.message : String(error)}`, { retryable: true, code: 'network', cause: error });
  }
  try {
    return { response, result: (await response.json()) as T };
  } catch {
    return { response, result: undefined };
  }
};
