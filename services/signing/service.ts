import { z } from 'zod';
import { defineService, type HttpTrigger } from '#shared/manifest.js';
import { topics } from '#events/topics.js';
import { Problem } from '#shared/http/problem.js';
import {
  AssignPersonBody,
  CorrectLetterBody,
  CorrectResult,
  Coverage,
  CreateListBody,
  EditListBody,
  IssueLettersBody,
  IssueResult,
  LeavePostBody,
  LetterList,
  LetterPath,
  LetterView,
  ListList,
  ListPath,
  ListView,
  PostList,
  PostPath,
  PostsQuery,
  PostView,
  RegisterUnitBody,
  SignLetterBody,
  SignResult,
  UnitList,
  UnitPath,
  UnitView,
  VerifyResult,
  YearQuery,
} from './src/schemas.js';

/** Every role that reads; who may write is named route by route. */
const everyRole = ['unit_staff', 'unit_secretary', 'discipline_inspector', 'organisation_dept', 'admin'] as const;
/** The people who sign: anyone in a post, whatever role their token carries; the post decides. */
const signers = ['unit_staff', 'unit_secretary', 'discipline_inspector', 'organisation_dept'] as const;
/** A function behind one HTTP route, with the memory and timeout every signing route has. */
const httpFunction = <const T extends Omit<HttpTrigger, 'type'>>(entry: string, description: string, trigger: T) => ({
  entry,
  description,
  memoryMb: 512,
  timeoutSeconds: 10,
  triggers: [{ type: 'http' as const, ...trigger }],
});
const inPath = { in: 'path', name: 'unitId' } as const;
const letterInPath = { in: 'path', name: 'letterId', of: 'letter' } as const;

/**
 * signing: the unit tree, people in posts, responsibility lists, letters signed layer by layer and
 * the chain of their signatures.
 */
