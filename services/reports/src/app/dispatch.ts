/**
 * Sends what a run decided (one recorded part at a time, from the table's stream): each reminder
 * or escalation becomes an in-app notice in its recipient's inbox and its event, written together
 * and only if the notice is not there yet, so a part handled twice sends nothing twice. Then it goes
 * by email and SMS where the recipient has an address, through the notification port, with retries;
 * a channel that still fails is recorded on the notice and as `DeliveryFailed`, and the rest go on.
 */
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { cancellationCodes, conditionFailed, dynamo } from '#shared/dynamo/client.js';
import { countDelivery } from '#shared/metrics.js';
import { cstDate, toCstIso, type CloudEvent } from '#events/envelope.js';
import { outboxPut } from '#shared/outbox/outbox.js';
import { topics } from '#events/topics.js';
import type { DeadlineRef, Recipient } from '#events/reports/parts.js';
import { deadlineEngineConfig } from '../config.js';
import { chunksOf, dayOfAction, daysBetween, escalationIdOf, eventIdOf, overseerRole, reminderIdOf } from '../domain/deadlines.js';
import { escalationText, reminderText } from '../domain/reminderText.js';
import { contactKey, deadlineRef, getMany, inParallel, noticeKey, type Dispatch } from '../adapters/deadlineRepository.js';
import { store } from '../adapters/reportRepository.js';
import { sendWithRetry } from '../adapters/notify/retry.js';
import type { Notifier, OutgoingMessage } from '../adapters/notify/port.js';
import { fitSms } from '../adapters/notify/smsText.js';
import { reportsEvent } from './events.js';

/** Where a recipient is reached besides the inbox. */
export interface Contact {
  readonly email?: string;
  readonly mobile?: string;
}

/** A notice in a unit's inbox: a reminder to the unit (or one of its people), or an escalation to an overseer. */
export interface Notice {
  readonly noticeId: string;
  readonly type: 'reminder' | 'escalation';
  readonly recipient: Recipient;
  readonly deadline: { readonly kind: DeadlineRef['kind']; readonly subject: string; readonly dueAt: string; readonly title: string };
  readonly offsetDays: number | null;
  readonly round: number | null;
  readonly overdue: ReadonlyArray<{ readonly unitId: string; readonly unitName: string; readonly daysOverdue: number }>;
  readonly text: string;
  readonly link: string;
  readonly channels: ReadonlyArray<'inApp' | 'email' | 'sms'>;
  /** Per channel beyond the inbox: `pending`, `sending` while one sender has it, then `sent` or `failed`. */
  readonly deliveries: Readonly<Partial<Record<'email' | 'sms', 'pending' | 'sending' | 'sent' | 'failed'>>>;
  readonly createdAt: string;
}

/** One notice to write, with its event and what to send. */
interface Outgoing {
  readonly notice: Notice;
  readonly event: CloudEvent;
  readonly contact: Contact;
  /** The id DeliveryFailed names: the reminder's or the escalation's. */
  readonly sourceId: string;
}

/** The notification port's two channels. */
export interface Notifiers {
  /** Absent where no email is sent: then no notice offers the email channel. */
  readonly email?: Notifier;
  readonly sms: Notifier;
}

/** What sending needs besides the table: the notifiers, the retry's pause (tests shorten it). */
export interface DispatchDependencies {
  readonly notifiers: Notifiers;
  readonly retry?: { readonly attempts?: number; readonly baseDelayMs?: number; readonly sleep?: (ms: number) => Promise<void> };
}

/**
 * A notice id that sorts by the day the reminder or escalation belongs to (`<yyyymmdd>-<its id>`):
 * the same for every run of that day, whatever its time, so a replay of a day writes no second notice
 * even after the outbox item of the first has expired.
 */
const noticeIdOf = (day: string, id: string): string => `${day.replace(/-/g, '')}-${id}`;

const contactWho = (recipient: Recipient): string => (recipient.personId === null ? recipient.role : `person#${recipient.personId}`);

/** The contact's addresses that a notifier of the deployment can reach. */
const reachable = (contact: Contact, notifiers: Notifiers): Contact => ({ ...(contact.email && notifiers.email ? { email: contact.email } : {}), ...(contact.mobile ? { mobile: contact.mobile } : {}) });

