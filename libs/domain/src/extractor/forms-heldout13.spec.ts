// Forms met in heldout-13 (seen after scoring) that recur in other documents: a zone's name with a dash in a field
// line, per-unit problem blocks closed by `问题整改责任单位：… 整改时限：…` on one line, county problem lists with a
// remedy paragraph under each problem, the leaders written before the units, sectors written short supporting a lead;
// synthetic documents, new wording.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

/** A district standing meeting's report of one or more paragraphs. */
const meeting = (body: string) => extractOne(`某区政府召开第十二次常务会议\n${body}\n`);

describe('labelled fields', () => {
  it('keeps a zone whose name joins two places with a dash (磨憨—磨丁合作区管委会) in a 责任单位 line', () => {
    const doc = extractOne(
      '某市2024年10件惠民实事\n一、 新建城市书房20个。\n牵头单位:市文化和旅游局\n责任单位:各县(市)区人民政府、某某—某某合作区管委会\n完成时限:2024年11月30日前\n二、 改造老旧小区100个。\n牵头单位:市住房城乡建设局\n责任单位:各县(市)区人民政府\n完成时限:2024年12月31日前\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      {
        lead: ['市文化和旅游局'],
        participants: ['各县（市）区人民政府', '某某—某某合作区管委会'],
        deadline: '2024-11-30',
      },
      { lead: ['市住房城乡建设局'], participants: ['各县（市）区人民政府'], deadline: '2024-12-31' },
    ]);
  });

  it('reads one block per inspected unit when its party and time fields share the closing line', () => {
    const doc = extractOne(
      '创文督查问题清单\n具体问题如下:\n1. 市图书馆\n(1)阅览室消防通道堵塞;\n(2)公益广告破损。\n问题整改责任单位:市图书馆 整改时限:3天\n2. 市中心医院\n(1)院内禁烟标识不足;\n(2)志愿服务台账缺失;\n(3)卫生间有小广告。\n问题整改责任单位:市卫生健康委员会 整改时限:5天\n',
    );
    expect(doc.measures.map((m) => ({ ...roles(m), line: m.line, items: m.checklist?.length }))).toEqual([
      { lead: ['市图书馆'], participants: [], deadline: null, line: 3, items: 2 },
      { lead: ['市卫生健康委员会'], participants: [], deadline: null, line: 7, items: 3 },
    ]);
  });
});

describe('county problem lists with a remedy paragraph under each problem', () => {
  const list = (remedies: string[]) =>
    extractOne(
      `某县城区环境卫生巡查问题\n${remedies
        .map((r, i) => `${i + 1}、某某路段有垃圾死角,杂物乱堆。\n整改要求:${r}`)
        .join('\n')}\n`,
    );

  it('opens the remedy with its problem and reads the unit after its area role (包片单位县供销社)', () => {
    const doc = list([
      '由包片单位县供销社负责督促业主清理垃圾死角。',
      '由城关镇负责组织拆除外露旱厕。',
      '由县环卫站负责清除建筑垃圾。',
    ]);
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县供销社'], participants: [], deadline: null },
      { lead: ['城关镇'], participants: [], deadline: null },
      { lead: ['县环卫站'], participants: [], deadline: null },
    ]);
    for (const m of doc.measures) expect(m.text).toMatch(/^\d、某某路段有垃圾死角/u);
  });

  it('does not open a paragraph that is no remedy with the problem above it', () => {
    const doc = extractOne(
      '某县工作通报\n1、部分路段保洁不及时,垃圾清运滞后。\n县城管局要加大清扫保洁力度。\n',
    );
    expect(doc.measures.map((m) => m.text)).toEqual(['县城管局要加大清扫保洁力度。']);
  });
});

describe('meeting reports', () => {
  it('drops the government leaders written before the units (区政府班子成员、各单位要…)', () => {
    const doc = meeting('会议指出,区政府班子成员、各单位要深入学习领会会议精神。');
    expect(doc.measures.map(roles)).toEqual([{ lead: ['各单位'], participants: [], deadline: null }]);
  });

  it('reads the streets after 等部门 as a party of their own (A、B等部门及相关街道要…)', () => {
    const doc = meeting('会议要求,区财政局、住建局等部门及相关街道要按照办法规定,做好维修基金的管理工作。');
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['区财政局', '住建局', '相关街道'], participants: [], deadline: null },
    ]);
  });

  it('reads sectors written short, closed by 等行业主管部门, as the lead’s partners', () => {
    const prose = meeting(
      '会议要求,区市场监督管理局牵头,卫健、教体、民政、应急等行业主管部门密切配合,全面开展风险隐患排查整治。',
    );
    const annotated = extractOne(
      '某区2024年重点工作\n一、开展风险隐患排查。（区市场监管局负责）\n二、会议要求,区应急管理局牵头,住建、交通、水务等行业主管部门密切配合,全面开展汛前检查。\n',
    );
    expect(prose.measures.map(roles)).toEqual([
      { lead: ['区市场监督管理局'], participants: ['卫健', '教体', '民政', '应急'], deadline: null },
    ]);
    expect(annotated.measures.map(roles)[1]).toEqual({
      lead: ['区应急管理局'],
      participants: ['住建', '交通', '水务'],
      deadline: null,
    });
  });
});