export default defineService({
  name: 'signing',
  produces: [topics.signing],
  tables: {
    main: { name: 'signing', stream: true },
  },
  signingKeys: {
    signatures: { description: 'Signs every link of the signature chains (letters and pledges)' },
  },
  functions: {
    registerUnit: httpFunction('src/handlers/registerUnit.ts', 'Registers a unit in the unit tree', {
      method: 'POST',
      path: '/api/units',
      roles: ['admin'],
      reach: { kind: 'subtree', unit: { in: 'body', name: 'parentId' } },
      summary: '登记单位 / Register a unit',
      idempotent: true,
      request: { body: RegisterUnitBody },
      responses: {
        201: { description: 'The unit', body: UnitView },
        404: { description: 'Unknown parent unit (only to an admin of the whole tree)', body: Problem },
      },
    }),
    listUnits: httpFunction('src/handlers/listUnits.ts', "Lists the units in the caller's subtree", {
      method: 'GET',
      path: '/api/units',
      roles: ['unit_staff', 'unit_secretary', 'discipline_inspector', 'organisation_dept', 'admin'],
      reach: { kind: 'listing' },
      summary: '本级及下级单位 / Units in the caller’s subtree',
      responses: { 200: { description: 'The units', body: UnitList } },
    }),
    assignPerson: httpFunction('src/handlers/assignPerson.ts', 'Puts a person in a post of a unit', {
      method: 'POST',
      path: '/api/units/{unitId}/posts',
      roles: ['organisation_dept', 'admin'],
      reach: { kind: 'subtree', unit: inPath },
      summary: '任职 / Put a person in a post',
      request: { path: UnitPath, body: AssignPersonBody },
      idempotent: true,
      responses: {
        201: { description: 'The post', body: PostView },
        404: { description: 'Unknown unit (only to an admin of the whole tree)', body: Problem },
        409: { description: 'The unit is deactivated, has a holder of that single post, or the person already holds a post in it', body: Problem },
      },
    }),
    leavePost: httpFunction('src/handlers/leavePost.ts', 'Ends a post: its holder leaves', {
      method: 'POST',
      path: '/api/units/{unitId}/posts/{postId}/leave',
      roles: ['organisation_dept', 'admin'],
      reach: { kind: 'subtree', unit: inPath },
      summary: '离任 / The holder leaves the post',
      request: { path: PostPath, body: LeavePostBody },
      responses: {
        200: { description: 'The post, ended', body: PostView },
        404: { description: 'No such post in the unit', body: Problem },
        409: { description: 'The post was already left', body: Problem },
        422: { description: 'The end date is before the start', body: Problem },
      },
    }),
    listPosts: httpFunction('src/handlers/listPosts.ts', "Lists a unit's posts", {
      method: 'GET',
      path: '/api/units/{unitId}/posts',
      roles: everyRole,
      reach: { kind: 'subtree', unit: inPath },
      summary: '单位班子成员及任职 / The posts of a unit',
      request: { path: UnitPath, query: PostsQuery },
      responses: { 200: { description: 'The posts held today (and ended ones with includeEnded=true)', body: PostList }, 404: { description: 'Unknown unit', body: Problem } },
    }),
    createList: httpFunction('src/handlers/createList.ts', 'Starts a responsibility list from the template', {
      method: 'POST',
      path: '/api/units/{unitId}/responsibility-lists',
      roles: ['unit_staff', 'unit_secretary'],
      reach: { kind: 'own-unit', unit: inPath },
      summary: '按模板起草责任清单 / Start a responsibility list from the template',
      request: { path: UnitPath, body: CreateListBody },
      responses: {
        201: { description: 'The draft list', body: ListView },
        409: { description: 'The unit already has this list for the year', body: Problem },
        422: { description: 'The post does not fit the subject, or is not held in the unit', body: Problem },
      },
    }),
    editList: httpFunction('src/handlers/editList.ts', "Replaces a responsibility list's items", {
      method: 'PUT',
      path: '/api/units/{unitId}/responsibility-lists/{listId}',
      roles: ['unit_staff', 'unit_secretary'],
      reach: { kind: 'own-unit', unit: inPath },
      summary: '修改责任清单（发布后修改即为新版本） / Edit a list (after publication, the next version)',
      request: { path: ListPath, body: EditListBody },
      responses: {
        200: { description: 'The list', body: ListView },
        404: { description: 'No such list in the unit', body: Problem },
        409: { description: 'The list changed meanwhile', body: Problem },
        422: { description: 'An item id that is not the list’s', body: Problem },
      },
    }),
    publishList: httpFunction('src/handlers/publishList.ts', 'Publishes a responsibility list', {
      method: 'POST',
      path: '/api/units/{unitId}/responsibility-lists/{listId}/publish',
      roles: ['unit_secretary'],
      reach: { kind: 'own-unit', unit: inPath },
      summary: '发布责任清单 / Publish a list',
      request: { path: ListPath },
      responses: {
        200: { description: 'The published list', body: ListView },
        404: { description: 'No such list in the unit', body: Problem },
        409: { description: 'This version is already published, or the list changed meanwhile', body: Problem },
      },
    }),
    listLists: httpFunction('src/handlers/listLists.ts', "Lists a unit's responsibility lists of a year", {
      method: 'GET',
      path: '/api/units/{unitId}/responsibility-lists',
      roles: everyRole,
      reach: { kind: 'subtree', unit: inPath },
      summary: '单位年度责任清单 / A unit’s lists of a year',
      request: { path: UnitPath, query: YearQuery },
      responses: { 200: { description: 'The lists', body: ListList }, 404: { description: 'Unknown unit', body: Problem } },
    }),
    issueLetters: httpFunction('src/handlers/issueLetters.ts', "Issues a unit's letters of a year from its published lists", {
      method: 'POST',
      path: '/api/units/{unitId}/letters',
      roles: ['unit_secretary', 'admin'],
      reach: { kind: 'subtree', unit: inPath },
      summary: '生成并下达年度责任书 / Issue the year’s letters',
      request: { path: UnitPath, body: IssueLettersBody },
      responses: {
        200: { description: 'The letters issued now, and who still lacks a published list or a post holder', body: IssueResult },
        404: { description: 'Unknown unit', body: Problem },
        422: { description: 'No letter can be issued yet, naming why for each party', body: Problem },
      },
    }),
    listLetters: httpFunction('src/handlers/listLetters.ts', "Lists a unit's letters of a year", {
      method: 'GET',
      path: '/api/units/{unitId}/letters',
      roles: everyRole,
      reach: { kind: 'subtree', unit: inPath },
      summary: '单位年度责任书 / A unit’s letters of a year',
      request: { path: UnitPath, query: YearQuery },
      responses: { 200: { description: 'The letters, current versions', body: LetterList }, 404: { description: 'Unknown unit', body: Problem } },
    }),
    viewLetter: httpFunction('src/handlers/viewLetter.ts', 'Reads a letter', {
      method: 'GET',
      path: '/api/letters/{letterId}',
      roles: everyRole,
      reach: { kind: 'subtree', unit: letterInPath },
      summary: '责任书 / A letter',
      request: { path: LetterPath },
      responses: { 200: { description: 'The letter, current version', body: LetterView }, 404: { description: 'Unknown letter', body: Problem } },
    }),
    printLetter: httpFunction('src/handlers/printLetter.ts', 'A letter as a page to print', {
      method: 'GET',
      path: '/api/letters/{letterId}/print',
      roles: everyRole,
      reach: { kind: 'subtree', unit: letterInPath },
      summary: '责任书打印版 / A letter to print',
      request: { path: LetterPath },
      responses: {
        200: { description: 'The letter as HTML with print styles', body: z.string(), contentType: 'text/html' },
        404: { description: 'Unknown letter', body: Problem },
      },
    }),
    signLetter: httpFunction('src/handlers/signLetter.ts', 'Signs a letter for the party whose post the caller holds', {
      method: 'POST',
      path: '/api/letters/{letterId}/sign',
      roles: signers,
      reach: { kind: 'subtree', unit: letterInPath },
      summary: '签署责任书 / Sign a letter',
      request: { path: LetterPath, body: SignLetterBody },
      responses: {
        200: { description: 'The letter and the signature, a new link of the unit’s chain', body: SignResult },
        404: { description: 'Unknown letter', body: Problem },
        409: { description: 'The letter changed since the version read, was voided, or the signer already signed', body: Problem },
      },
    }),
    correctLetter: httpFunction('src/handlers/correctLetter.ts', 'Corrects an unsigned letter as its next version', {
      method: 'PUT',
      path: '/api/letters/{letterId}',
      roles: ['unit_secretary', 'admin'],
      reach: { kind: 'subtree', unit: letterInPath },
      summary: '更正责任书（生成新版本并作废旧版本） / Correct a letter',
      request: { path: LetterPath, body: CorrectLetterBody },
      responses: {
        200: { description: 'The voided version and the new one', body: CorrectResult },
        404: { description: 'Unknown letter', body: Problem },
        409: { description: 'The letter has been signed, or was voided', body: Problem },
        422: { description: 'Nothing to correct, or an item id that is not the letter’s', body: Problem },
      },
    }),
    verifyLetter: httpFunction('src/handlers/verifyLetter.ts', "Verifies a letter and its unit's chain", {
      method: 'GET',
      path: '/api/letters/{letterId}/verify',
      roles: everyRole,
      reach: { kind: 'subtree', unit: letterInPath },
      summary: '验证责任书及签名链 / Verify a letter',
      request: { path: LetterPath },
      responses: { 200: { description: 'Valid, or the first broken link and why', body: VerifyResult }, 404: { description: 'Unknown letter', body: Problem } },
    }),
    verifySignatures: httpFunction('src/handlers/verifySignatures.ts', "Verifies a unit's signature chain of a year", {
      method: 'GET',
      path: '/api/units/{unitId}/signatures/verify',
      roles: everyRole,
      reach: { kind: 'subtree', unit: inPath },
      summary: '验证单位年度签名链 / Verify a unit’s signatures of a year',
      request: { path: UnitPath, query: YearQuery },
      responses: { 200: { description: 'Valid, or the first broken link and why', body: VerifyResult }, 404: { description: 'Unknown unit', body: Problem } },
    }),
    coverage: httpFunction('src/handlers/coverage.ts', "Signing coverage of the caller's subtree", {
      method: 'GET',
      path: '/api/signing/coverage',
      roles: everyRole,
      reach: { kind: 'listing' },
      summary: '责任书签订进度 / Signing coverage, level by level',
      request: { query: YearQuery },
      responses: { 200: { description: 'Issued, completed and pending letters per level, and who has not signed', body: Coverage } },
    }),
    relay: {
      entry: 'src/handlers/relay.ts',
      description: 'Publishes outbox items to signing.events',
      memoryMb: 256,
      timeoutSeconds: 30,
      triggers: [{ type: 'stream', table: 'main', batchSize: 1000, kindFilter: 'outbox' }],
    },
  },
});