const channelsOf = (contact: Contact): Notice['channels'] => ['inApp', ...(contact.email ? (['email'] as const) : []), ...(contact.mobile ? (['sms'] as const) : [])];

const deliveriesOf = (contact: Contact): Notice['deliveries'] => ({ ...(contact.email ? { email: 'pending' as const } : {}), ...(contact.mobile ? { sms: 'pending' as const } : {}) });

const withId = (event: CloudEvent, id: string): CloudEvent => ({ ...event, id });

/** The notices, events and contacts of one recorded part. */
const outgoingOf = async (dispatch: Dispatch, notifiers: Notifiers): Promise<Outgoing[]> => {
  const { baseUrl } = deadlineEngineConfig();
  const link = `${baseUrl}/notices`;
  const cause = { correlationId: `run-${dispatch.runAt}` };
  const runAt = new Date(dispatch.runAt);
  const createdAt = toCstIso(runAt);
  const recipients: Recipient[] =
    dispatch.action === 'remind'
      ? dispatch.members.map((member) => {
          const [unitId, personId] = member.split('|') as [string, string | undefined];
          return { unitId, personId: personId ?? null, role: dispatch.role };
        })
      : dispatch.overseers.map((o) => ({ unitId: o.unitId, personId: null, role: overseerRole(o.to) }));
  const contacts = await getMany(recipients.map((r) => contactKey(r.unitId, contactWho(r))));
  const contactOf = new Map(contacts.map((c) => [`${String(c.pk)}|${String(c.sk)}`, { email: c.email as string | undefined, mobile: c.mobile as string | undefined }]));
  return recipients.map((recipient, index): Outgoing => {
    const key = contactKey(recipient.unitId, contactWho(recipient));
    const contact = reachable(contactOf.get(`${key.pk}|${key.sk}`) ?? {}, notifiers);
    const channels = channelsOf(contact);
    const base = { recipient, deadline: dispatch.deadline, link, channels: [...channels], deliveries: deliveriesOf(contact), createdAt };
    if (dispatch.action === 'remind') {
      const deadline = deadlineRef(dispatch.deadline.kind, dispatch.deadline.subject, recipient.unitId, dispatch.deadline.dueAt);
      const reminderId = reminderIdOf(recipient, deadline, dispatch.offsetDays);
      const daysLeft = daysBetween(cstDate(runAt), cstDate(new Date(dispatch.deadline.dueAt)));
      const text = reminderText({ kind: deadline.kind, title: dispatch.deadline.title, dueAt: deadline.dueAt, daysLeft, link });
      const event = reportsEvent(
        'reports.ReminderSent.v1',
        { subject: reminderId, unitId: recipient.unitId, version: 1 },
        { reminderId, deadline: { ...deadline, dueAt: toCstIso(new Date(deadline.dueAt)) }, offsetDays: dispatch.offsetDays, recipient, channels: [...channels], runAt: createdAt },
        cause,
        runAt,
      );
      return { notice: { ...base, noticeId: noticeIdOf(dayOfAction(dispatch.deadline.dueAt, dispatch), reminderId), type: 'reminder', offsetDays: dispatch.offsetDays, round: null, overdue: [], text }, event: withId(event, eventIdOf('ReminderSent', reminderId)), contact, sourceId: reminderId };
    }
    const overseer = dispatch.overseers[index]!;
    const escalationId = escalationIdOf(overseer.unitId, overseer.to, dispatch.deadline.kind, dispatch.deadline.subject, dispatch.deadline.dueAt, dispatch.round, dispatch.deadline.unitId ?? null, overseer.chunk ?? 0);
    const daysOverdue = Math.max(...overseer.overdue.map((o) => o.daysOverdue));
    const text = escalationText({ title: dispatch.deadline.title, dueAt: dispatch.deadline.dueAt, count: overseer.overdue.length, daysOverdue, round: dispatch.round, link });
    const event = reportsEvent(
      'reports.DeadlineEscalated.v1',
      { subject: escalationId, unitId: overseer.unitId, version: 1 },
      {
        escalationId,
        kind: dispatch.deadline.kind,
        unitId: overseer.unitId,
        to: overseer.to,
        round: dispatch.round,
        overdue: overseer.overdue.map((o) => ({ unitName: o.unitName, deadline: deadlineRef(dispatch.deadline.kind, dispatch.deadline.subject, o.unitId, toCstIso(new Date(dispatch.deadline.dueAt))), daysOverdue: o.daysOverdue })),
        runAt: createdAt,
      },
      cause,
      runAt,
    );
    return {
      notice: { ...base, noticeId: noticeIdOf(dayOfAction(dispatch.deadline.dueAt, dispatch), escalationId), type: 'escalation', offsetDays: null, round: dispatch.round, overdue: overseer.overdue, text },
      event: withId(event, eventIdOf('DeadlineEscalated', escalationId)),
      contact,
      sourceId: escalationId,
    };
  });
};