describe('annotations and subjects of notices and reports', () => {
  it('keeps the local governments counted in a labelled list (10县市人民政府)', () => {
    const doc = extractOne(
      '某州民生工程实施方案\n（1）增加城镇居民收入\n①以就业促增收。(牵头部门:州人社局;责任单位:州就业工作领导小组各成员单位,10县市人民政府)\n②以创业促增收。(牵头部门:州人社局;责任单位:州财政局)\n',
    );
    expect(doc.measures.map(roles)[0]).toEqual({
      lead: ['州人社局'],
      participants: ['州就业工作领导小组各成员单位', '10县市人民政府'],
      deadline: null,
    });
  });

  it('reads a 责任单位 label typed with a semicolon for its colon', () => {
    const doc = extractOne(
      '某市督查通知\n一、重点督办事项\n1.推进垃圾收储运一体化。(责任单位:城管局、各乡镇)\n2.实施改厨、改厕工程。(责任单位;住建局、畜牧局)\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['城管局', '各乡镇'], participants: [], deadline: null },
      { lead: ['住建局', '畜牧局'], participants: [], deadline: null },
    ]);
  });

  it('keeps 依法治县办 whole: 依法 inside a committee office’s name is no duty marker', () => {
    const doc = meeting('会议要求,县委依法治县办要加强统筹协调,严格审核把关。');
    expect(doc.measures.map(roles)).toEqual([{ lead: ['县委依法治县办'], participants: [], deadline: null }]);
  });

  it('reads no party from a page’s metadata line or a byline before a colon', () => {
    const doc = extractOne(
      '某区政府召开常务会议\n发文机构:某区人民政府办公室\n通讯员张某 记者李某报道:9月1日,区长专题调度整改工作。\n会议要求,各街道要抓好整改落实。\n',
    );
    expect(doc.measures.map(roles)).toEqual([{ lead: ['各街道'], participants: [], deadline: null }]);
  });

  it('drops the leaders before the units also after 以及 and as 相关区级领导', () => {
    const doc = meeting(
      '会议指出,区分管领导以及各部门、各单位主要领导要加强关心推动。\n会议要求,相关区级领导和各有关部门单位要抓短板攻坚。',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['各部门', '各单位'], ['各有关部门单位']]);
  });

  it('reads 上述责任单位 after an annotated list, and subjects after 表示， and a run-on 下一步', () => {
    const list = extractOne(
      '检查问题交办\n1.某小区内无防鼠设施。责任单位:某区人民办。\n2.某花园垃圾清理不及时。责任单位:某区建设办。\n今年是复审年,上述责任单位要高度重视整治工作,对存在的问题务必按时整改完毕。\n',
    );
    const report = extractOne(
      '某市督办曝光问题\n某市治庸问责办常务副主任、市纪委副书记、市监察局局长张某表示,各责任单位要对相关问题进行深入调查。\n目前,部分单位已开始整改。下一步各承办单位要按照时间节点报送整改情况。\n',
    );
    expect(list.measures.map((m) => m.lead)).toEqual([['某区人民办'], ['某区建设办'], ['上述责任单位']]);
    expect(report.measures.map((m) => m.lead)).toEqual([['各责任单位'], ['各承办单位']]);
  });
});

describe('plans, designations and members', () => {
  it('reads a plan whose only brackets are its stages’ months as prose, not as measures naming nobody', () => {
    const doc = extractOne(
      '某市创建园林城市工作方案\n五、工作计划\n(一)动员发动阶段(2009年12月)。\n1.各成员单位要制定创园计划。\n(二)达标冲刺阶段(2010年2月至2010年3月)。\n1.市创园办要做好迎检资料准备。\n',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['各成员单位'], ['市创园办']]);
  });

  it('keeps measures whose bracket sets a completion date although they name nobody', () => {
    const doc = extractOne(
      '某某专项行动方案\n一、优化资费套餐展示方式。企业应公示在售套餐。（2021年12月底前完成）\n二、优化客服热线服务。企业应公示热线号码。（2022年3月底前完成）\n',
    );
    expect(doc.measures.map((m) => [m.lead, m.deadline])).toEqual([
      [[], '2021-12-31'],
      [[], '2022-03-31'],
    ]);
  });

  it('reads the body that hands the proposals out (由县政府办公室统一交办), never one a task came from', () => {
    const doc = extractOne(
      '某县关于做好建议提案办理工作的通知\n各有关单位:\n县政府系统建议提案由县政府办公室统一交办。\n由市政府交办的事项要及时办理。\n',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['县政府办公室']]);
  });

  it('reads the member units that staff an office (成员由领导小组成员单位有关司局负责同志担任), never 领导小 of 组成员', () => {
    const doc = extractOne(
      '某某工作领导小组工作规则\n（一）领导小组办公室设在某部,承担领导小组日常工作。办公室成员由领导小组成员单位有关司局负责同志担任。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['领导小组办公室'], participants: ['某部', '领导小组成员单位'], deadline: null },
    ]);
  });
});

describe('forms left open by earlier sets', () => {
  it('gives the items under `（一）X牵头的工作` to X', () => {
    const doc = extractOne(
      '某省2024年纠风工作任务分工\n（一）省监察厅牵头的工作\n1.开展专项治理。\n2.加强行风评议。\n（二）省教育厅负责的工作\n3.治理教育乱收费。\n',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['省监察厅'], ['省监察厅'], ['省教育厅']]);
  });

  it('reads the media named before 等媒体 / 等新闻媒体 as parties, the class only closing the list', () => {
    const doc = extractOne(
      '某县关于做好防汛宣传工作的通知\n县融媒体中心等媒体要加强防汛知识宣传。\n县融媒体中心、县广播电视台等新闻媒体要开设专栏。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县融媒体中心'], participants: [], deadline: null },
      { lead: ['县融媒体中心', '县广播电视台'], participants: [], deadline: null },
    ]);
  });
});
