// Forms met in heldout-12 (seen after scoring) that recur in other documents: a target's statistics office beside
// its lead, yearly inspection-plan tables (检查主体 / 股室 / 计划开展时间 columns, a window of months), duty tables
// of 相关部门 and 职责分工 that end at a spanning section row; synthetic documents, new wording.
import { describe, expect, it } from 'vitest';

import { monthCell } from './deadline-cells';
import { defaultParsers } from './parsers';
import { extractOne, roles } from './forms.testing';

/** A county meeting report whose first paragraph heard a report (the subjects below follow it). */
const heardMeeting = (body: string) =>
  extractOne(`某县政府常务会议纪要\n会议听取了有关工作汇报。\n${body}\n`);
/** A standing meeting's minutes of one paragraph. */
const standingMeeting = (body: string) => extractOne(`某县政府第12次常务会议纪要\n${body}\n`);
/** A supervision report dated by its signature. */
const report = (body: string) =>
  extractOne(`关于某某问题督查情况的通报\n${body}\n某某县人民政府办公室\n2024年4月1日\n`);

describe('targets with a statistics office beside the lead', () => {
  it('reads `数据提供单位：` as a participant label, never as a party named 数据提供单位', () => {
    const doc = extractOne(
      '某市2024年政府工作报告目标任务分解方案\n一、主要预期目标\n1.地区生产总值增长6%左右。（牵头领导：张某，牵头单位：市发改委，数据提供单位：市统计局）\n2.居民人均可支配收入增长6.5%。（牵头单位：市人社局；责任单位：市农业农村局；数据提供单位：某市调查队）\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市发改委'], participants: ['市统计局'], deadline: null },
      { lead: ['市人社局'], participants: ['市农业农村局', '某市调查队'], deadline: null },
    ]);
  });
});

describe('yearly inspection-plan tables', () => {
  it('reads 检查主体 and 股室 columns as the responsible units and 计划开展时间 as the deadline', () => {
    const doc = extractOne(
      '2024年“双随机、一公开”抽查工作计划\n序号\t检查主体\t年度计划名称\t检查内容\t计划开展时间\t股室\t抽查比例\n1\t某县市场监督管理局\t对食品经营者的行政检查\t对食品经营者的行政检查\t3月—11月\t食品股\t5%\n2\t某县市场监督管理局\t对计量器具的行政检查\t对计量器具的行政检查\t1-12月\t计量股\t3%\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['某县市场监督管理局', '食品股'], participants: [], deadline: '2024-11-30' },
      { lead: ['某县市场监督管理局', '计量股'], participants: [], deadline: '2024-12-31' },
    ]);
  });

  it('ends a window of months of the document year at its last month', () => {
    expect(monthCell('1月—12月', 2023)?.deadline).toBe('2023-12-31');
    expect(monthCell('3-6月', 2023)?.deadline).toBe('2023-06-30');
    expect(monthCell('全年', 2023)).toBeNull();
  });
});

describe('duty tables of 相关部门 and 职责分工', () => {
  it('reads one measure per unit row and ends the table at a row that repeats one cell across the columns', () => {
    const doc = extractOne(
      '管理事项\t汛期安全保障\n相关部门\t职责分工\n区水务局\t河道巡查、防汛物资储备。\n区应急局\t抢险救援力量调度。\n相关依据\t相关依据\n《某市防汛条例》。\n案   例\t案 例\n汛期前，区政府牵头召开会议，区水务局对河道开展巡查。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['区水务局'], participants: [], deadline: null },
      { lead: ['区应急局'], participants: [], deadline: null },
    ]);
  });
});

describe('meeting reports: subjects after ordinals and run-on reported speech', () => {
  it('reads the party after a numbered point `一是…，二是…`', () => {
    expect(
      heardMeeting('会议要求，一是各单位要认真学习新修订的条例，掌握主要内容。').measures.map(roles),
    ).toEqual([{ lead: ['各单位'], participants: [], deadline: null }]);
  });

  it('reads `各部门及各镇（区）` as the departments and the townships, the qualifier dropped', () => {
    expect(
      heardMeeting('会议强调，各部门及各镇（区）要压实属地责任，开展全面排查。').measures.map(roles),
    ).toEqual([{ lead: ['各部门', '各镇'], participants: [], deadline: null }]);
  });

  it("takes a level government's own departments (`区政府系统各部门各单位`) as one collective", () => {
    expect(
      heardMeeting('会议指出，区政府系统各部门各单位要统筹抓好年底各项工作。').measures.map(roles),
    ).toEqual([{ lead: ['区政府系统各部门各单位'], participants: [], deadline: null }]);
  });

  it('reads the party after reported speech without a comma (`某某要求各部门要…`, `要求各相关部门要…`)', () => {
    expect(
      heardMeeting('关于贯彻落实全市工作会议精神，李某要求各部门要准确把握形势，明确工作责任。').measures.map(
        roles,
      ),
    ).toEqual([{ lead: ['各部门'], participants: [], deadline: null }]);
    expect(
      heardMeeting('会议研究了某专项规划。要求各相关部门要抓实规划内容的实施。').measures.map(roles),
    ).toEqual([{ lead: ['各相关部门'], participants: [], deadline: null }]);
  });
});

