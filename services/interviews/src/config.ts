/**
 * The interviews service's configuration, with the source texts' defaults.
 *
 * Baoji's rules for joint talks (《市委全面从严治党联合谈话实施办法》, seed 001) list 8 situations; the
 * text quotes two of them. Those two are kept word for word (`fromText`); the other six are this
 * project's defaults, drawn from the practices the texts describe (red lights, hearings, patrols,
 * complaints, cases), for a city to replace with its own list through `JOINT_TALK_SITUATIONS`
 * (a JSON array of `{code, text}`).
 */
import { z } from 'zod';

export interface JointSituation {
  readonly code: string;
  readonly text: string;
  /** Quoted from the source text rather than a default of this project. */
  readonly fromText: boolean;
}

const defaultSituations: readonly JointSituation[] = [
  { code: 'decisionsNotFirm', text: '贯彻落实党中央重大决策部署不坚决', fromText: true },
  { code: 'minorViolations', text: '班子成员或其分管领域有轻微违纪违法问题', fromText: true },
  { code: 'keyTaskRed', text: '重点任务连续亮红灯、推进明显滞后', fromText: false },
  { code: 'hearingWeak', text: '述责述廉评议靠后或点评指出的问题整改不力', fromText: false },
  { code: 'rectificationOverdue', text: '巡察、审计、监督检查发现问题逾期未整改', fromText: false },
  { code: 'complaintsConcentrated', text: '群众反映强烈的问题长期得不到解决', fromText: false },
  { code: 'casesFrequent', text: '一定时期内违纪违法案件多发', fromText: false },
  { code: 'opinionIncident', text: '发生造成不良影响的舆情事件', fromText: false },
];

const Situations = z.array(z.object({ code: z.string().min(1).max(40), text: z.string().min(1).max(200) })).min(1);

/** The situations that call for a joint talk: the configured list, or the defaults. */
export const jointSituations = (): readonly JointSituation[] => {
  const configured = process.env.JOINT_TALK_SITUATIONS;
  if (!configured) return defaultSituations;
  return Situations.parse(JSON.parse(configured)).map((s) => ({ ...s, fromText: defaultSituations.some((d) => d.fromText && d.text === s.text) }));
};

