/**
 * Public complaints: filed without an account, routed to the discipline body that handles them,
 * looked up and rated by receipt code; accepted, answered or referred by the handling body, which
 * alone reads the facts and the contact details (decrypted, and every read logged).
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { v7 as uuidv7 } from 'uuid';
import { fileTypeFromBuffer } from 'file-type';
import type { Caller } from '#shared/auth/claims.js';
import { ConflictError, NotFoundError, RuleError } from '#shared/errors.js';
import { ttlAttribute } from '#shared/dynamo/client.js';
import type { ItemPut } from '#shared/dynamo/store.js';
import { actorOf } from '#events/people.js';
import { cstDate, type Causation } from '#events/envelope.js';
import type { Rating, ReferralKind } from '#events/disclosure/parts.js';
import { disclosureConfig } from '../config.js';
import { accept, answer, attachmentKey, canRate, isOverdue, rate, received, refer, statusTexts, type Complaint } from '../domain/complaints.js';
import { newReceiptCode, normaliseReceipt, receiptHash } from '../domain/receipts.js';
import { routeComplaint } from '../domain/routing.js';
import {
  complaintByReceipt,
  complaintItem,
  complaintsHandledBy,
  dedupKey,
  getComplaint,
  getDedup,
  getKnownUnit,
  ownerKey,
  receiptKey,
  recordAccess,
  store,
} from '../adapters/disclosureRepository.js';
import { decrypt, encrypt, openBytes, sealBytes } from '../adapters/cipher.js';
import { getFile, putFile, removeFile } from '../adapters/attachmentFiles.js';
import { attachmentErrors, attachmentRules, type AttachmentRecord } from '../domain/attachments.js';
import type { ComplaintView, ContactInput, FileComplaintBody, ReceiptView } from '../schemas.js';
import { disclosureEvent } from './events.js';
import { limit } from './limits.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const ids = (c: Complaint) => ({ complaintId: c.complaintId, unitId: c.unitId, handlingUnitId: c.handlingUnitId });
const about = (c: Complaint) => ({ subject: c.complaintId, unitId: c.unitId, version: c.version });

/** The contact details worth keeping: none when every field is empty. */
const contactOf = (contact: ContactInput | undefined): ContactInput | undefined =>
  contact && Object.values(contact).some((v) => v !== undefined) ? contact : undefined;

/** The same complaint within the same hour: the unit, the facts and the contact details, as sent. */
const dedupHashOf = (body: FileComplaintBody, at: Date): string =>
  sha256(JSON.stringify(['dedup', body.unitId, body.aboutDisciplineBody, body.facts, contactOf(body.contact) ?? null, (body.attachments ?? []).map((a) => sha256(a.contentBase64)), Math.floor(at.getTime() / 3_600_000)]));

/**
 * The files of a filing, each checked by its content (JPEG, PNG or PDF, 1 MB at most): a 422
 * naming every file that is not, before anything is kept.
 */
const checkedFiles = async (attachments: FileComplaintBody['attachments']) => {
  const files = await Promise.all(
    (attachments ?? []).map(async (a, index) => {
      const bytes = Buffer.from(a.contentBase64, 'base64');
      const sniffed = bytes.byteLength > 0 && bytes.byteLength <= attachmentRules.maxBytes ? (await fileTypeFromBuffer(bytes))?.mime : undefined;
      return { index, name: a.name, bytes, mediaType: sniffed ?? '', errors: attachmentErrors(index, bytes.byteLength, sniffed) };
    }),
  );
  const errors = files.flatMap((f) => f.errors);
  if (errors.length > 0) throw new RuleError('An attachment is not a file taken', errors);
  return files;
};

/** Keeps each file sealed for its complaint; gives what the complaint records of them. */
const keepFiles = async (complaintId: string, files: Awaited<ReturnType<typeof checkedFiles>>): Promise<AttachmentRecord[]> =>
  Promise.all(
    files.map(async (f) => {
      await putFile(attachmentKey(complaintId, f.index), await sealBytes(f.bytes, complaintId));
      return { name: f.name, mediaType: f.mediaType, size: f.bytes.byteLength, sha256: createHash('sha256').update(f.bytes).digest('hex') };
    }),
  );

