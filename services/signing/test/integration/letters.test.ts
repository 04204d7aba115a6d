/**
 * Letters signed layer by layer, through the local gateway on the real broker and DynamoDB Local:
 * issuing from published lists, signing by the holders of the posts, coverage, corrections, and
 * tamper evidence against someone who edits the table.
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Runtime } from '#infra/local/runtime.js';
import { httpClient, type HttpClient } from '#infra/local/support/httpClient.js';
import { signingFlow, type LetterAnswer, type Staffed } from '#infra/local/support/signingFlow.js';
import { api, documentClient, eventually, registerUnit, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';
import { recordTopic, type TopicRecorder } from '#infra/local/test/support/topic.js';
import { SigningEvent } from '#events/index.js';
import { topics } from '#events/topics.js';
import { linkHashOf, type SignatureLink } from '../../src/domain/chain.js';
import { contentHashOf, type Letter } from '../../src/domain/letters.js';

let runtime: Runtime;
let client: HttpClient;
let flow: ReturnType<typeof signingFlow>;
let recorder: TopicRecorder;
const suffix = Date.now().toString(36);
const year = 2026;

interface Verification {
  valid: boolean;
  signatures: number;
  head: string | null;
  brokenAt: { sequence: number; documentId: string; reason: string; message: string } | null;
}

interface CoverageLevel {
  level: number;
  units: number;
  issued: number;
  completed: number;
  pending: number;
  percentComplete: number | null;
  unsigned: Array<{ letterId: string; party: string; personId: string; name: string }>;
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  // After the runtime, which creates the topics; from the beginning, so nothing is missed.
  recorder = await recordTopic(topics.signing);
  client = httpClient(runtime.url);
  flow = signingFlow(client, runtime.keys);
});

afterAll(async () => {
  client?.close();
  await runtime?.stop();
  await recorder?.stop();
});

/** A fresh root unit (a city) with a secretary, two members and a discipline chief, its lists published. */
const staffedCity = async (name: string) => {
  const cityId = await registerUnit(runtime, `${name}-${suffix}`, undefined, '市委');
  const staffed = await flow.staff(cityId, {
    secretary: '王明',
    members: [
      { name: '李华', areas: ['财政', '农业农村'] },
      { name: '赵强', areas: ['教育'] },
    ],
    disciplineChief: '孙丽',
  });
  const lists = await flow.publishLists(staffed, year, false);
  return { cityId, staffed, lists };
};

const holderOf = (staffed: Staffed, personId: string) => [staffed.secretary, ...staffed.members, ...(staffed.disciplineChief ? [staffed.disciplineChief] : [])].find((h) => h.personId === personId)!;

/** Both parties sign the letter; gives the completed letter. */
const signBoth = async (staffed: Staffed, letter: LetterAnswer, issuerStaff: Staffed = staffed): Promise<LetterAnswer> => {
  const first = await flow.sign(letter, holderOf(issuerStaff, letter.issuer.personId));
  expect(first.status).toBe(200);
  const second = await flow.sign(letter, holderOf(staffed, letter.recipient.personId));
  expect(second.status).toBe(200);
  return second.body.letter;
};

const coverageFor = async (token: string): Promise<CoverageLevel[]> => {
  const answer = await api<{ levels: CoverageLevel[] }>(runtime, 'GET', `/api/signing/coverage?year=${year}`, { token });
  expect(answer.status).toBe(200);
  return answer.body.levels;
};

const verifyLetter = async (letterId: string) => (await api<Verification>(runtime, 'GET', `/api/letters/${letterId}/verify`, { token: await tokenFor(runtime, 'admin') })).body;