describe('county meeting reports: grassroots parties', () => {
  it('reads check stations, 村组 and 社区 as parties and `A及县X站` as two', () => {
    expect(
      heardMeeting('会议强调，各检查站、村组、社区及县客运站，要严格查验返乡人员。').measures.map(roles),
    ).toEqual([{ lead: ['各检查站', '村组', '社区', '县客运站'], participants: [], deadline: null }]);
  });

  it('splits `各乡镇和县公安局` into the townships and the bureau, never a place `各乡镇和县`', () => {
    expect(heardMeeting('会议要求，各乡镇和县公安局要加强夜间巡查。').measures.map(roles)).toEqual([
      { lead: ['各乡镇', '县公安局'], participants: [], deadline: null },
    ]);
  });
});

describe('a unit head is no duty verb', () => {
  it('reads `X负责人` as a person of X, never X负责', () => {
    const doc = extractOne(
      '区政府召开常务会议\n会议要求，区应急局要抓好安全生产。\n列席会议的有：区政府各相关单位负责人，各街道办事处负责人。\n',
    );
    expect(doc.measures.map(roles)).toEqual([{ lead: ['区应急局'], participants: [], deadline: null }]);
  });
});

describe('collectives of notices and meeting reports', () => {
  const notice = (body: string) => extractOne(`关于做好某项工作的通知\n各乡镇，县直各部门：\n${body}\n`);

  it('splits `各级各部门各乡镇` into the departments and the townships', () => {
    expect(notice('一、提高认识。各级各部门各乡镇要把这项工作摆上重要议程。').measures.map(roles)).toEqual([
      { lead: ['各级各部门', '各乡镇'], participants: [], deadline: null },
    ]);
  });

  it('keeps `各牵头单位和责任单位` one collective', () => {
    expect(
      notice('一、按时报送。请各牵头单位和责任单位于2024年3月9日前报送落实措施。').measures.map(roles),
    ).toEqual([{ lead: ['各牵头单位和责任单位'], participants: [], deadline: '2024-03-09' }]);
  });

  it('reads the unit of its head (`各部门一把手要…`) and drops the leaders listed before the units', () => {
    expect(
      notice('一、加强领导。各科室要抓好落实。各部门一把手要亲自抓、负总责。').measures.map((m) => m.lead),
    ).toEqual([['各科室', '各部门']]);
    expect(notice('一、压实责任。要求各级领导、各部门、各街乡要坚持问题导向。').measures.map(roles)).toEqual([
      { lead: ['各部门', '各街乡'], participants: [], deadline: null },
    ]);
  });

  it('reads 实施单位 as a role collective and two sides opening on 密切配合 as supporting', () => {
    expect(
      notice(
        '一、强化保障。各相关单位要建立工作台账。实施单位要主动担当作为。相关部门和辖区政府要密切配合，主动服务。',
      ).measures.map(roles),
    ).toEqual([{ lead: ['各相关单位', '实施单位'], participants: ['相关部门', '辖区政府'], deadline: null }]);
  });
});

describe('later subjects of one sentence', () => {
  it("reads a sector's department opening a later clause on its own 对…进行", () => {
    const doc = extractOne(
      '关于做好中考工作的通告\n一、强化卫生监督。中考期间，卫健部门要做好卫生防疫工作，市场监管部门对考点周边餐饮摊点进行执法检查。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['卫健部门', '市场监管部门'], participants: [], deadline: null },
    ]);
  });
});

