import type { TransactItem } from '#shared/kafka/consumer.js';
import { table } from './projection.js';

/** What an Update does to an item: attributes set, set only when absent, and added to (numbers, sets). */
export interface Changes {
  readonly set: Readonly<Record<string, unknown>>;
  readonly setIfAbsent?: Readonly<Record<string, unknown>>;
  readonly add?: Readonly<Record<string, unknown>>;
}

/**
 * An Update of one item of the dashboard's table. Every attribute is named through a placeholder,
 * so that none can collide with a DynamoDB reserved word (`source`, `action`, `year`, ...):
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ReservedWords.html
 *
 * @example
 * ```ts
 * import { update } from './updates.js';
 *
 * const effect = update({ pk: 'KEY_TASKS#2027', sk: 'UNIT#u#TASK#t' }, { set: { closed: true }, add: { 'comments#1': new Set(['event id']) } });
 * ```
 */
export const update = (key: { readonly pk: string; readonly sk: string }, changes: Changes): TransactItem => {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const placeholders = (entries: Readonly<Record<string, unknown>>, tag: string) =>
    Object.entries(entries).map(([name, value], i) => {
      names[`#${tag}${i}`] = name;
      values[`:${tag}${i}`] = value;
      return { name: `#${tag}${i}`, value: `:${tag}${i}` };
    });
  const set = [
    ...placeholders(changes.set, 's').map((p) => `${p.name} = ${p.value}`),
    ...placeholders(changes.setIfAbsent ?? {}, 'n').map((p) => `${p.name} = if_not_exists(${p.name}, ${p.value})`),
  ];
  const add = placeholders(changes.add ?? {}, 'a').map((p) => `${p.name} ${p.value}`);
  return {
    Update: {
      TableName: table(),
      Key: key,
      UpdateExpression: [set.length > 0 ? `SET ${set.join(', ')}` : '', add.length > 0 ? `ADD ${add.join(', ')}` : ''].filter(Boolean).join(' '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
};
