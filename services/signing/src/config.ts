/**
 * Configuration of the signing service, with the source texts' defaults: unit categories and the
 * list template each uses, the templates themselves, the signature suite, and the years after which
 * a risk post's holder rotates.
 *
 * The templates follow the texts' structure and counts (Haining's "4+1": 4 subjects × 5 items, seed
 * 000; Xupu: the county secretary's 10 tasks and a branch secretary's 6, seed 002; Chengdu: 8
 * aspects for a leadership team and 4 for each member, seed 004). Where a text names an item, its
 * words are used; where it gives only a count, the item is written after the text's own terms. A
 * unit edits the lists made from them before publishing.
 */
import type { ListSubject } from '#events/signing/parts.js';
import { defaultSuite, signatureSuites, type SignatureSuite } from './domain/suites.js';

/** One item of a template; `{area}` in a team member's item is repeated for each area of their portfolio. */
export type TemplateItems = Readonly<Partial<Record<ListSubject, readonly string[]>>>;

export interface ListTemplate {
  readonly name: string;
  readonly source: string;
  readonly items: TemplateItems;
}

/** The templates, by key. */
export const listTemplates = {
  haining: {
    name: '海宁“4+1”责任清单',
    source: '000',
    items: {
      committee: [
        '加强对党风廉政建设的领导，每年专题研究部署党风廉政建设工作不少于两次',
        '选好用好干部，防止和纠正选人用人上的不正之风',
        '坚决纠正损害群众利益的行为，持之以恒纠正“四风”',
        '强化对权力运行的制约和监督，从源头上防治腐败',
        '领导和支持纪委（纪检组）查处违纪违法问题，每年听取纪检工作汇报',
      ],
      firstResponsiblePerson: [
        '履行党风廉政建设第一责任人职责，对本单位党风廉政建设负总责',
        '重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要案件亲自督办',
        '与班子成员及下属单位主要负责人开展廉情约谈',
        '每年向上级党委和纪委书面报告履行第一责任人职责情况',
        '带头廉洁自律，管好配偶、子女和身边工作人员',
      ],
      teamMember: [
        '对分管的{area}工作履行“一岗双责”，把党风廉政建设与业务工作同部署、同落实、同检查、同考核',
        '督促分管的{area}领域排查廉政风险点，健全防控措施',
        '每年与分管部门和联系单位主要负责人开展廉情约谈',
        '及时发现和纠正分管领域的苗头性、倾向性问题',
        '带头廉洁自律，每年在班子内报告履行“一岗双责”情况',
      ],
      disciplineCommission: [
        '协助党委加强党风廉政建设和组织协调反腐败工作',
        '强化监督执纪问责，对主体责任落实情况开展监督检查',
        '严肃查处违纪违法问题，对失职失责的实行“一案双查”',
        '开展警醒约谈和廉政提醒，对苗头性问题早发现早纠正',
        '每年向党委和上级纪委报告履行监督责任情况',
      ],
    },
  },
  xupuCounty: {
    name: '溆浦县委书记“10项具体任务”',
    source: '002',
    items: {
      firstResponsiblePerson: [
        '研究制定党建工作计划',
        '树立“任用干部看党建”用人导向',
        '营造“聚精会神抓党建”氛围',
        '对党员县级领导干部履行党建工作责任情况进行纪实评价',
        '对履行党建工作责任失职、渎职、不称职的提出问责',
        '每季度主持研究党建和党风廉政建设工作',
        '联系软弱涣散基层党组织并督促整顿',
        '带头讲党课、参加双重组织生活',
        '督促班子成员落实“一岗双责”',
        '每年述职述廉，接受评议',
      ],
    },
  },
  xupuBranch: {
    name: '溆浦基层党支部书记“6个方面具体任务”',
    source: '002',
    items: {
      firstResponsiblePerson: [
        '制定党支部工作计划',
        '加强支部班子建设',
        '加强党员队伍管理',
        '严肃党内组织生活',
        '加强服务型党组织建设',
        '落实党风廉政建设责任',
      ],
    },
  },
  chengdu: {
    name: '成都党政领导班子“8个方面”、班子成员“4个方面”',
    source: '004',
    items: {
      committee: [
        '把方向、管大局，落实全面从严治党政治责任',
        '加强思想政治建设和理论武装',
        '严格执行民主集中制和党内政治生活制度',
        '坚持正确选人用人导向',
        '落实中央八项规定精神，持续纠治“四风”',
        '强化权力运行制约和监督',
        '支持纪检监察机关履行监督责任',
        '完成经济社会发展目标与党风廉政建设任务“双百分”考核',
      ],
      teamMember: [
        '抓好分管{area}领域的党风廉政建设，落实“一岗双责”',
        '对分管领域的廉政风险进行排查防控',
        '对分管单位负责人开展约谈提醒',
        '带头廉洁自律，按要求述责述廉',
      ],
    },
  },
} as const satisfies Record<string, ListTemplate>;
export type TemplateKey = keyof typeof listTemplates;

/**
 * The unit categories and the template each starts its lists from; a category missing here uses
 * Haining's. Keys are the category names units are registered with.
 */
export const unitCategories: Readonly<Record<string, TemplateKey>> = {
  市委: 'haining',
  '县（市、区）委': 'haining',
  '乡镇（街道）党委': 'haining',
  县直部门党组: 'haining',
  学校党委: 'haining',
  医院党委: 'haining',
  国有企业党委: 'chengdu',
  '村（社区）党支部': 'xupuBranch',
  机关党支部: 'xupuBranch',
};

/** The template of a unit category; a subject it has no items for takes Haining's. */
export const templateFor = (category: string): ListTemplate => {
  const template: ListTemplate = listTemplates[unitCategories[category] ?? 'haining'];
  return { ...template, items: { ...listTemplates.haining.items, ...template.items } };
};

/** The items of an integrity pledge (岗位廉政承诺书), after the commitments seed 003 names. */
export const pledgeItems: readonly string[] = [
  '严格遵守党纪国法和廉洁从政各项规定，依法依规行使岗位权力',
  '不利用职务之便为本人或他人谋取私利，不收受任何可能影响公正执行公务的礼品礼金',
  '严格执行岗位权力运行流程，主动公开办事依据、程序和结果，接受监督',
  '发现本岗位廉政风险及时报告，落实防控措施',
  '自觉接受岗位轮岗交流，如有违反，愿接受组织处理',
];

/** The signing service's settings from the environment. */
export interface SigningConfig {
  /** The suite new signatures use (`SIGNATURE_SUITE`). */
  readonly suite: SignatureSuite;
  /** Years a risk post's holder serves before rotating (`ROTATION_YEARS`, default 5). */
  readonly rotationYears: number;
}

export const signingConfig = (env: NodeJS.ProcessEnv = process.env): SigningConfig => {
  const suite = env.SIGNATURE_SUITE ?? defaultSuite;
  if (!(signatureSuites as readonly string[]).includes(suite)) {
    throw new Error(`SIGNATURE_SUITE must be one of ${signatureSuites.join(', ')}, not ${JSON.stringify(suite)}`);
  }
  const rotationYears = Number(env.ROTATION_YEARS ?? 5);
  if (!Number.isInteger(rotationYears) || rotationYears < 1) throw new Error(`ROTATION_YEARS must be a positive whole number, not ${JSON.stringify(env.ROTATION_YEARS)}`);
  return { suite: suite as SignatureSuite, rotationYears };
};