describe('responsibility lists', () => {
  it('are edited after publication as the next version, which is published in turn, item ids kept', async () => {
    // Prepare
    const { cityId, staffed, lists } = await staffedCity('柏城市');
    const list = lists.get(staffed.members[0]!.postId)!;
    const token = await flow.tokenOf(staffed.secretary);
    const [first, ...rest] = list.items;

    // Act
    const edited = await api<{ status: string; version: number; items: Array<{ itemId: string; text: string }> }>(runtime, 'PUT', `/api/units/${cityId}/responsibility-lists/${list.listId}`, {
      token,
      body: { items: [{ itemId: first!.itemId, text: '（修订）每季度专题研究分管领域党风廉政建设' }, ...rest.map((i) => ({ itemId: i.itemId, text: i.text })), { text: '新增：督促整改巡察反馈问题' }] },
    });
    const published = await api<{ status: string; version: number }>(runtime, 'POST', `/api/units/${cityId}/responsibility-lists/${list.listId}/publish`, { token });
    const again = await api(runtime, 'POST', `/api/units/${cityId}/responsibility-lists/${list.listId}/publish`, { token });

    // Assess
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: 'draft', version: 2 });
    expect(edited.body.items[0]).toEqual({ itemId: first!.itemId, text: '（修订）每季度专题研究分管领域党风廉政建设', area: first!.area });
    expect(edited.body.items.slice(1, -1)).toEqual(rest);
    expect(published.body).toMatchObject({ status: 'published', version: 2 });
    expect(again.status).toBe(409);
  });
});

describe('the city secretary’s letters', () => {
  it('are issued one per member from the published lists, each holding exactly that member’s items', async () => {
    // Prepare
    const { cityId, staffed, lists } = await staffedCity('海城市');

    // Act
    const { issued, notIssued } = await flow.issue(cityId, year, await flow.tokenOf(staffed.secretary));

    // Assess: no committee letter for the root, one letter per member and one for the discipline chief.
    expect(notIssued).toEqual([]);
    expect(issued.map((l) => l.kind)).toEqual(['member', 'member', 'member']);
    for (const member of staffed.members) {
      const letter = issued.find((l) => l.recipient.postId === member.postId)!;
      expect(letter.items).toEqual(lists.get(member.postId)!.items);
      expect(letter.issuer.personId).toBe(staffed.secretary.personId);
    }
    const chief = issued.find((l) => l.recipient.postId === staffed.disciplineChief!.postId)!;
    expect(chief.items).toEqual(lists.get('commission')!.items);
    // A member's items follow their portfolio: 李华's name both her areas, 赵强's neither of them.
    const li = issued.find((l) => l.recipient.postId === staffed.members[0]!.postId)!;
    expect(li.items.map((i) => i.area).filter(Boolean)).toEqual(expect.arrayContaining(['财政', '农业农村']));
    const zhao = issued.find((l) => l.recipient.postId === staffed.members[1]!.postId)!;
    expect(zhao.items.some((i) => i.area === '财政')).toBe(false);
  });

  it('are signed by both parties of each, after which coverage reads 100% at the city level and the chain verifies', async () => {
    // Prepare
    const { cityId, staffed } = await staffedCity('江城市');
    const { issued } = await flow.issue(cityId, year, await flow.tokenOf(staffed.secretary));

    // Act
    const completed: LetterAnswer[] = [];
    for (const letter of issued) completed.push(await signBoth(staffed, letter));

    // Assess
    expect(completed.map((l) => l.status)).toEqual(['completed', 'completed', 'completed']);
    const [city] = await coverageFor(await flow.tokenOf(staffed.secretary));
    expect(city).toEqual({ level: 0, units: 1, issued: 3, completed: 3, pending: 0, percentComplete: 100, unsigned: [] });
    // The dashboard, built from the topic alone, comes to say the same.
    const token = await flow.tokenOf(staffed.secretary);
    const board = await eventually(async () => {
      const answer = await api<{ levels: Array<{ level: number; total: number; done: number; percentDone: number | null }> }>(runtime, 'GET', `/api/dashboard/signing?year=${year}`, { token });
      return answer.body.levels[0]?.done === 3 ? answer.body.levels[0] : undefined;
    }, 30_000, 'the dashboard to count the signed letters');
    expect(board).toMatchObject({ level: 0, total: 3, done: 3, percentDone: 100 });
    const chain = (await api<Verification>(runtime, 'GET', `/api/units/${cityId}/signatures/verify?year=${year}`, { token: await flow.tokenOf(staffed.secretary) })).body;
    expect(chain).toMatchObject({ valid: true, signatures: 6, brokenAt: null });
    expect(await verifyLetter(issued[0]!.letterId)).toMatchObject({ valid: true, signatures: 6 });
  });

  it('refuse a signer who does not hold the party’s post, or who is from another unit, with 403', async () => {
    // Prepare
    const { cityId, staffed } = await staffedCity('河城市');
    const { issued } = await flow.issue(cityId, year, await flow.tokenOf(staffed.secretary));
    const liLetter = issued.find((l) => l.recipient.postId === staffed.members[0]!.postId)!;
    const countyId = await registerUnit(runtime, `邻市-${suffix}`, undefined, '市委');
    const stranger = await flow.staff(countyId, { secretary: '周平', members: [] });
    const leaving = await flow.staff(await registerUnit(runtime, `离任市-${suffix}`, undefined, '市委'), { secretary: '吴刚', members: [{ name: '郑明', areas: ['交通'] }] });
    await flow.publishLists(leaving, year, false);
    const { issued: leavingLetters } = await flow.issue(leaving.unitId, year, await flow.tokenOf(leaving.secretary));
    await client.expect('POST', `/api/units/${leaving.unitId}/posts/${leaving.members[0]!.postId}/leave`, 200, { token: await tokenFor(runtime, 'admin'), body: { endDate: '2025-12-31' } });

    // Act
    const otherMember = await flow.sign(liLetter, staffed.members[1]!);
    const otherUnit = await flow.sign(liLetter, stranger.secretary);
    const leftThePost = await flow.sign(leavingLetters[0]!, leaving.members[0]!);

    // Assess
    expect([otherMember.status, otherUnit.status, leftThePost.status]).toEqual([403, 403, 403]);
    expect(await verifyLetter(liLetter.letterId)).toMatchObject({ valid: true, signatures: 0 });
  });
});

