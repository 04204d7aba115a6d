/**
 * The live figures of complaint handling (Loudi: more than 600 handled, 90% satisfied): per handling
 * unit, counters kept from the service's own topic with one unconditional ADD per event, so that
 * they are a count of the events (the inbox keeps a redelivered event from counting twice); a
 * unit's figures sum it and every unit below it. Overdue is what is open past its due day today,
 * read from the complaints themselves.
 */
import type { TransactItem } from '#shared/kafka/consumer.js';
import { NotFoundError } from '#shared/errors.js';
import { cstDate } from '#events/envelope.js';
import type { DisclosureEvent } from '#events/index.js';
import { complaintsHandledBy, figureCounters, figuresKey, getKnownUnit, store, unitsUnder } from '../adapters/disclosureRepository.js';
import { isOverdue } from '../domain/complaints.js';

type Counter = 'received' | 'answered' | 'referred' | 'rated' | 'satisfied';

const add = (unitId: string, counters: Partial<Record<Counter, number>>): TransactItem[] => [
  {
    Update: {
      TableName: store.table(),
      Key: figuresKey(unitId),
      UpdateExpression: `ADD ${Object.keys(counters).map((name) => `#${name} :${name}`).join(', ')} SET #kind = :kind`,
      ExpressionAttributeNames: { ...Object.fromEntries(Object.keys(counters).map((n) => [`#${n}`, n])), '#kind': 'kind' },
      ExpressionAttributeValues: { ...Object.fromEntries(Object.entries(counters).map(([n, v]) => [`:${n}`, v])), ':kind': 'figures' },
    },
  },
];

type Tally<T extends DisclosureEvent['type']> = (event: Extract<DisclosureEvent, { type: T }>) => TransactItem[];
const routed: Tally<'disclosure.ComplaintRouted.v1'> = (e) => add(e.data.handlingUnitId, { received: 1 });
const answered: Tally<'disclosure.ComplaintAnswered.v1'> = (e) => add(e.data.handlingUnitId, { answered: 1 });
const referred: Tally<'disclosure.ComplaintReferred.v1'> = (e) => add(e.data.handlingUnitId, { referred: 1 });
const rated: Tally<'disclosure.ComplaintRated.v1'> = (e) => add(e.data.handlingUnitId, { rated: 1, satisfied: e.data.rating === 'dissatisfied' ? 0 : 1 });

export const figureEffects = {
  'disclosure.ComplaintRouted.v1': routed,
  'disclosure.ComplaintAnswered.v1': answered,
  'disclosure.ComplaintReferred.v1': referred,
  'disclosure.ComplaintRated.v1': rated,
};

/**
 * The figures of `unitId`'s discipline body and every one below it; a page of several units passes
 * the counters it read once.
 */
export const figuresOf = async (unitId: string, at: Date, counted: Promise<Map<string, Record<string, unknown>>> = figureCounters()) => {
  const unit = await getKnownUnit(unitId);
  if (!unit) throw new NotFoundError('No such unit');
  const [below, counters] = await Promise.all([unitsUnder(unitId), counted]);
  const today = cstDate(at);
  const sum = (name: Counter) => below.reduce((total, u) => total + Number(counters.get(u.id)?.[name] ?? 0), 0);
  const overdue = (await Promise.all(below.filter((u) => counters.has(u.id)).map(async (u) => (await complaintsHandledBy(u.id)).filter((c) => isOverdue(c, today)).length))).reduce((a, b) => a + b, 0);
  const [received, handled, rated, satisfied] = [sum('received'), sum('answered') + sum('referred'), sum('rated'), sum('satisfied')];
  return {
    unitId,
    unitName: unit.name,
    received,
    handled,
    inProgress: received - handled,
    overdue,
    rated,
    satisfied,
    satisfactionRate: rated === 0 ? null : Math.round((satisfied / rated) * 1000) / 10,
  };
};