describe('table rows that lost a merged cell', () => {
  it('aligns a row whose party cell ends on a qualifier (`各乡镇(街道)`, `市安委办 (工作专班办公室)`)', () => {
    const doc = extractOne(
      '2024年某区重点工作责任分解\n分类\t序号\t事项\t责任单位\t牵头单位\n发展目标\t1\t地区生产总值增长6%。\t区发改局、区经商局\t区发改局\n2\t完成能源指标计划目标。\t区经商局、区供电公司、各乡镇(街道)\t区经商局\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['区发改局'], participants: ['区经商局'], deadline: null },
      { lead: ['区经商局'], participants: ['区供电公司', '各乡镇'], deadline: null },
    ]);
  });
});

describe('quarterly progress tables', () => {
  it('reads `一季度目标` and `进展情况、存在问题及下一步打算` as report columns, the task and unit as the measure', () => {
    const doc = extractOne(
      '2024年度民生实事一季度进展情况\n序号\t工作任务\t责任单位\t一季度目标\t进展情况、存在问题及下一步打算\t目标完成情况\n1\t新建公办幼儿园2所\t区教体局\t完成主体施工\t进展情况：主体完工80%。\t顺利推进\n',
    );
    expect(doc.measures.map(roles)).toEqual([{ lead: ['区教体局'], participants: [], deadline: null }]);
  });

  it('reads `各村(社区)居委会` as a grassroots party', () => {
    const doc = extractOne('某县疫情防控指挥部公告\n各村(社区)居委会要加强排查，确保逐级落实到位。\n');
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各村（社区）居委会'], participants: [], deadline: null },
    ]);
  });
});

describe('meeting reports stored one paragraph per line', () => {
  it('starts a new paragraph at `会议要求，…` after a line that stops without punctuation', () => {
    const doc = extractOne(
      '某市政府常务会议\n7月7日下午，市长某某在市党政综合办公大楼八楼第二会议室主持召开十五届市政府第114次常务会议。学习《某某自由贸易港法》等事项\n会议要求，一是各部门要认真学法懂法，了解法律的主要内容。\n',
    );
    expect(doc.measures.map((m) => [m.line, m.lead])).toEqual([[3, ['各部门']]]);
  });
});

describe('orders in supervision reports', () => {
  it('reads the party after 责成 and a 会同 partner before 立即/尽快', () => {
    expect(report('会议责成县交通局牵头，于6月底前完成整改。').measures.map(roles)).toEqual([
      { lead: ['县交通局'], participants: [], deadline: '2024-06-30' },
    ]);
    expect(report('责成县住建局会同县城管局立即开展专项整治。').measures.map(roles)).toEqual([
      { lead: ['县住建局'], participants: ['县城管局'], deadline: null },
    ]);
  });
});

describe('the units joining a lead in the next clause', () => {
  it('reads `A牵头，B、C配合` in a notice and `由A负责，B配合` in prose', () => {
    expect(report('县卫健局牵头，县财政局、县医保局等部门参与，6月底前完成。').measures.map(roles)).toEqual([
      { lead: ['县卫健局'], participants: ['县财政局', '县医保局'], deadline: '2024-06-30' },
    ]);
    expect(report('由县发改局负责，县直有关部门配合。').measures.map(roles)).toEqual([
      { lead: ['县发改局'], participants: ['县直有关部门'], deadline: null },
    ]);
  });

  it('leaves a leader designated by 由 to the subject reading (`由某副市长负责，A牵头，B配合`)', () => {
    expect(
      report('由某某副市长负责，县建设局牵头，县发改委配合，尽快完成前期工作。').measures.map(roles),
    ).toEqual([{ lead: ['县建设局'], participants: ['县发改委'], deadline: null }]);
  });
});

describe('rectification lists (整改清单, 整改方案)', () => {
  it('reads a table of 存在问题 / 整改措施 / 责任单位 / 整改时限 columns', () => {
    const doc = extractOne(
      '某县巡察反馈问题整改任务清单\n序号\t存在问题\t整改措施\t责任领导\t责任单位\t整改时限\n1\t项目推进缓慢\t建立项目台账，倒排工期\t张某\t县发改局\t2024年6月底前\n2\t资金拨付不及时\t加快资金拨付进度\t李某\t县财政局、各乡镇\t立行立改、长期坚持\n',
    );
    expect(doc.measures.map((m) => [m.lead, m.deadline, m.deadlineKind])).toEqual([
      [['县发改局'], '2024-06-30', 'date'],
      [['县财政局', '各乡镇'], null, 'ongoing'],
    ]);
  });

  it('reads `整改时限：` as the deadline of a field block', () => {
    const doc = extractOne(
      '某县审计发现问题整改方案\n一、问题：部分项目资金闲置。\n整改措施：全面清理闲置资金。\n整改责任单位：县财政局\n整改时限：2024年9月30日前\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县财政局'], participants: [], deadline: '2024-09-30' },
    ]);
  });
});

