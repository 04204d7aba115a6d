/**
 * The local stand-in for email and SMS providers: each message becomes one JSON line in
 * `<dir>/email.jsonl` or `<dir>/sms.jsonl`, where the local runtime's mailbox page and the tests read
 * them back ({@link readCaptured}). It can be told to fail, as a provider that is down would, so that
 * retries and `DeliveryFailed` can be shown without a real provider: the option `failChannels`, or
 * the variable `LOCAL_NOTIFY_FAIL=sms,email`, read at each send so that it can be switched on a
 * running process.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { toCstIso } from '#events/envelope.js';
import { DeliveryError, type Channel, type Notifier } from './port.js';

/** The variable that makes the local notifiers fail: a comma-separated list of channels. */
export const localNotifyFailEnv = 'LOCAL_NOTIFY_FAIL';

/** One captured message, as a line of the channel's file. */
export const CapturedMessage = z.object({
  at: z.string(),
  provider: z.literal('local'),
  channel: z.enum(['email', 'sms']),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  reference: z.string(),
});
export type CapturedMessage = z.infer<typeof CapturedMessage>;

const channels: readonly Channel[] = ['email', 'sms'];

/** The file a channel's messages go to. */
export const capturedFile = (dir: string, channel: Channel): string => path.join(dir, `${channel}.jsonl`);

/** The channels a `LOCAL_NOTIFY_FAIL` value names; unknown names are ignored. */
export const parseFailChannels = (value: string | undefined): Set<Channel> =>
  new Set(
    (value ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name): name is Channel => (channels as readonly string[]).includes(name)),
  );

export interface LocalCaptureOptions {
  readonly dir: string;
  readonly channel: Channel;
  /** The channels that fail; left out, `LOCAL_NOTIFY_FAIL` in `env` decides at each send. */
  readonly failChannels?: ReadonlySet<Channel>;
  readonly env?: NodeJS.ProcessEnv;
  readonly now?: () => Date;
}

/**
 * A local notifier of one channel.
 *
 * @example
 * ```ts
 * import { localCaptureNotifier, readCaptured } from './localCapture.js';
 *
 * const sms = localCaptureNotifier({ dir: '.data/mailbox', channel: 'sms' });
 * const newest = await readCaptured('.data/mailbox', 10);
 * ```
 */
export const localCaptureNotifier = (options: LocalCaptureOptions): Notifier => {
  const now = options.now ?? (() => new Date());
  const env = options.env ?? process.env;
  return {
    provider: 'local',
    channel: options.channel,
    send: async (message) => {
      const failing = options.failChannels ?? parseFailChannels(env[localNotifyFailEnv]);
      if (failing.has(options.channel)) {
        throw new DeliveryError(`本地模拟的${options.channel === 'sms' ? '短信' : '邮件'}通道不可用（${localNotifyFailEnv}）`, { retryable: true, code: 'local-unavailable' });
      }
      const line: CapturedMessage = {
        at: toCstIso(now()),
        provider: 'local',
        channel: options.channel,
        to: message.to,
        subject: message.subject,
        text: message.text,
        reference: message.reference,
      };
      await mkdir(options.dir, { recursive: true });
      // One write of one line with O_APPEND: lines of concurrent sends do not interleave.
      await appendFile(capturedFile(options.dir, options.channel), `${JSON.stringify(line)}\n`, 'utf8');
    },
  };
};

const readLines = async (file: string): Promise<string[]> => {
  try {
    return (await readFile(file, 'utf8')).split('\n');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
};

/**
 * The captured messages, newest first, at most `limit`, of one channel or of both. A line that is
 * not a captured message (a half-written one, a hand edit) is skipped.
 */
export const readCaptured = async (dir: string, limit = 50, channel?: Channel): Promise<CapturedMessage[]> => {
  const entries: Array<{ readonly message: CapturedMessage; readonly order: number }> = [];
  for (const name of channel === undefined ? channels : [channel]) {
    (await readLines(capturedFile(dir, name))).forEach((line, order) => {
      if (line.trim() === '') return;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        return;
      }
      const parsed = CapturedMessage.safeParse(json);
      if (parsed.success) entries.push({ message: parsed.data, order });
    });
  }
  // Times are all +08:00 ISO strings of one length, so they sort as text; a tie keeps the later line first.
  entries.sort((a, b) => (a.message.at === b.message.at ? b.order - a.order : a.message.at < b.message.at ? 1 : -1));
  return entries.slice(0, Math.max(0, limit)).map((entry) => entry.message);
};