const filedAnswer = async (dedup: Record<string, unknown>, duplicate: boolean) => ({
  receiptCode: await decrypt(String(dedup.receiptCipher), String(dedup.complaintId)),
  duplicate,
  status: 'received' as const,
  dueOn: String(dedup.dueOn),
});

/**
 * Files a complaint from `clientAddress`. The same complaint again within its hour gets the first
 * one's receipt code and makes nothing new; filings from one address are limited per hour.
 */
export const fileComplaint = async (body: FileComplaintBody, clientAddress: string, cause: Causation, at: Date) => {
  await limit('file', clientAddress, 3_600, disclosureConfig.filingsPerAddressPerHour, at);
  const unit = await getKnownUnit(body.unitId);
  if (!unit) throw new RuleError('No such unit to complain about', [{ path: 'body.unitId', message: '请选择被投诉的单位 / not a unit of the list' }]);
  const files = await checkedFiles(body.attachments);
  const dedupHash = dedupHashOf(body, at);
  const earlier = await getDedup(dedupHash);
  if (earlier) return filedAnswer(earlier, true);

  const complaintId = uuidv7();
  const receiptCode = newReceiptCode();
  const route = routeComplaint({ unitId: unit.id, ancestorIds: unit.ancestorIds }, body.aboutDisciplineBody);
  const filedOn = cstDate(at);
  const contact = contactOf(body.contact);
  const hash = receiptHash(normaliseReceipt(receiptCode)!);
  const complaint = received(
    {
      complaintId,
      receiptHash: hash,
      channel: 'public',
      unitId: unit.id,
      unitName: unit.name,
      aboutDisciplineBody: body.aboutDisciplineBody,
      handlingUnitId: route.handlingUnitId,
      raised: route.raised,
      facts: body.facts,
      contactCipher: contact ? await encrypt(JSON.stringify(contact), complaintId) : null,
      ...(files.length > 0 ? { attachments: await keepFiles(complaintId, files) } : {}),
    },
    filedOn,
    disclosureConfig.answerWithinDays,
  );
  const hourEnds = (Math.floor(at.getTime() / 3_600_000) + 1) * 3_600;
  const dedup = { ...dedupKey(dedupHash), kind: 'dedup', complaintId, dueOn: complaint.dueOn, receiptCipher: await encrypt(receiptCode, complaintId), [ttlAttribute]: hourEnds + 3_600 };
  const puts: ItemPut[] = [
    { item: complaintItem(complaint), expect: 'absent', what: 'The complaint' },
    { item: { ...ownerKey(complaintId), kind: 'owner', unitId: complaint.handlingUnitId }, expect: 'absent', what: 'The complaint' },
    { item: { ...receiptKey(hash), kind: 'receipt', complaintId, handlingUnitId: complaint.handlingUnitId }, expect: 'absent', what: 'The receipt' },
    { item: dedup, expect: 'absent', what: 'The complaint' },
  ];
  const events = [
    disclosureEvent('disclosure.ComplaintFiled.v1', about(complaint), { complaintId, unitId: unit.id, channel: 'public', aboutDisciplineBody: body.aboutDisciplineBody, filedOn }, cause, at),
    disclosureEvent('disclosure.ComplaintRouted.v1', about(complaint), { ...ids(complaint), raised: route.raised, dueOn: complaint.dueOn }, cause, at),
  ];
  try {
    await store.writeWithEvents(puts, events, at, 'The same complaint was filed at the same moment');
  } catch (error) {
    // Nothing of this filing stands: neither do its files.
    await Promise.all(files.map((f) => removeFile(attachmentKey(complaintId, f.index))));
    // The same complaint filed at the same moment: the one written first gives the code.
    const first = error instanceof ConflictError ? await getDedup(dedupHash) : undefined;
    if (first) return filedAnswer(first, true);
    throw error;
  }
  return { receiptCode, duplicate: false, status: complaint.status, dueOn: complaint.dueOn };
};

