// Forms of department task tables that recur across the heldout-15 (part c) documents and the studied sets: a unit's own
// sections as the parties of a 责任科室 column (局政法科, 财务科, 局宣传科研组), and party cells that say how their units
// answer (办公室牵头,各科室配合 / 局防控办主办、各工作组协办 / A、B等按职责分工落实), also in rows whose first cell is merged
// with the row above. Synthetic documents, new wording.
import { describe, expect, it } from 'vitest';

import { parseDepartmentCell } from './annotation';
import { UNIT_CELL } from './grid-columns';
import { extractOne, roles } from './forms.testing';

const T = '\t';
const table = (header: string[], rows: string[][]) =>
  extractOne(`某局2021年政务公开工作要点分工方案\n${[header, ...rows].map((r) => r.join(T)).join('\n')}\n`);

describe('a unit’s own sections as the parties of a table', () => {
  it('reads 局政法科 / 财务科 / 局宣传科研组 in a 责任科室 column, also in rows whose task cell is merged', () => {
    const doc = table(
      ['工作任务', '具体要求', '责任科室'],
      [
        ['一、做好执法信息公开', '1.公开行政处罚结果。', '局法规科'],
        ['二、做好财政信息公开', '2.公开部门预算和决算。', '财务科'],
        ['3.公开“三公”经费。', '局财务科'],
        ['三、做好解读回应', '4.组织政策解读。', '局宣传科研组'],
      ],
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['局法规科'], participants: [], deadline: null },
      { lead: ['财务科'], participants: [], deadline: null },
      { lead: ['局财务科'], participants: [], deadline: null },
      { lead: ['局宣传科研组'], participants: [], deadline: null },
    ]);
  });

  it('keeps disciplines and regroupings out of the section names', () => {
    expect(parseDepartmentCell('本科', 'responsible', { firstIsLead: false })).toBeNull();
    expect(parseDepartmentCell('资产重组', 'responsible', { firstIsLead: false })).toBeNull();
    expect(parseDepartmentCell('综合科', 'responsible', { firstIsLead: false })?.lead).toEqual(['综合科']);
  });
});

describe('party cells that say how their units answer', () => {
  it('fits a merged-task row whose party cell is `A牵头,B配合`', () => {
    const doc = table(
      ['工作任务', '具体要求', '责任部门'],
      [
        ['一、做好网站信息公开', '1.更新机构概况信息。', '办公室'],
        ['2.更新微信公众号信息。', '办公室牵头,各科室配合'],
        ['3.答复网民留言。', '各科室'],
      ],
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['办公室'], participants: [], deadline: null },
      { lead: ['办公室'], participants: ['各科室'], deadline: null },
      { lead: ['各科室'], participants: [], deadline: null },
    ]);
  });

  it('reads `A主办、B协办` as a lead and a participant, not one name', () => {
    const doc = table(
      ['工作任务', '具体要求', '责任科室'],
      [
        ['一、做好疫情防控信息公开', '1.设立防控专栏。', '局应急办主办、各工作组协办'],
        ['2.做好疫苗接种信息公开。', '局疾控科'],
      ],
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['局应急办'], participants: ['各工作组'], deadline: null },
      { lead: ['局疾控科'], participants: [], deadline: null },
    ]);
  });

  it('reads `A、B等按职责分工落实` in a short row as the named units leading, joint', () => {
    const doc = table(
      ['序号', '工作任务', '细化分工', '责任处室', '完成时限', '备注'],
      [
        ['1', '做好疫情信息发布', '围绕隔离管控发布权威信息', '医政处、疾控处等按职责分工落实', '长期推进'],
        ['2', '做好疫苗接种信息公开', '疾控处', '长期推进'],
      ],
    );
    expect(doc.measures.map((m) => ({ ...roles(m), kind: m.deadlineKind }))).toEqual([
      { lead: ['医政处', '疾控处'], participants: [], deadline: null, kind: 'ongoing' },
      { lead: ['疾控处'], participants: [], deadline: null, kind: 'ongoing' },
    ]);
    expect(doc.measures[0]?.joint).toBe(true);
  });

  it('tells a role-phrase party cell from a content cell', () => {
    expect(UNIT_CELL.test('办公室牵头,各科室配合')).toBe(true);
    expect(UNIT_CELL.test('医政处、疾控处等按职责分工落实')).toBe(true);
    expect(UNIT_CELL.test('由办公室牵头做好网站更新工作。')).toBe(false);
    expect(UNIT_CELL.test('及时更新网站信息')).toBe(false);
  });
});
