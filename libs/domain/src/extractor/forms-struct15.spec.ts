// Structures read since heldout-13 (forms3): the 三定 regulation's duty list under its `主要职责` heading, the
// transfers of duties between bodies (`将…职责划归A`), … ; synthetic documents in the style of the real ones.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

const lead = (m: { lead: string[]; participants: string[] }) => ({
  lead: m.lead,
  participants: m.participants,
});

describe('三定 regulations: the duty list of the unit it regulates', () => {
  it('gives the numbered items under `二、主要职责` to the unit the regulation names, the transfers to their bodies', () => {
    const doc = extractOne(
      '各区人民政府,市政府各部门:\n《某市人民政府外事办公室主要职责内设机构和人员编制规定》经市政府批准,现予印发。\n某市人民政府办公厅\n二〇一〇年三月一日\n某市人民政府外事办公室主要职责内设机构和人员编制规定\n根据有关规定,设立某市人民政府外事办公室。\n一、职责调整\n将因公出国审批职责划归市人力资源和社会保障局;港澳事务有关职责划入市商务局。\n二、主要职责\n(一)负责全市外事工作的归口管理,协助市政府领导同志处理外事事务。\n(二)组织起草外事工作规范性文件;承办市政府交办的其他事项。\n三、内设机构\n根据上述职责,设4个内设机构。\n',
    );
    expect(doc.measures.map(lead)).toEqual([
      { lead: ['市人力资源和社会保障局', '市商务局'], participants: [] },
      { lead: ['某市人民政府外事办公室'], participants: [] },
      { lead: ['某市人民政府外事办公室'], participants: [] },
    ]);
  });

  it('gives the items under a heading naming the unit (`（一）区政府办公室的主要职责。`) to that unit', () => {
    const doc = extractOne(
      '某区人民政府办公室关于印发某区人民政府办公室主要职责、内设机构和人员编制规定的通知\n区政府各部门:\n现予印发。\n某区人民政府办公室主要职责、内设机构和人员编制规定\n一、职能调整\n增加区政府合作交流办公室的相关职能。\n二、主要职责\n(一)区政府办公室的主要职责。\n1.围绕区政府中心工作组织调查研究,提出方案和建议。\n2.负责区政府文电处理和公文审核工作。\n',
    );
    expect(doc.measures.map(lead)).toEqual([
      { lead: ['区政府办公室'], participants: [] },
      { lead: ['区政府办公室'], participants: [] },
    ]);
  });

  it('reads no duty list from a `主要职责` heading without a regulated unit', () => {
    const doc = extractOne(
      '某市志愿服务工作简介\n一、主要职责\n(一)组织开展志愿服务活动。\n(二)负责志愿者培训。\n',
    );
    expect(doc.measures.map(roles)).toEqual([]);
  });
});