/** Notices written in one transaction with their events: 50 pairs, DynamoDB's 100 actions. */
const pairsPerTransaction = 50;

const noticePut = (o: Outgoing) => ({
  Put: { TableName: store.table(), Item: { ...noticeKey(o.notice.recipient.unitId, o.notice.noticeId), kind: 'notice', ...o.notice, attempts: {} }, ConditionExpression: 'attribute_not_exists(pk)' },
});

const cancelledByCondition = (error: unknown): boolean => cancellationCodes(error).includes('ConditionalCheckFailed');

/**
 * Writes each notice with its event unless the notice is there already; returns the ones written
 * now. A group holding a notice already written is written again one by one.
 */
const writeNotices = async (outgoing: readonly Outgoing[], at: Date): Promise<Outgoing[]> => {
  const written = await inParallel(chunksOf(outgoing, pairsPerTransaction), 4, async (group) => {
    try {
      await dynamo().send(new TransactWriteCommand({ TransactItems: group.flatMap((o) => [noticePut(o), outboxPut(store.table(), topics.reports, o.event, at)]) }));
      return group;
    } catch (error) {
      if (!cancelledByCondition(error)) throw error;
      const alone = await inParallel(group, 4, async (o) => {
        try {
          await dynamo().send(new TransactWriteCommand({ TransactItems: [noticePut(o), outboxPut(store.table(), topics.reports, o.event, at)] }));
          return o;
        } catch (inner) {
          if (cancelledByCondition(inner)) return undefined;
          throw inner;
        }
      });
      return alone.filter((o): o is Outgoing => o !== undefined);
    }
  });
  return written.flat();
};

/** The most SMS segments a reminder takes (a long title, a rectification's action, is shortened to fit). */
const smsSegmentsAtMost = 2;
/** The most characters a template variable takes (the providers' limit for a variable is about this). */
const templateVariableLength = 20;

const shortened = (text: string, length: number): string => {
  const chars = Array.from(text);
  return chars.length <= length ? text : `${chars.slice(0, length - 1).join('')}…`;
};

const messageOf = (o: Outgoing, channel: 'email' | 'sms'): OutgoingMessage => ({
  channel,
  to: channel === 'email' ? o.contact.email! : o.contact.mobile!,
  subject: `【清廉履责】${o.notice.type === 'reminder' ? '截止提醒' : '逾期督办'}：${o.notice.deadline.title}`,
  text: channel === 'sms' ? fitSms(o.notice.text, smsSegmentsAtMost) : o.notice.text,
  template: {
    code: o.notice.type === 'reminder' ? 'deadlineReminder' : 'deadlineEscalation',
    params: {
      title: shortened(o.notice.deadline.title, templateVariableLength),
      date: o.notice.deadline.dueAt.slice(0, 10),
      ...(o.notice.offsetDays === null ? { count: String(o.notice.overdue.length) } : { days: String(o.notice.offsetDays) }),
    },
  },
  reference: o.sourceId,
});

/** Turns a notice's channel from `pending` to `sending`; false when another sender did first. */
const claimChannel = async (o: Outgoing, channel: 'email' | 'sms'): Promise<boolean> => {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: store.table(),
        Key: noticeKey(o.notice.recipient.unitId, o.notice.noticeId),
        UpdateExpression: 'SET deliveries.#channel = :sending',
        ConditionExpression: 'deliveries.#channel = :pending',
        ExpressionAttributeNames: { '#channel': channel },
        ExpressionAttributeValues: { ':sending': 'sending', ':pending': 'pending' },
      }),
    );
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
};

