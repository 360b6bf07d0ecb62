// Local documents of heldout-10, -11 and -13 (meeting reports, county notices): later holders of a paragraph, the
// townships closing an open list; synthetic texts.
import { describe, expect, it } from 'vitest';

import { findDeadline } from './deadline';
import { extractOne, roles } from './forms.testing';

/** A county's meeting report of one paragraph (no title form of a notice: read by the prose reader). */
const meeting = (body: string) => extractOne(`某县召开防汛工作会议\n${body}\n`);

describe('later holders of a local meeting paragraph', () => {
  it('reads the townships after an open list (A、B等相关部门和乡镇要) as a holder, the open rest already leading', () => {
    const doc = meeting(
      '王某指出，全县上下要做好准备。各相关部门及乡镇要提高认识。要强化值守，县水利局、应急管理局等相关部门和乡镇要严格落实值班制度；县气象部门要及时发送雨情信息。',
    );
    expect(doc.measures.map(roles)).toEqual([
      {
        lead: ['各相关部门', '乡镇', '县水利局', '应急管理局', '县气象部门'],
        participants: [],
        deadline: null,
      },
    ]);
  });
});

describe('grassroots party bodies', () => {
  it('reads 村党总支 given its share of the duty after a comma as a holder beside 乡镇党委', () => {
    const doc = meeting(
      '对巡察中发现的问题，乡镇党委要承担整改主体责任，村党总支承担整改直接责任，各县直责任单位承担职能范围内整改责任。',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['乡镇党委', '村党总支', '各县直责任单位'], participants: [], deadline: null },
    ]);
  });
});

describe('sides of a task breakdown in a meeting', () => {
  it('reads 配合单位 after 牵头部门 in later clauses as the supporting side, the leaders (区级领导) no party', () => {
    const doc = meeting(
      '会议指出，要细化各项具体任务，区级领导要扛起责任担当，牵头部门要明确主责，配合单位要保质提效，做到对号入座、形成合力。',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['牵头部门'], participants: ['配合单位'], deadline: null },
    ]);
  });

  it('lets the supporting side lead when no one else holds a duty', () => {
    const doc = meeting('会议指出，配合单位要保质提效，做到形成合力。');
    expect(doc.measures.map(roles)).toEqual([{ lead: ['配合单位'], participants: [], deadline: null }]);
  });
});

describe('holders of numbered requirements in a meeting', () => {
  it('labels the duty of a unit 班子成员 on the unit, and a 督查室 given checks (要加强督查) leads beside it', () => {
    const doc = meeting(
      '钟某要求：一是力度要更大。务必要加大力量，加速整改；二是指导要更细。县自然资源局全体班子成员要带领股室吃住在镇村，加强技术指导。三是县政府督查室要加强督查，及时形成督查专报。',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县自然资源局', '县政府督查室'], participants: [], deadline: null },
    ]);
  });

  it('still reads a 督查室 announcing its checks (将加大督查力度) as the follow-up beside the holders', () => {
    const doc = meeting(
      '下一步，各乡镇、各相关部门要倒排时间节点，补齐短板。县政府督查室将进一步加大督查力度。',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各乡镇', '各相关部门'], participants: ['县政府督查室'], deadline: null },
    ]);
  });

  it('never reads persons (行政机关及其工作人员) before a duty as a unit', () => {
    const doc = meeting('一、提高意识。进一步提高行政机关及其工作人员依法行政的意识和能力。');
    expect(doc.measures).toEqual([]);
  });
});

describe('parties required by a report', () => {
  it('reads a whole list required after 要求 (要求各区县、各牵头单位对…), never cut at a 各 before 牵头', () => {
    const doc = extractOne(
      '某市开展整治工作\n11月14日，某市整治办将问题梳理汇总，列出清单并下发，要求各区县、各牵头单位对反映的问题对号入座，逐条梳理，落实主体责任。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各区县', '各牵头单位'], participants: [], deadline: null },
    ]);
  });
});

describe('designated holders of a report', () => {
  it('drops the designating verb before a unit (同时，明确市政府督查室将…)', () => {
    const doc = extractOne(
      '某市部署惠民实事工作\n2月20日，某市人民政府办公室印发通知，对惠民实事进行责任分解。要求各牵头及责任单位要做好统筹督促；对推进中涉及的手续报批等问题，有关市级审批部门要主动协调。同时，明确市政府督查室将惠民实事列入重点督查事项。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各牵头及责任单位', '有关市级审批部门', '市政府督查室'], participants: [], deadline: null },
    ]);
  });
});

describe('hosts of a working office', () => {
  it('reads the host written first (在A设置办公室并负责总牵头工作) as the lead, the units supporting it taking part', () => {
    const doc = meeting(
      '会议指出，要压实工作责任，建立县级提升行动工作专班，在县住房城乡建设局设置办公室并负责总牵头工作，统筹推进全县提升工作。各责任单位要主动作为，密切配合，确保任务完成。',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县住房城乡建设局'], participants: ['各责任单位'], deadline: null },
    ]);
  });
});

describe('collectives of a local notice', () => {
  it('reads 各县（市）区党委、政府 after ； as one collective beside the first subject', () => {
    const doc = extractOne(
      '某市人民政府办公室关于印发重点工作责任分工方案的通知\n各县（市）区人民政府，市直各部门：\n现将《重点工作责任分工方案》印发给你们，请认真贯彻执行。市直各部门要根据责任分工，细化任务、狠抓落实；各县（市）区党委、政府要对照方案，迅速制定本地行动方案。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市直各部门', '各县（市）区党委、政府'], participants: [], deadline: null },
    ]);
  });
});

describe('rhythms written without 每', () => {
  it('reads 一月一调度 / 一季一督查 as one round per month / quarter, never 一月 as January', () => {
    expect(
      findDeadline('督查室要对工作落实情况实行一月一调度、一月一通报。', { documentYear: 2021 }),
    ).toMatchObject({
      deadline: null,
      deadlineKind: 'recurring',
      period: 'month',
    });
    expect(findDeadline('对重点项目实行一季一督查。', { documentYear: 2021 })).toMatchObject({
      deadlineKind: 'recurring',
      period: 'quarter',
    });
    expect(findDeadline('于第一季一并报送。', { documentYear: 2021 })?.deadlineKind ?? null).not.toBe(
      'recurring',
    );
  });

  it('reads 每年做好… as a yearly duty', () => {
    expect(
      findDeadline('要动态管理，及时研究调整，同时，每年做好“回头看”工作。', { documentYear: 2020 }),
    ).toMatchObject({
      deadlineKind: 'recurring',
      period: 'year',
    });
  });

  it('reads no dates in a quoted slogan before a qualified 机制 (“年初建账、年中查账、年底对账”的跟踪督导机制)', () => {
    expect(
      findDeadline('通过“年初建账、年中查账、年底对账”的跟踪督导机制，全面提升达标质效。', {
        documentYear: 2024,
      }),
    ).toBeNull();
  });
});
