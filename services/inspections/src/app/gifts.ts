/**
 * The gift register (Loudi): a cadre registers gifts and cash they refused, returned or handed in;
 * the commission and the organisation department read the unit's register of a year.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import { stateOf } from '#shared/dynamo/store.js';
import { ForbiddenError, RuleError } from '#shared/errors.js';
import { cstDate, toCstIso, type Causation } from '#events/envelope.js';
import { actorOf } from '#events/people.js';
import { giftKey, store, unitItems } from '../adapters/inspectionRepository.js';
import type { GiftBody } from '../schemas.js';
import { inspectionsEvent } from './events.js';
import { postInUnit, ref } from './people.js';

interface Gift {
  readonly giftId: string;
  readonly person: { personId: string; unitId: string; name: string; title: string };
  readonly receivedOn: string;
  readonly giver: string;
  readonly item: string;
  readonly value: number;
  readonly handling: GiftBody['handling'];
  readonly note: string;
  readonly registeredAt: string;
}

/** The caller registers a gift of their own: they must hold a post in the unit today. */
export const registerGift = async (caller: Caller, unitId: string, input: GiftBody, now: Date, cause: Causation) => {
  const post = await postInUnit(unitId, caller.subject);
  if (!post || (post.endDate !== null && post.endDate <= cstDate(now))) throw new ForbiddenError('Only a cadre in post in the unit registers their own gifts');
  if (input.receivedOn > cstDate(now)) throw new RuleError('A gift is registered after it was received', [{ path: 'receivedOn', message: '收受日期不能晚于今天' }]);
  const gift: Gift = { giftId: uuidv7(), person: { personId: caller.subject, unitId, name: post.name, title: post.title }, ...input, registeredAt: toCstIso(now) };
  const year = Number(input.receivedOn.slice(0, 4));
  const event = inspectionsEvent(
    'inspections.GiftRegistered.v1',
    { subject: gift.giftId, unitId, version: 1 },
    { giftId: gift.giftId, unitId, person: ref(gift.person), handling: gift.handling, value: gift.value, receivedOn: gift.receivedOn, actor: actorOf(caller) },
    cause,
    now,
  );
  await store.writeWithEvents([{ item: { ...giftKey(unitId, year, gift.giftId), kind: 'gift', ...gift }, expect: 'absent', what: 'The gift' }], [event], now, 'The gift was registered twice');
  return gift;
};

/** The unit's gift register of a year, by date received. */
export const giftRegister = async (unitId: string, year: number) => {
  const gifts = (await unitItems(unitId, `GIFT#${year}#`)).map((i) => stateOf<Gift>(i)).sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
  return { unitId, year, gifts, total: gifts.reduce((sum, g) => sum + g.value, 0) };
};