describe('supervision tables (督办事项)', () => {
  it('reads 督办事项 / 承办单位 / 办理时限 columns, a 包保领导 column naming no party', () => {
    const doc = extractOne(
      '某县政府督办事项清单\n序号\t督办事项\t包保领导\t承办单位\t办理时限\t整改情况\n1\t解决某小区供暖问题\t王某\t县住建局\t2024年11月15日前\t已完成\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县住建局'], participants: [], deadline: '2024-11-15' },
    ]);
  });
});

describe('meeting decisions', () => {
  it('reads the parties ordered after 责成 whatever verb follows', () => {
    expect(
      standingMeeting('会议研究了城区停车难问题，责成县公安局、县住建局尽快拿出解决方案。').measures.map(
        roles,
      ),
    ).toEqual([{ lead: ['县公安局', '县住建局'], participants: [], deadline: null }]);
  });

  it('reads a later subject before 做好 / 抓好', () => {
    expect(
      standingMeeting('会议要求，县水利局负责河道管理，县财政局做好资金保障。').measures.map(roles),
    ).toEqual([{ lead: ['县水利局', '县财政局'], participants: [], deadline: null }]);
  });

  it('reads `会议审议并原则通过了《…》，由A按程序印发实施` as A', () => {
    expect(
      standingMeeting(
        '会议审议并原则通过了《某县乡村振兴实施方案》，由县农业农村局按程序印发实施。',
      ).measures.map(roles),
    ).toEqual([{ lead: ['县农业农村局'], participants: [], deadline: null }]);
  });
});

describe('numbered items below the last annotated one', () => {
  it('reads their duties in sentences, as between annotated items', () => {
    const doc = extractOne(
      '某市某某工作方案\n（一）摸底调查。各县（市、区）完成摸底调查。（市住建局负责）\n（二）资金保障。市财政局负责统筹资金。\n（三）强化要素保障。各县（市、区）要将养老服务设施纳入规划。\n',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['市住建局'], ['市财政局'], ['各县（市、区）']]);
  });
});

describe('yearless month ends run on into their completion', () => {
  it('dates `11月底完成` / `确保10月底全面建成` in the document year, never `11月底召开`', () => {
    const year = { documentYear: 2024 };
    expect(defaultParsers.findDeadline('确保11月底全面完成改造任务', year)?.deadline).toBe('2024-11-30');
    expect(defaultParsers.findDeadline('力争10月底建成投用', year)?.deadline).toBe('2024-10-31');
    expect(defaultParsers.findDeadline('11月底召开推进会', year)).toBeNull();
  });
});

describe('meeting requests naming a unit by its head or asking it to follow procedure', () => {
  it('reads `各乡镇党委书记要…` as the townships and `请A按程序报…` as A', () => {
    expect(standingMeeting('会议要求，各乡镇党委书记要切实履行第一责任人职责。').measures.map(roles)).toEqual(
      [{ lead: ['各乡镇'], participants: [], deadline: null }],
    );
    expect(
      standingMeeting('会议同意县教体局关于学校布局调整的意见，请县教体局按程序报县委审定。').measures.map(
        roles,
      ),
    ).toEqual([{ lead: ['县教体局'], participants: [], deadline: null }]);
  });
});

describe('names that hold a verb or a 和', () => {
  it('keeps 县委组织部 whole after 由 (组织 of 组织部 is no verb) and splits `县住建局和县城管局`', () => {
    expect(standingMeeting('由县委组织部、县人社局按程序办理。').measures.map(roles)).toEqual([
      { lead: ['县委组织部', '县人社局'], participants: [], deadline: null },
    ]);
    expect(standingMeeting('责成县住建局和县城管局对占道经营开展整治。').measures.map(roles)).toEqual([
      { lead: ['县住建局', '县城管局'], participants: [], deadline: null },
    ]);
  });
});

describe('development zones', () => {
  it('reads a zone named before the committee word it shares (`成都高新区、天府新区管委会`) as a party', () => {
    const doc = extractOne('关于做好某项工作的通知\n某高新区、某新区管委会要抓好落实。\n');
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['某高新区', '某新区管委会'], participants: [], deadline: null },
    ]);
  });
});