const unknownReceipt: ReceiptView = {
  found: false,
  status: null,
  statusText: '未查询到与该回执码对应的投诉，请核对回执码',
  filedOn: null,
  dueOn: null,
  handlingBody: null,
  answer: null,
  answeredOn: null,
  rating: null,
  canRate: false,
};

/**
 * The complaint of a typed receipt code, after the limits per address and per code. A code that
 * cannot be one is hashed all the same, so that every lookup makes the same reads.
 */
const byReceipt = async (typed: string, clientAddress: string, at: Date): Promise<Complaint | undefined> => {
  const normalised = normaliseReceipt(typed);
  const hash = receiptHash(normalised ?? `invalid:${typed}`);
  await limit('lookup', clientAddress, 60, disclosureConfig.lookupsPerAddressPerMinute, at);
  await limit('code', hash, 60, disclosureConfig.lookupsPerCodePerMinute, at);
  const complaint = await complaintByReceipt(hash);
  return normalised ? complaint : undefined;
};

const receiptView = async (c: Complaint): Promise<ReceiptView> => ({
  found: true,
  status: c.status,
  statusText: statusTexts[c.status],
  filedOn: c.filedOn,
  dueOn: c.dueOn,
  handlingBody: `${(await getKnownUnit(c.handlingUnitId))?.name ?? ''}纪检监察机构`,
  answer: c.answer ?? (c.referral ? '您反映的问题已按规定转有关部门办理。' : null),
  answeredOn: c.answeredOn ?? c.referral?.referredOn ?? null,
  rating: c.rating,
  canRate: canRate(c),
});

/**
 * What a receipt code shows: the status and the answer of its complaint, nothing else; an unknown
 * code the same shape, empty, after the same reads, and neither before the time floor.
 */
export const lookUpReceipt = async (typed: string, clientAddress: string, at: Date, floor: Promise<unknown> = sleep(disclosureConfig.lookupFloorMs)): Promise<ReceiptView> => {
  const complaint = await byReceipt(typed, clientAddress, at);
  const [view] = await Promise.all([complaint ? receiptView(complaint) : { ...unknownReceipt, handlingBody: (await getKnownUnit('NONE'))?.name ?? null }, floor]);
  return view;
};

/** Rates the answer of a closed complaint, once; an unknown code gets the same 409 as one not yet closed. */
export const rateComplaint = async (typed: string, rating: Rating, clientAddress: string, cause: Causation, at: Date): Promise<ReceiptView> => {
  const complaint = await byReceipt(typed, clientAddress, at);
  if (!complaint) throw new ConflictError('没有可评价的投诉：回执码有误、尚未办结或已评价 / nothing to rate with this code');
  const rated = rate(complaint, rating);
  await store.writeWithEvents(
    [{ item: complaintItem(rated), expect: { version: complaint.version }, what: 'The complaint' }],
    [disclosureEvent('disclosure.ComplaintRated.v1', about(rated), { ...ids(rated), rating }, cause, at)],
    at,
    'The complaint was rated meanwhile',
  );
  return receiptView(rated);
};

const summaryOf = (c: Complaint & { readonly escalatedOn?: string | null }, today: string) => ({
  complaintId: c.complaintId,
  unitId: c.unitId,
  unitName: c.unitName,
  channel: c.channel,
  clue: c.clue ?? null,
  status: c.status,
  raised: c.raised,
  filedOn: c.filedOn,
  dueOn: c.dueOn,
  overdue: isOverdue(c, today),
  escalatedOn: c.escalatedOn ?? null,
});

