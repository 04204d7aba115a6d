/**
 * How long a mainland SMS is, and how to make a text fit. Both Alibaba Cloud and Tencent Cloud count
 * every character (a Chinese character, a letter, a digit, a punctuation mark, full-width or half)
 * as one, the 【signature】 included; a text of at most 70 characters is one message, a longer one
 * is split into parts of 67 characters each (the rest of each part holds the header that joins them):
 * Alibaba Cloud, "Billing overview", rules for calculating message length —
 * https://help.aliyun.com/en/sms/product-overview/billing-overview ("If a message is 70 characters or
 * less, it is billed as one message. If it is longer than 70 characters, it is a long message and
 * is split and billed as multiple messages based on 67 characters per message"; 160 characters are
 * 67 + 67 + 26, three messages).
 * Every part is billed and every part can be lost, so a reminder is kept to one where it can be.
 */

/** Characters in one message when the text fits in one. */
export const singleSmsLength = 70;
/** Characters in each part of a longer text. */
export const partSmsLength = 67;

const ellipsis = '…';

/** Characters as the providers count them: Unicode code points, so that a surrogate pair is one. */
export const smsLength = (text: string): number => Array.from(text).length;

/**
 * The number of messages `text` is sent as: 0 for no text, 1 up to 70 characters, then one per 67.
 *
 * @example
 * ```ts
 * import { smsSegments } from './smsText.js';
 *
 * smsSegments('【清廉履责】请于1月31日前报送年度报告。'); // 1
 * ```
 */
export const smsSegments = (text: string): number => {
  const length = smsLength(text);
  if (length === 0) return 0;
  return length <= singleSmsLength ? 1 : Math.ceil(length / partSmsLength);
};

/** The characters `maxSegments` messages hold. */
export const smsCapacity = (maxSegments: number): number => (maxSegments <= 1 ? singleSmsLength : partSmsLength * maxSegments);

/**
 * The end that is kept whole: a link at the end of the text, with a short label such as `办理：`
 * just before it.
 */
const keptEnd = /(?:[^\s。，；！？,.;!?：:]{0,6}[：:]\s*)?https?:\/\/\S+\s*$/u;

const graphemes = (text: string): string[] => Array.from(new Intl.Segmenter('zh', { granularity: 'grapheme' }).segment(text), (part) => part.segment);

/** The longest start of `text` of at most `budget` characters that ends between two graphemes. */
const startOf = (text: string, budget: number): string => {
  let kept = '';
  let length = 0;
  for (const grapheme of graphemes(text)) {
    const size = smsLength(grapheme);
    if (length + size > budget) break;
    kept += grapheme;
    length += size;
  }
  return kept;
};

/**
 * `text` shortened to fit in `maxSegments` messages: the middle gives way to an ellipsis, and a
 * link at the end (with its label) is kept whole, as a reminder without its link is of no use. A cut
 * falls between graphemes, so it never splits a surrogate pair or a combined character. A text
 * that fits is returned as it is.
 *
 * @example
 * ```ts
 * import { fitSms } from './smsText.js';
 *
 * const text = fitSms(`【清廉履责】${'很长的提醒内容'.repeat(20)}。办理：https://example.gov.cn/r/1`);
 * // 70 characters: the start of the text, cut after '…很长的提醒内', then '…办理：https://example.gov.cn/r/1'
 * ```
 */
export const fitSms = (text: string, maxSegments = 1): string => {
  if (smsSegments(text) <= maxSegments) return text;
  const capacity = smsCapacity(maxSegments);
  const end = keptEnd.exec(text)?.[0] ?? '';
  const room = capacity - smsLength(end) - smsLength(ellipsis);
  // A link too long to leave room for anything else cannot be kept whole: cut the text plainly.
  if (end === '' || room < 1) return `${startOf(text, capacity - smsLength(ellipsis))}${ellipsis}`;
  const head = startOf(text.slice(0, text.length - end.length), room).trimEnd();
  return `${head}${ellipsis}${end}`;
};