describe('the city committee’s letters with its subordinate committees', () => {
  it('are issued in one call with the city’s own, naming each subordinate that cannot have one yet', async () => {
    // Prepare: two counties ready (secretary, lists published), a third without lists.
    const { cityId, staffed: city } = await staffedCity('桥城市');
    const counties: Staffed[] = [];
    for (const name of ['甲县', '乙县']) {
      const county = await flow.staff(await registerUnit(runtime, `桥城市${name}-${suffix}`, cityId), { secretary: `${name}书记`, members: [{ name: `${name}委员`, areas: ['财政'] }] });
      await flow.publishLists(county, year);
      counties.push(county);
    }
    await flow.staff(await registerUnit(runtime, `桥城市丙县-${suffix}`, cityId), { secretary: '丙县书记', members: [] });

    // Act
    const { issued, notIssued } = await flow.issue(cityId, year, await flow.tokenOf(city.secretary), true);

    // Assess: the city's three member letters, and one committee letter per ready county (not the
    // counties' own member letters, which their secretaries issue).
    expect(issued.filter((l) => l.unitId === cityId).map((l) => l.kind)).toEqual(['member', 'member', 'member']);
    const committees = issued.filter((l) => l.kind === 'committee');
    expect(committees.map((l) => l.unitId).sort()).toEqual(counties.map((c) => c.unitId).sort());
    for (const letter of committees) expect(letter.issuer.personId).toBe(city.secretary.personId);
    expect(notIssued).toEqual([{ who: `桥城市丙县-${suffix}：本单位党委（党组）`, reason: '主体责任清单尚未发布', kind: 'committee' }]);
  });
});

