// National prose forms read from the heldout-4 / heldout-7 mismatch lists (forms4): partners of 会同 closed by an
// adverb, subjects named by a relative clause set off by a comma, bracket qualifiers before 和; synthetic documents in
// the style of the State Council's 通知 and 预案.
import { describe, expect, it } from 'vitest';

import { extractOne } from './forms.testing';

const TITLE = '国务院办公厅关于印发某某应急预案的通知\n国办函〔2005〕1号\n';

const parties = (m: { lead: string[]; participants: string[] }) => ({
  lead: m.lead,
  participants: m.participants,
});

describe('会同 partners closed by an adverb', () => {
  it('reads `由A会同B及时清算` with B taking part', () => {
    const doc = extractOne(
      `${TITLE}6.2 对动用的储备占用的贷款，由中国农业发展银行会同中国储备粮管理总公司及时清算、收回贷款。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([
      { lead: ['中国农业发展银行'], participants: ['中国储备粮管理总公司'] },
    ]);
  });

  it('reads `A要会同B适时组织…` and `A会同B积极推进…` the same way', () => {
    const doc = extractOne(
      `${TITLE}（一）加强协调。财政部要会同农业部适时组织检查。\n（二）推进前期工作。发展改革委将会同水利部积极推进项目前期工作。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([
      { lead: ['财政部'], participants: ['农业部'] },
      { lead: ['发展改革委'], participants: ['水利部'] },
    ]);
  });
});

describe('four opening clauses before the party', () => {
  it('reads `…，涉及多方面，并且任务重，时间紧，各有关省（市）人民政府应…`', () => {
    const doc = extractOne(
      `${TITLE}（四）扩大内地西藏初中班招生规模，涉及多方面，并且任务重，时间紧，各有关省（市）人民政府应高度重视，给予优先考虑。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([{ lead: ['各有关省（市）人民政府'], participants: [] }]);
  });
});

describe('subjects named by a relative clause set off by a comma', () => {
  it('drops the clause before a named party (`承办…的有关省（市）人民政府，要…`)', () => {
    const doc = extractOne(
      `${TITLE}三、承办内地西藏中学和西藏班的有关省（市）人民政府，要根据实际加强领导，长期坚持。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([{ lead: ['有关省（市）人民政府'], participants: [] }]);
  });

  it('drops the clause before a list, and the （单位） qualifier before 和', () => {
    const doc = extractOne(
      `${TITLE}5.4 参与应急工作的国务院有关部门（单位）和省级人民政府有关部门，要向办公室提供联系方式。\n5.5 国务院有关部门（单位）和省级人民政府有关部门要加强对本预案的管理。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([
      { lead: ['国务院有关部门', '省级人民政府有关部门'], participants: [] },
      { lead: ['国务院有关部门', '省级人民政府有关部门'], participants: [] },
    ]);
  });

  it('keeps the clause when it is the only delimiter of a class of places (`位于…的大中城市，应…`)', () => {
    const doc = extractOne(`${TITLE}（二）位于地震重点监视防御区的大中城市，应抓紧做好震害预测工作。\n`);
    expect(doc.measures.map(parties)).toEqual([
      { lead: ['位于地震重点监视防御区的大中城市'], participants: [] },
    ]);
  });

  it('reads no party from a bare class word left by the clause (`已明确具体指标的部门和单位，要…`)', () => {
    const doc = extractOne(`${TITLE}（四）已明确具体指标的部门和单位，要严格按指标抓好落实。\n`);
    expect(doc.measures.map(parties)).toEqual([]);
  });

  it('reads no party from a clause opening on a preposition (`对进展缓慢的有关部门，要…`)', () => {
    const doc = extractOne(`${TITLE}（三）对进展缓慢的有关部门，要进行通报。\n`);
    expect(doc.measures.map(parties)).toEqual([]);
  });
});

describe('markers after the party', () => {
  it('reads `A在…时将…` (a when-clause between the party and its marker, no comma)', () => {
    const doc = extractOne(
      `${TITLE}2.关于延长补助年限问题。关于补助期满后的有关问题，国务院有关部门在研究完善相关政策时将统筹考虑。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([{ lead: ['国务院有关部门'], participants: [] }]);
  });

  it('reads a body hearing reports regularly (`A定期听取…汇报`)', () => {
    const doc = extractOne(
      `${TITLE}（十七）完善督导评估办法。国务院教育督导委员会定期听取职业教育督导评估情况汇报。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([{ lead: ['国务院教育督导委员会'], participants: [] }]);
  });

  it('reads the public institutions of the pilot areas (`试点地区公立医疗机构应优先使用…`)', () => {
    const doc = extractOne(
      `${TITLE}（二）招采合一，保证使用。确定的集中采购品种，试点地区公立医疗机构应优先使用。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([{ lead: ['试点地区公立医疗机构'], participants: [] }]);
  });

  it('reads the schools of a kind given a duty (`高等职业学校要…`)', () => {
    const doc = extractOne(
      `${TITLE}（三）高等职业学校要培养高素质技术技能人才，加强社区教育和终身学习服务。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([{ lead: ['高等职业学校'], participants: [] }]);
  });
});

describe('designations', () => {
  it('reads no designation from a relative clause (`由高等学校承担的科技计划项目，…允许…`)', () => {
    const doc = extractOne(
      `${TITLE}（十一）促进科技成果转化。由高等学校承担的科技计划项目，企业参与联合投入的，允许双方共享创新成果所有权。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([]);
  });
});

describe('designations by 由 with a request', () => {
  it('reads `由A提请B进行调控` and `由A报同级人民政府批准后，启动…` as A acting', () => {
    const doc = extractOne(
      `${TITLE}2.2 如果没有达到预期的调控效果，由省级粮食应急工作指挥部提请国家粮食应急工作指挥部进行调控。\n4.3.1 出现省级应急状态时，由省级粮食应急工作指挥部报同级人民政府批准后，启动本省粮食应急预案。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([
      { lead: ['省级粮食应急工作指挥部'], participants: [] },
      { lead: ['省级粮食应急工作指挥部'], participants: [] },
    ]);
  });
});

describe('deadlines of past narrative', () => {
  it('reads no deadline from a window the text reports as done (`2002年到2005年，A连续四年组织…进行了…`)', () => {
    const doc = extractOne(
      `${TITLE}三、加强绩效评估工作。2002年到2005年，国务院信息办连续四年组织对各级政府门户网站进行了绩效评估。国办将会同有关部门继续探索政府网站绩效评估问题。\n`,
    );
    expect(doc.measures.map((m) => ({ lead: m.lead, deadline: m.deadline }))).toEqual([
      { lead: ['国办'], deadline: null },
    ]);
  });
});

describe('a bracketed case designation inside a sentence', () => {
  it('reads `A、B在职责范围内，分别负责…（X内由B负责）` as A and B, the bracket no annotation', () => {
    const doc = extractOne(
      `${TITLE}（三）推进高等职业教育发展。高等职业学校要培养高素质技术技能人才。\n（六）启动证书制度试点工作。国务院人力资源社会保障行政部门、教育行政部门在职责范围内，分别负责管理监督考核院校外、院校内职业技能等级证书的实施（技工院校内由人力资源社会保障行政部门负责）。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([
      { lead: ['高等职业学校'], participants: [] },
      { lead: ['国务院人力资源社会保障行政部门', '教育行政部门'], participants: [] },
    ]);
  });
});

describe('every 由 of a sentence', () => {
  it('reads `由A提出申请，由B及C会同D提出动用方案` as A, B and C acting, D taking part', () => {
    const doc = extractOne(
      `${TITLE}4.3.2 如确需动用中央储备粮的，由省级人民政府提出申请，由国家发展改革委及国家粮食局会同财政部提出动用方案，报国务院批准。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([
      { lead: ['省级人民政府', '国家发展改革委', '国家粮食局'], participants: ['财政部'] },
    ]);
  });

  it('reads no later 由 run on without a comma (`由A负责由B承办的项目`)', () => {
    const doc = extractOne(`${TITLE}（五）项目验收由水利部负责组织由地方承办的项目。\n`);
    expect(doc.measures.map(parties)).toEqual([{ lead: ['水利部'], participants: [] }]);
  });
});

describe('words holding 要', () => {
  it('reads no duty from `A对…的必要性已达成一致意见` (要 of 必要), the promise after it still', () => {
    const doc = extractOne(
      `国务院办公厅对某省提案的答复\n六、关于机场建设问题。国家有关部门对建设机场的必要性已达成一致意见。发展改革委将继续加强协调，积极推进该项目前期工作。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([{ lead: ['发展改革委'], participants: [] }]);
  });
});

describe('a year bounding a rhythm', () => {
  it('reads `2008年以前，A原则上每半年召开一次例会` as half-yearly, the year no deadline', () => {
    const doc = extractOne(
      `国务院关于同意组建某协调委员会的批复\n三、工作规则\n2008年以前，协调委原则上每半年召开一次例会，因工作需要也可临时召开。\n`,
    );
    expect(
      doc.measures.map((m) => ({ deadline: m.deadline, kind: m.deadlineKind, period: m.period })),
    ).toEqual([{ deadline: null, kind: 'recurring', period: 'half-year' }]);
  });
});

describe('units staffing an office', () => {
  it('reads the units sending the deputies and the staff (`副主任分别由A、B和C的…负责同志担任`, `从D…干部中抽调`) as taking part', () => {
    const doc = extractOne(
      `国务院关于同意组建某协调委员会的批复\n四、办事机构\n协调委办公室设在民航总局，承担协调委的日常工作。办公室主任由民航总局副局长王某担任，副主任分别由民航华北管理局、北京奥组委和北京市的司局级有关负责同志担任，办公室工作人员从成员单位司局级干部中抽调。办公室负责督促落实协调委议定事项。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([
      {
        lead: ['协调委办公室'],
        participants: ['民航总局', '民航华北管理局', '北京奥组委', '北京市', '成员单位'],
      },
    ]);
  });

  it('reads the member units behind their bureaus once (`办公室成员由领导小组成员单位有关司局负责同志担任`)', () => {
    const doc = extractOne(
      `国务院办公厅关于成立某工作领导小组的通知\n（一）领导小组办公室设在民政部，承担领导小组日常工作。办公室成员由领导小组成员单位有关司局负责同志担任。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([
      { lead: ['领导小组办公室'], participants: ['民政部', '领导小组成员单位'] },
    ]);
  });
});

describe('由A通过B组织实施', () => {
  it('reads the body carrying the work out through a network as acting, beside a later subject', () => {
    const doc = extractOne(
      `${TITLE}5.2 进入应急状态后，有关粮源的加工和供应，主要由省级人民政府及其有关部门通过地方粮食应急网络组织实施。省级人民政府应根据当地实际情况，抓紧建立健全粮食应急保障系统。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([
      { lead: ['省级人民政府及其有关部门', '省级人民政府'], participants: [] },
    ]);
  });

  it('reads no body from a text passed by a meeting (`由全体会议通过`)', () => {
    const doc = extractOne(`${TITLE}（八）本章程由全体会议通过。\n`);
    expect(doc.measures.map(parties)).toEqual([]);
  });
});

describe('reply letters', () => {
  it('gives a promise about the matter itself (`…办理意见：该问题将…统筹考虑`) to the body that drafted the opinion', () => {
    const doc = extractOne(
      `国务院办公厅对某省人大代表建议的答复\n三、关于水稻良种补贴问题。财政部会同农业部等有关部门研究提出了办理意见：该问题将根据今年水稻的增产情况统筹考虑。如果供给比较充足，则可不增加补贴省份。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([{ lead: ['财政部'], participants: ['农业部', '有关部门'] }]);
  });
});

describe('会同 of a relative clause', () => {
  it('reads no duty from `A会同B上报的《…》已经国务院批准，…问题将一并得到解决`', () => {
    const doc = extractOne(
      `国务院办公厅对某省人大代表建议的答复\n1.关于退耕还林历史遗留问题。发展改革委会同西部开发办上报的《关于妥善解决退耕还林超计划问题的请示》已经国务院批准，包括你省在内的超计划问题将一并得到解决。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([]);
  });
});

describe('the duties of a body set up by the text', () => {
  it('gives the paragraph under `一、主要职能` to the body the text sets up (`组建X（以下简称Y）`), by its short name', () => {
    const doc = extractOne(
      `国务院关于同意组建某机场协调委员会的批复\n协调委员会组建方案\n为做好奥运会期间首都国际机场的组织协调工作，组建2008年北京奥运会首都国际机场协调委员会（以下简称协调委）。\n一、主要职能\n在北京奥运会组委会领导下，研究拟订首都国际机场各项保障措施；制订有关工作计划和安排；协调机场运行方面的重大事项。\n二、组成人员\n主任：王某 民航总局局长\n`,
    );
    expect(doc.measures.map(parties)).toEqual([{ lead: ['协调委'], participants: [] }]);
  });
});

describe('a subject joined to the body just named', () => {
  it('reads `A与该部也正在研究…，争取…` as A beside the department named before (listed once)', () => {
    const doc = extractOne(
      `国务院办公厅对某省人大代表建议的答复\n3.关于森林生态效益补偿问题。目前，财政部正在抓紧修改完善《森林生态效益补偿基金管理办法》，林业局与该部也正在研究天保工程的后续政策，争取在工程结束后将重点公益林纳入补偿范围。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([{ lead: ['财政部', '林业局'], participants: [] }]);
  });
});

describe('a subject carried from a past clause into a commitment', () => {
  it('reads `A今年已将…，目前正会同你省加快…` as A committing itself', () => {
    const doc = extractOne(
      `国务院办公厅对某省人大代表建议的答复\n2.关于生态移民问题。发展改革委今年已将你省纳入国家易地扶贫搬迁的试点范围，目前正会同你省加快项目的前期工作，重点解决避灾搬迁问题。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([{ lead: ['发展改革委'], participants: [] }]);
  });

  it('reads no commitment from past work alone (`A今年已将你省纳入…试点范围。`)', () => {
    const doc = extractOne(
      `国务院办公厅对某省人大代表建议的答复\n2.关于生态移民问题。发展改革委今年已将你省纳入国家易地扶贫搬迁的试点范围。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([]);
  });
});

describe('the rest of the document year', () => {
  it('reads `今年适当时候` and `在剩下的半年时间里` as the end of the document year (LABELLING §5)', () => {
    const doc = extractOne(
      `${TITLE}（三）各有关部门要加强管理。今年适当时候，由水利部组织有关部门进行一次检查。\n（四）请各乡镇、县直有关单位在剩下的半年时间里，紧盯目标任务，加快工作进度。\n`,
    );
    expect(doc.measures.map((m) => m.deadline)).toEqual(['2005-12-31', '2005-12-31']);
  });
});

describe('bodies consulted', () => {
  it('reads `，商有关部门合理安排运输` as the consulted departments taking part (LABELLING §3)', () => {
    const doc = extractOne(
      `${TITLE}（2）中国储备粮管理总公司负责中央储备粮动用计划的执行，及时拟定上报重点运输计划，商有关部门合理安排运输，确保按时调拨到位。\n`,
    );
    expect(doc.measures.map(parties)).toEqual([
      { lead: ['中国储备粮管理总公司'], participants: ['有关部门'] },
    ]);
  });
});
