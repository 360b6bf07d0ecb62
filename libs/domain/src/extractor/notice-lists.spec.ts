// Subjects of local notice items written as lists: towns by their names, the open rest of a list (`A等…的县级部门`).
// Synthetic documents in new wording, one per form.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

const BY_COUNTY = '某某县人民政府办公室关于做好2020年农村饮水工程建设的通知\n各乡镇人民政府，县级各部门：\n';

describe('list subjects of a local notice item', () => {
  it('reads towns named as subjects and the open rest of a list as taking part', () => {
    const doc = extractOne(
      `${BY_COUNTY}二、落实工作责任。青山镇、白水乡负责工程选址和群众动员；县水利局要做好技术指导；县林业局等承担配套任务的县级部门要及时办理审批。\n三、城乡要统筹推进。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      {
        lead: ['青山镇', '白水乡', '县水利局', '县林业局'],
        participants: ['承担配套任务的县级部门'],
        deadline: null,
      },
    ]);
  });

  it('drops a bare 等部门 after the listed names', () => {
    const doc = extractOne(`${BY_COUNTY}县财政局、县审计局等部门要加强资金监管。\n`);
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县财政局', '县审计局'], participants: [], deadline: null },
    ]);
  });

  it('reads a role collective opening its sentence without 要 and the units it organises as taking part', () => {
    const doc = extractOne(`${BY_COUNTY}二、制定方案。各牵头单位迅速组织参与单位，共同研究制定实施方案。\n`);
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各牵头单位'], participants: ['参与单位'], deadline: null },
    ]);
  });

  it('reads the duty of a unit’s 主要负责同志 on the unit', () => {
    const doc = extractOne(
      `${BY_COUNTY}一、强化领导。各责任单位的主要负责同志要对承办的工作负总责。\n二、统筹兼顾。各责任单位在抓好防控的同时统筹推进。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各责任单位'], participants: [], deadline: null },
      { lead: ['各责任单位'], participants: [], deadline: null },
    ]);
  });
});

describe('a notice under a page metadata table', () => {
  it('skips index, 组配分类 and 生成日期 rows to find the title, and reads a convention bracket as no annotation', () => {
    const doc = extractOne(
      [
        '索引号\t11330000000000000A/2022-00001',
        '组配分类\t政府文件\t发布机构\t县政府办公室',
        '生成日期\t2022-03-01\t公开方式\t主动公开',
        '某某县人民政府办公室关于印发2022年度重点工作责任清单的通知',
        '各乡镇人民政府，县政府直属各单位：',
        '二要压实责任。牵头单位（列第一位者为工作牵头单位）要主动承担牵头责任，协办单位要主动配合。',
      ].join('\n'),
    );
    expect(doc.title).toBe('某某县人民政府办公室关于印发2022年度重点工作责任清单的通知');
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['牵头单位'], participants: ['协办单位'], deadline: null },
    ]);
  });
});

describe('a document read as prose', () => {
  it('is not read again from a bracket inside its last paragraph', () => {
    const doc = extractOne(
      '国务院办公厅关于加强某项工作的通知\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n一、各地区要加强组织领导（参加人员由各部门确定），国家发展改革委要做好指导。\n国务院办公厅\n2019年3月1日\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各地区', '国家发展改革委'], participants: [], deadline: null },
    ]);
  });

  it('reads the paragraphs a local notice’s items leave, but no lead convention as a designation', () => {
    const doc = extractOne(
      `${BY_COUNTY}一、各乡镇要抓紧制定工作方案。\n二、在分工表的责任单位中，排名第一的责任单位为牵头单位，其他单位为参与单位。\n三、县水利局主要负责人作为工程建设的第一责任人，要亲自研究部署。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各乡镇'], participants: [], deadline: null },
      { lead: ['县水利局'], participants: [], deadline: null },
    ]);
  });

  it('drops the qualifier of 各乡镇（街道） and reads 将进一步加大督查力度 as the supervising side', () => {
    const doc = extractOne(
      '2020年县政府重点工作二季度完成情况通报\n下一步，各园区、各乡镇（街道）、各相关部门要倒排时间节点，补齐短板。县政府督查室将进一步加大督查力度。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各园区', '各乡镇', '各相关部门'], participants: ['县政府督查室'], deadline: null },
    ]);
  });
});