describe('a letter, once signed', () => {
  it('cannot change (409), while an unsigned one is corrected by a new version that voids the old', async () => {
    // Prepare
    const { cityId, staffed } = await staffedCity('山城市');
    const { issued } = await flow.issue(cityId, year, await flow.tokenOf(staffed.secretary));
    const [signedOne, unsignedOne] = issued;
    expect((await flow.sign(signedOne!, staffed.secretary)).status).toBe(200);
    const token = await flow.tokenOf(staffed.secretary);
    const correction = { items: [{ itemId: unsignedOne!.items[0]!.itemId, text: '对分管领域党风廉政建设负直接领导责任（更正）' }] };

    // Act
    const changeSigned = await api(runtime, 'PUT', `/api/letters/${signedOne!.letterId}`, { token, body: correction });
    const corrected = await api<{ voided: LetterAnswer; letter: LetterAnswer }>(runtime, 'PUT', `/api/letters/${unsignedOne!.letterId}`, { token, body: correction });
    const signOld = await flow.sign(unsignedOne!, staffed.secretary);
    const signNew = await flow.sign(corrected.body.letter, staffed.secretary);

    // Assess
    expect(changeSigned.status).toBe(409);
    expect(corrected.status).toBe(200);
    expect(corrected.body.voided).toMatchObject({ version: 1, status: 'voided' });
    expect(corrected.body.letter).toMatchObject({ version: 2, status: 'issued', items: [{ itemId: unsignedOne!.items[0]!.itemId, text: correction.items[0]!.text }] });
    expect(signOld.status).toBe(409);
    expect(signNew.status).toBe(200);
    const current = await api<LetterAnswer>(runtime, 'GET', `/api/letters/${unsignedOne!.letterId}`, { token });
    expect(current.body).toMatchObject({ version: 2, status: 'issued' });
  });
});

describe('a letter whose party has left', () => {
  it('is corrected with the secretary’s successor as a party, and a member’s is withdrawn, freeing the pair for a new letter', async () => {
    // Prepare: the secretary leaves and a successor takes the post; a member leaves and is replaced.
    const { cityId, staffed } = await staffedCity('松城市');
    const { issued } = await flow.issue(cityId, year, await flow.tokenOf(staffed.secretary));
    const admin = await tokenFor(runtime, 'admin');
    const leave = (postId: string) => client.expect('POST', `/api/units/${cityId}/posts/${postId}/leave`, 200, { token: admin, body: { endDate: '2025-12-31' } });
    await leave(staffed.secretary.postId);
    const successor = await flow.assign(cityId, '郑新', 'secretary', '党委书记', [], '2026-01-01');
    const [li, zhao] = staffed.members;
    await leave(li!.postId);
    const liLetter = issued.find((l) => l.recipient.postId === li!.postId)!;
    const zhaoLetter = issued.find((l) => l.recipient.postId === zhao!.postId)!;
    const token = await flow.tokenOf(successor);

    // Act
    const corrected = await api<{ letter: LetterAnswer & { issuer: { name: string } } }>(runtime, 'PUT', `/api/letters/${zhaoLetter.letterId}`, { token, body: {} });
    const cannotCorrect = await api(runtime, 'PUT', `/api/letters/${liLetter.letterId}`, { token, body: {} });
    const withdrawn = await api<LetterAnswer>(runtime, 'POST', `/api/letters/${liLetter.letterId}/withdraw`, { token, body: { reason: '责任人已调离' } });
    const newcomer = await flow.assign(cityId, '冯远', 'teamMember', '党委委员', ['财政'], '2026-01-01');
    await flow.publishList({ unitId: cityId, secretary: successor }, year, 'teamMember', newcomer.postId);
    const reissued = await flow.issue(cityId, year, token);

    // Assess
    expect(corrected.status).toBe(200);
    expect(corrected.body.letter).toMatchObject({ version: 2, issuer: { personId: successor.personId, name: '郑新' }, recipient: { personId: zhao!.personId } });
    expect((await flow.sign(corrected.body.letter, successor)).status).toBe(200);
    expect(cannotCorrect.status).toBe(422);
    expect(withdrawn.body).toMatchObject({ status: 'voided' });
    expect(reissued.issued.map((l) => l.recipient.personId)).toEqual([newcomer.personId]);
    expect(await verifyLetter(zhaoLetter.letterId)).toMatchObject({ valid: true });
  });

  it('can be changed only by the issuing side: the recipient unit’s secretary gets 403', async () => {
    // Prepare
    const { cityId, staffed: city } = await staffedCity('柳城市');
    const county = await flow.staff(await registerUnit(runtime, `柳城市北县-${suffix}`, cityId), { secretary: '蒋文', members: [] });
    await flow.publishLists(county, year);
    const { issued } = await flow.issue(county.unitId, year, await flow.tokenOf(city.secretary));
    const committee = issued.find((l) => l.kind === 'committee')!;

    // Act
    const byRecipient = await api(runtime, 'PUT', `/api/letters/${committee.letterId}`, { token: await flow.tokenOf(county.secretary), body: { title: '改过的标题' } });
    const byIssuer = await api(runtime, 'PUT', `/api/letters/${committee.letterId}`, { token: await flow.tokenOf(city.secretary), body: { title: '2026年度党风廉政建设责任书（更正）' } });

    // Assess
    expect(byRecipient.status).toBe(403);
    expect(byIssuer.status).toBe(200);
  });
});