/** The complaints a unit's discipline body handles, newest first, without facts or contact details. */
export const listComplaints = async (unitId: string, at: Date) =>
  (await complaintsHandledBy(unitId)).map((c) => summaryOf(c, cstDate(at))).sort((a, b) => b.filedOn.localeCompare(a.filedOn) || b.complaintId.localeCompare(a.complaintId));

const found = async (complaintId: string): Promise<Complaint> => {
  const complaint = await getComplaint(complaintId);
  if (!complaint) throw new NotFoundError('No such complaint');
  return complaint;
};

const viewOf = async (c: Complaint, today: string): Promise<ComplaintView> => ({
  ...summaryOf(c, today),
  handlingUnitId: c.handlingUnitId,
  aboutDisciplineBody: c.aboutDisciplineBody,
  facts: c.facts,
  contact: c.contactCipher ? (JSON.parse(await decrypt(c.contactCipher, c.complaintId)) as ComplaintView['contact']) : null,
  answer: c.answer,
  answeredOn: c.answeredOn,
  referral: c.referral,
  rating: c.rating,
  attachments: (c.attachments ?? []).map((a, index) => ({ index, ...a })),
  version: c.version,
});

/** A complaint as its handling body reads it, contact details decrypted; the read is logged first. */
export const viewComplaint = async (complaintId: string, caller: Caller, at: Date): Promise<ComplaintView> => {
  const complaint = await found(complaintId);
  await recordAccess(complaintId, caller, at.toISOString());
  return viewOf(complaint, cstDate(at));
};

type Step = { readonly complaintId: string; readonly caller: Caller; readonly cause: Causation; readonly at: Date };

/** Writes a step and answers the complaint as it now is; the answer shows the contact details, so it is a read that is logged too. */
const write = async (before: Complaint, after: Complaint, event: Parameters<typeof store.writeWithEvents>[1][number], caller: Caller, at: Date) => {
  await store.writeWithEvents([{ item: complaintItem(after), expect: { version: before.version }, what: 'The complaint' }], [event], at, 'The complaint was changed meanwhile');
  await recordAccess(after.complaintId, caller, at.toISOString());
  return viewOf(after, cstDate(at));
};

/** The handling body accepts the complaint (受理) and looks into it. */
export const acceptComplaint = async ({ complaintId, caller, cause, at }: Step) => {
  const before = await found(complaintId);
  const after = accept(before);
  return write(before, after, disclosureEvent('disclosure.ComplaintAccepted.v1', about(after), { ...ids(after), actor: actorOf(caller) }, cause, at), caller, at);
};

/** The handling body answers: the complainant reads the answer by receipt code. */
export const answerComplaint = async ({ complaintId, caller, cause, at }: Step, text: string) => {
  const before = await found(complaintId);
  const today = cstDate(at);
  const after = answer(before, text, today);
  return write(before, after, disclosureEvent('disclosure.ComplaintAnswered.v1', about(after), { ...ids(after), answeredOn: today, onTime: today <= before.dueOn, actor: actorOf(caller) }, cause, at), caller, at);
};

/** The handling body refers the complaint: a clue for an accountability case or a talk, or a matter for another body. */
export const referComplaint = async ({ complaintId, caller, cause, at }: Step, to: ReferralKind, note: string) => {
  const before = await found(complaintId);
  const today = cstDate(at);
  const after = refer(before, to, note, today);
  return write(before, after, disclosureEvent('disclosure.ComplaintReferred.v1', about(after), { ...ids(after), to, referredOn: today, actor: actorOf(caller) }, cause, at), caller, at);
};

/** A complaint's attached file, opened for its handling body; the read is logged first. */
export const attachmentFile = async (complaintId: string, index: number, caller: Caller, at: Date) => {
  const complaint = await found(complaintId);
  const attachment = complaint.attachments?.[index];
  if (!attachment) throw new NotFoundError('No such attachment');
  await recordAccess(complaintId, caller, at.toISOString());
  const bytes = await openBytes(await getFile(attachmentKey(complaintId, index)), complaintId);
  return { index, ...attachment, contentBase64: bytes.toString('base64') };
};
