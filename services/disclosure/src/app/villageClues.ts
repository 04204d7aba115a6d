/**
 * A village supervisory committee's monthly clues (村务监督委员会): filed through the same intake as
 * public complaints, but signed in as the committee's unit, each one a complaint handled by the
 * discipline body of the town above the village, which sorts them by kind and accepts, answers or
 * refers each. The same clue filed again for the same month is not filed twice.
 */
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import { ConflictError, RuleError } from '#shared/errors.js';
import { actorOf } from '#events/people.js';
import { cstDate, type Causation } from '#events/envelope.js';
import { disclosureConfig } from '../config.js';
import { received } from '../domain/complaints.js';
import { complaintItem, complaintsHandledBy, getKnownUnit, ownerKey, store } from '../adapters/disclosureRepository.js';
import type { VillageCluesBody } from '../schemas.js';
import { disclosureEvent } from './events.js';

const clueKey = (hash: string) => ({ pk: `CLUE#${hash}`, sk: 'CLUE' });

/** The town above the village: its discipline body handles the clues. */
const townAbove = async (unitId: string) => {
  const unit = (await getKnownUnit(unitId))!;
  const town = unit.ancestorIds.at(-1);
  if (town === undefined) throw new RuleError('A unit with none above it has no discipline body to file clues with', [{ path: 'path.unitId', message: '该单位没有上级纪检监察机构 / no unit above' }]);
  return { unit, town };
};

/** The committee's clues of a month, as it reads them back with the town's handling. */
export const villageClues = async (unitId: string, month: string) => {
  const { town } = await townAbove(unitId);
  const clues = (await complaintsHandledBy(town)).filter((c) => c.unitId === unitId && c.clue?.month === month);
  return {
    month,
    handlingUnitId: town,
    clues: clues.map((c) => ({ complaintId: c.complaintId, kind: c.clue!.kind, summary: c.facts, status: c.status, answer: c.answer })),
  };
};

/** Files the month's clues with the town's discipline body; a clue filed before for the month is kept as it is. */
export const fileVillageClues = async (caller: Caller, unitId: string, body: VillageCluesBody, cause: Causation, at: Date) => {
  const { unit, town } = await townAbove(unitId);
  const filedOn = cstDate(at);
  for (const clue of body.clues) {
    const hash = createHash('sha256').update(JSON.stringify(['clue', unitId, body.month, clue.kind, clue.summary])).digest('hex');
    if (await store.getItem(clueKey(hash).pk, clueKey(hash).sk)) continue;
    const complaint = received(
      {
        complaintId: uuidv7(),
        receiptHash: null,
        channel: 'villageCommittee',
        clue: { kind: clue.kind, month: body.month },
        unitId,
        unitName: unit.name,
        aboutDisciplineBody: false,
        handlingUnitId: town,
        raised: false,
        facts: clue.summary,
        contactCipher: null,
      },
      filedOn,
      disclosureConfig.answerWithinDays,
    );
    const ids = { complaintId: complaint.complaintId, unitId, handlingUnitId: town };
    const about = { subject: complaint.complaintId, unitId, version: 1 };
    try {
      await store.writeWithEvents(
        [
          { item: complaintItem(complaint), expect: 'absent', what: 'The clue' },
          { item: { ...ownerKey(complaint.complaintId), kind: 'owner', unitId: town }, expect: 'absent', what: 'The clue' },
          { item: { ...clueKey(hash), kind: 'clue', complaintId: complaint.complaintId }, expect: 'absent', what: 'The clue' },
        ],
        [
          disclosureEvent('disclosure.ClueFiled.v1', about, { ...ids, month: body.month, kind: clue.kind, actor: actorOf(caller) }, cause, at),
          disclosureEvent('disclosure.ComplaintRouted.v1', about, { ...ids, raised: false, dueOn: complaint.dueOn }, cause, at),
        ],
        at,
        'The same clue was filed at the same moment',
      );
    } catch (error) {
      // Filed at the same moment by another request: it is there once.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return villageClues(unitId, body.month);
};