describe('coverage', () => {
  it('counts issued, completed and pending letters level by level after partial signing, and names who has not signed', async () => {
    // Prepare: a city whose county's letters are half signed.
    const { cityId, staffed: city } = await staffedCity('湖城市');
    const countyId = await registerUnit(runtime, `湖城市东湖县-${suffix}`, cityId);
    const county = await flow.staff(countyId, { secretary: '陈刚', members: [{ name: '林芳', areas: ['民政'] }, { name: '黄涛', areas: ['水利'] }] });
    await flow.publishLists(county, year);
    const { issued } = await flow.issue(countyId, year, await flow.tokenOf(city.secretary));
    expect(issued.map((l) => l.kind).sort()).toEqual(['committee', 'member', 'member']);
    const committee = issued.find((l) => l.kind === 'committee')!;
    const [firstMember, secondMember] = issued.filter((l) => l.kind === 'member');

    // Act
    await signBoth(county, committee, city);
    expect((await flow.sign(firstMember!, county.secretary)).status).toBe(200);
    void secondMember;

    // Assess
    const levels = await coverageFor(await flow.tokenOf(city.secretary));
    const countyLevel = levels.find((l) => l.level === 1)!;
    expect(countyLevel).toMatchObject({ level: 1, units: 1, issued: 3, completed: 1, pending: 2, percentComplete: 33.3 });
    expect(countyLevel.unsigned.map((u) => u.name).sort()).toEqual(['林芳', '陈刚', '黄涛'].sort());
    // The county secretary sees the county as level 0, and nothing of the city's own letters.
    const fromCounty = await coverageFor(await flow.tokenOf(county.secretary));
    expect(fromCounty.map((l) => [l.level, l.issued, l.completed])).toEqual([[0, 3, 1]]);
    // The dashboard's counts, from the topic, match once it has caught up.
    const token = await flow.tokenOf(city.secretary);
    const board = await eventually(async () => {
      const answer = await api<{ levels: Array<{ level: number; total: number; done: number; pending: number; waitingOn: Array<{ name: string }> }> }>(runtime, 'GET', `/api/dashboard/signing?year=${year}`, { token });
      const level = answer.body.levels.find((l) => l.level === 1);
      return level?.total === 3 && level.done === 1 && level.waitingOn.length === 3 ? level : undefined;
    }, 30_000, 'the dashboard to count the county’s letters');
    expect(board.waitingOn.map((w) => w.name).sort()).toEqual(['林芳', '陈刚', '黄涛'].sort());
  });
});

