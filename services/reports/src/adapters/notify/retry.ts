/**
 * Sending with retries: exponential backoff with "full jitter", as in the AWS Architecture Blog's
 * "Exponential Backoff And Jitter" (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/):
 * before retry n the wait is a uniform random time in [0, min(cap, base × 2^(n-1))), which spreads
 * the retries of many reminders sent in one run instead of letting them hit a throttled provider
 * together. A {@link DeliveryError} that is not retryable ends it at once.
 *
 * The AWS SDK clients the SES and SNS adapters make have their own retries turned off
 * (`maxAttempts: 1`), so that this is the one retry policy and the attempt count it reports is true.
 */
import { DeliveryError, type Notifier, type OutgoingMessage } from './port.js';

/** How a send is retried; every field has the default shown. */
export interface RetryOptions {
  /** Attempts in all, the first included: 4. */
  readonly attempts?: number;
  /** The base of the backoff, in ms: 200. */
  readonly baseDelayMs?: number;
  /** The cap of one wait, in ms: 5000. */
  readonly maxDelayMs?: number;
  /** Waits `ms`; a timer by default, replaced in tests. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1); `Math.random` by default. */
  readonly random?: () => number;
}

/** What became of a send: delivered after `attempts`, or given up after `attempts` for `reason`. */
export type SendOutcome =
  | { readonly ok: true; readonly attempts: number }
  /** `reason` is the provider's words (it may name the address or number); `code` its error code, where it gave one. */
  | { readonly ok: false; readonly attempts: number; readonly reason: string; readonly retryable: boolean; readonly code?: string };

const timer = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The wait before retry `retry` (1 for the first retry): full jitter over the capped exponential. */
export const backoffDelay = (retry: number, baseDelayMs: number, maxDelayMs: number, random: () => number): number =>
  Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1)));

const reasonOf = (error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof DeliveryError ? error.code : undefined;
  const reason = code !== undefined && !message.includes(code) ? `${code}: ${message}` : message;
  return reason.trim() === '' ? 'unknown error' : reason;
};

/**
 * Sends `message` through `notifier`, retrying what can be retried. It never throws: a provider
 * being down must not stop a reminder run, which records the failure and goes on.
 *
 * @example
 * ```ts
 * import { sendWithRetry } from './retry.js';
 * import type { Notifier, OutgoingMessage } from './port.js';
 *
 * declare const notifier: Notifier;
 * declare const message: OutgoingMessage;
 * const outcome = await sendWithRetry(notifier, message, { attempts: 3 });
 * if (!outcome.ok) console.warn(`gave up after ${outcome.attempts}: ${outcome.reason}`);
 * ```
 */
export const sendWithRetry = async (notifier: Notifier, message: OutgoingMessage, options: RetryOptions = {}): Promise<SendOutcome> => {
  const attempts = Math.max(1, Math.floor(options.attempts ?? 4));
  const baseDelayMs = options.baseDelayMs ?? 200;
  const maxDelayMs = options.maxDelayMs ?? 5000;
  const sleep = options.sleep ?? timer;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await notifier.send(message);
      return { ok: true, attempts: attempt };
    } catch (error) {
      // Anything that is not a DeliveryError (a bug, a network error an adapter did not wrap) is
      // taken as passing: retrying it costs little and a run must not die of it.
      const retryable = error instanceof DeliveryError ? error.retryable : true;
      const code = error instanceof DeliveryError && error.code !== undefined ? { code: error.code } : {};
      if (!retryable || attempt >= attempts) return { ok: false, attempts: attempt, reason: reasonOf(error), retryable, ...code };
      try {
        await sleep(backoffDelay(attempt, baseDelayMs, maxDelayMs, random));
      } catch (sleepError) {
        return { ok: false, attempts: attempt, reason: reasonOf(sleepError), retryable };
      }
    }
  }
};