/** Sends one notice's email and SMS; a channel that fails after its retries is recorded with a DeliveryFailed event. */
const deliver = async (o: Outgoing, deps: DispatchDependencies, at: Date): Promise<void> => {
  // A notice written while email was still sent may hold an email pending after the deployment stopped sending email: it stays so.
  const channels = (['email', 'sms'] as const).filter((c) => o.notice.deliveries[c] === 'pending' && deps.notifiers[c] !== undefined);
  for (const channel of channels) {
    // Two parts holding the same reminder (two runs at once that found different members) may reach
    // here together: the one that turns the channel from pending to sending sends it.
    if (!(await claimChannel(o, channel))) continue;
    const notifier = deps.notifiers[channel]!;
    const outcome = await sendWithRetry(notifier, messageOf(o, channel), deps.retry ?? {});
    countDelivery('reports', channel, 'retried', outcome.attempts - 1);
    countDelivery('reports', channel, outcome.ok ? 'sent' : 'failed');
    const mark = {
      Update: {
        TableName: store.table(),
        Key: noticeKey(o.notice.recipient.unitId, o.notice.noticeId),
        UpdateExpression: 'SET deliveries.#channel = :outcome, attempts.#channel = :attempts',
        ExpressionAttributeNames: { '#channel': channel },
        ExpressionAttributeValues: { ':outcome': outcome.ok ? 'sent' : 'failed', ':attempts': outcome.attempts },
      },
    };
    if (outcome.ok) {
      await dynamo().send(new UpdateCommand(mark.Update));
      continue;
    }
    const failed = reportsEvent(
      'reports.DeliveryFailed.v1',
      { subject: o.sourceId, unitId: o.notice.recipient.unitId, version: 1 },
      // The provider's own words may name the address or the number: the event carries its code only.
      { reminderId: o.sourceId, recipient: o.notice.recipient, channel, provider: notifier.provider, attempts: outcome.attempts, reason: `${notifier.provider} ${outcome.code ?? (outcome.retryable ? 'unavailable' : 'refused')}`, runAt: o.notice.createdAt },
      { correlationId: o.event.correlationid },
      at,
    );
    try {
      await dynamo().send(new TransactWriteCommand({ TransactItems: [mark, outboxPut(store.table(), topics.reports, withId(failed, eventIdOf('DeliveryFailed', `${o.sourceId}|${channel}`)), at)] }));
    } catch (error) {
      if (!cancelledByCondition(error)) throw error;
    }
  }
};

/** Notices sent by email and SMS side by side. */
const deliveryWidth = 8;

/**
 * Sends one recorded part: writes its notices and events (those not written before), then their
 * emails and SMS. A part handled again (the stream delivers at least once) sends what is still
 * pending of the notices it finds, and writes nothing twice.
 */
export const sendDispatch = async (dispatch: Dispatch, deps: DispatchDependencies, at: Date): Promise<{ notices: number; alreadySent: number }> => {
  const outgoing = await outgoingOf(dispatch, deps.notifiers);
  const written = await writeNotices(outgoing, at);
  const writtenIds = new Set(written.map((o) => o.notice.noticeId));
  const earlier = outgoing.filter((o) => !writtenIds.has(o.notice.noticeId));
  const stillPending = earlier.length === 0 ? [] : await pendingDeliveries(earlier);
  await inParallel([...written, ...stillPending], deliveryWidth, (o) => deliver(o, deps, at));
  return { notices: written.length, alreadySent: earlier.length };
};

/** Of notices written before, those whose email or SMS is still pending, as they stand. */
const pendingDeliveries = async (earlier: readonly Outgoing[]): Promise<Outgoing[]> => {
  const items = await getMany(earlier.map((o) => noticeKey(o.notice.recipient.unitId, o.notice.noticeId)));
  const deliveriesOf = new Map(items.map((i) => [String(i.sk).slice(2), i.deliveries as Notice['deliveries']]));
  return earlier.flatMap((o) => {
    const deliveries = deliveriesOf.get(o.notice.noticeId) ?? {};
    return Object.values(deliveries).includes('pending') ? [{ ...o, notice: { ...o.notice, deliveries } }] : [];
  });
};