describe('tamper evidence', () => {
  const doc = () => documentClient();
  const table = 'signing';

  /** A city whose first two letters are signed by both parties: four links. */
  const signedChain = async (name: string) => {
    const { cityId, staffed } = await staffedCity(name);
    const { issued } = await flow.issue(cityId, year, await flow.tokenOf(staffed.secretary));
    for (const letter of issued.slice(0, 2)) await signBoth(staffed, letter);
    return { cityId, letters: issued };
  };

  const letterItem = async (letter: LetterAnswer) =>
    (await doc().send(new GetCommand({ TableName: table, Key: { pk: `UNIT#${letter.unitId}`, sk: `LETTER#${year}#${letter.letterId}#V000001` } }))).Item!;

  const links = async (cityId: string) =>
    (await doc().send(new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sig)', ExpressionAttributeValues: { ':pk': `CHAIN#${cityId}#${year}`, ':sig': 'SIG#' } })))
      .Items as Array<SignatureLink & { pk: string; sk: string; kind: string }>;

  /** One character of the text changed, as an editor of the table could. */
  const oneByteOff = (text: string) => `${text.slice(0, -1)}${text.at(-1) === '。' ? '，' : '。'}`;

  it('names the link of a letter one stored byte of which was edited in DynamoDB', async () => {
    // Prepare
    const { letters } = await signedChain('云城市');
    const item = await letterItem(letters[1]!);
    const items = item.items as Array<{ text: string }>;
    items[0]!.text = oneByteOff(items[0]!.text);

    // Act
    await doc().send(new PutCommand({ TableName: table, Item: item }));
    const verdict = await verifyLetter(letters[0]!.letterId);

    // Assess: the second letter's first signature is link 3.
    expect(verdict).toMatchObject({ valid: false, brokenAt: { sequence: 3, documentId: letters[1]!.letterId, reason: 'contentHash' } });
  });

  it('names a signature one stored byte of which was edited in DynamoDB', async () => {
    // Prepare
    const { cityId, letters } = await signedChain('雾城市');
    const link = (await links(cityId))[1]!;

    // Act
    await doc().send(new PutCommand({ TableName: table, Item: { ...link, signerRole: oneByteOff(link.signerRole) } }));
    const verdict = await verifyLetter(letters[0]!.letterId);

    // Assess
    expect(verdict).toMatchObject({ valid: false, brokenAt: { sequence: 2, reason: 'hash' } });
  });

  it('detects a whole chain rewritten consistently, hashes recomputed, by its digital signatures', async () => {
    // Prepare: the first letter's text changed, its content hash and every link's hash after it
    // recomputed and written back with the head, as someone with write access to the table could.
    const { cityId, letters } = await signedChain('雪城市');
    const item = await letterItem(letters[0]!);
    (item.items as Array<{ text: string }>)[0]!.text = '（已删改）';
    const stored = item as unknown as Letter & { letterKind: Letter['kind'] };
    const rewritten = { ...stored, kind: stored.letterKind };
    await doc().send(new PutCommand({ TableName: table, Item: { ...item, contentHash: contentHashOf(rewritten, rewritten.suite) } }));
    let previous: string | null = null;
    for (const link of await links(cityId)) {
      const { pk, sk, kind, hash: _hash, digitalSignature, ...fields } = link;
      const changed = { ...fields, previousHash: previous, contentHash: link.documentId === letters[0]!.letterId ? contentHashOf(rewritten, link.suite) : link.contentHash };
      const hash = linkHashOf(changed);
      await doc().send(new PutCommand({ TableName: table, Item: { pk, sk, kind, ...changed, hash, digitalSignature } }));
      previous = hash;
    }
    await doc().send(new PutCommand({ TableName: table, Item: { pk: `CHAIN#${cityId}#${year}`, sk: 'HEAD', kind: 'chainHead', revision: 4, hash: previous } }));

    // Act
    const verdict = await verifyLetter(letters[0]!.letterId);

    // Assess
    expect(verdict).toMatchObject({ valid: false, brokenAt: { sequence: 1, documentId: letters[0]!.letterId, reason: 'digitalSignature' } });
  });
});

describe('tamper evidence beyond the links', () => {
  const doc = () => documentClient();
  const table = 'signing';

  it('names an unsigned letter rewritten with its content hash recomputed, by its seal', async () => {
    // Prepare
    const { cityId, staffed } = await staffedCity('竹城市');
    const { issued } = await flow.issue(cityId, year, await flow.tokenOf(staffed.secretary));
    const key = { pk: `UNIT#${cityId}`, sk: `LETTER#${year}#${issued[0]!.letterId}#V000001` };
    const item = (await doc().send(new GetCommand({ TableName: table, Key: key }))).Item!;
    (item.items as Array<{ text: string }>)[0]!.text = '（删改后的事项）';
    const stored = item as unknown as Letter & { letterKind: Letter['kind'] };

    // Act
    await doc().send(new PutCommand({ TableName: table, Item: { ...item, contentHash: contentHashOf({ ...stored, kind: stored.letterKind }, stored.suite) } }));
    const verdict = await verifyLetter(issued[0]!.letterId);

    // Assess
    expect(verdict).toMatchObject({ valid: false, brokenAt: { documentId: issued[0]!.letterId, reason: 'seal' } });
  });

  it('names a letter whose record of signatures was cleared, and a chain head that does not name the last link', async () => {
    // Prepare
    const { cityId, staffed } = await staffedCity('桂城市');
    const { issued } = await flow.issue(cityId, year, await flow.tokenOf(staffed.secretary));
    await signBoth(staffed, issued[0]!);
    const letterKey = { pk: `UNIT#${cityId}`, sk: `LETTER#${year}#${issued[0]!.letterId}#V000001` };
    const item = (await doc().send(new GetCommand({ TableName: table, Key: letterKey }))).Item!;
    const headKey = { pk: `CHAIN#${cityId}#${year}`, sk: 'HEAD' };
    const head = (await doc().send(new GetCommand({ TableName: table, Key: headKey }))).Item!;

    // Act
    await doc().send(new PutCommand({ TableName: table, Item: { ...item, signatures: [], status: 'issued' } }));
    const cleared = await verifyLetter(issued[0]!.letterId);
    await doc().send(new PutCommand({ TableName: table, Item: item }));
    await doc().send(new PutCommand({ TableName: table, Item: { ...head, revision: 1 } }));
    const headMoved = await verifyLetter(issued[0]!.letterId);

    // Assess
    expect(cleared).toMatchObject({ valid: false, brokenAt: { reason: 'record', documentId: issued[0]!.letterId } });
    expect(headMoved).toMatchObject({ valid: false, brokenAt: { reason: 'head' } });
  });
});

describe('the SM3/SM2 suite', () => {
  afterEach(() => {
    delete process.env.SIGNATURE_SUITE;
  });

  it('signs letters with SM2 over SM3 hashes, and verifies them', async () => {
    // Prepare: the functions run in this process, so the configuration is this process's environment.
    process.env.SIGNATURE_SUITE = 'sm3-sm2';
    const { cityId, staffed } = await staffedCity('泉城市');
    const { issued } = await flow.issue(cityId, year, await flow.tokenOf(staffed.secretary));

    // Act
    const signature = await flow.sign(issued[0]!, staffed.secretary);
    await flow.sign(issued[0]!, holderOf(staffed, issued[0]!.recipient.personId));

    // Assess
    expect(signature.status).toBe(200);
    expect(signature.body.signature.suite).toBe('sm3-sm2');
    expect(await verifyLetter(issued[0]!.letterId)).toMatchObject({ valid: true, signatures: 2 });
  });
});

it('published only events that validate against their schemas, naming their actors', async () => {
  // Act: what the topic carried by now (every test above has run).
  const wanted = ['PersonAssigned', 'ResponsibilityListPublished', 'LetterIssued', 'LetterSigned', 'LetterCompleted', 'LetterVoided'].map((t) => `signing.${t}.v1`);
  await eventually(async () => (wanted.every((t) => recorder.values().some((v) => v.type === t)) ? true : undefined), 30_000, 'every kind of signing event');

  // Assess
  for (const value of recorder.values()) {
    const parsed = SigningEvent.safeParse(value);
    expect({ type: value.type, error: parsed.error?.issues }).toEqual({ type: value.type, error: undefined });
  }
  const signed = recorder.values().filter((v) => v.type === 'signing.LetterSigned.v1') as Array<{ data: { chainHead: { sequence: number }; signature: { sequence: number }; actor: { subject: string } } }>;
  for (const event of signed) expect(event.data.chainHead.sequence).toBe(event.data.signature.sequence);
});
