// Subjects of duty sentences in local notices and national prose: a second party given its own duty after a comma, level groups with
// their government (各县（市、区）人民政府), and unit names the modal-verb screen must not break (应急管理局) or that end in
// a unit word other than 局/委/办 (消防救援支队). Synthetic documents in new wording.
import { describe, expect, it } from 'vitest';

import { isLocalUnitName } from '../departments/registry';
import { extractOne, roles } from './forms.testing';

const NOTICE =
  '某某市人民政府办公室关于做好2026年汛期安全工作的通知\n各县（市、区）人民政府，市政府各部门：\n';

describe('duty subjects of a local notice', () => {
  it('reads a second party given its own duty after a comma', () => {
    const doc = extractOne(
      `${NOTICE}一、落实防汛责任\n各县（市、区）人民政府要落实属地责任。市水利局要加强技术指导，市应急管理局要做好物资调度。\n二、做好抢险准备\n各地要于5月31日前完成隐患排查，市消防救援支队要加强备勤。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      {
        lead: ['各县（市、区）人民政府', '市水利局', '市应急管理局'],
        participants: [],
        deadline: null,
      },
      { lead: ['各地', '市消防救援支队'], participants: [], deadline: '2026-05-31' },
    ]);
  });

  it('does not split at a comma followed by no party (…，要…) and keeps 要积极配合 after a comma the supporting side', () => {
    const doc = extractOne(`${NOTICE}各县（市、区）人民政府要高度重视，要细化方案，相关部门要积极配合。\n`);
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各县（市、区）人民政府'], participants: ['相关部门'], deadline: null },
    ]);
  });
});

describe('clauses that only look like a duty subject', () => {
  it('reads no party in `…，全面落实市委、市政府要求，…` (要求 is a noun) nor in `…，会同有关部门对…进行…`', () => {
    const doc = extractOne(
      `${NOTICE}为贯彻省委部署，全面落实市委、市政府要求，各县（市、区）人民政府要开展隐患排查。\n国家统计局要开展普查，会同有关部门对数据进行核查。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各县（市、区）人民政府'], participants: [], deadline: null },
      { lead: ['国家统计局'], participants: ['有关部门'], deadline: null },
    ]);
  });
});

describe('leading and partner parties of a local notice', () => {
  it('lets the party named as leading (由A牵头，会同B…) lead, the other duty holders and the partners take part', () => {
    const doc = extractOne(
      `${NOTICE}一、推进城市更新\n到2027年底，完成老旧小区改造120个。由市住房城乡建设局牵头，会同市财政局、市自然资源局制定年度计划。各县（市、区）人民政府负责项目实施。\n二、加强组织实施\n市发展改革委要会同有关部门定期调度进展。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      {
        lead: ['市住房城乡建设局'],
        participants: ['各县（市、区）人民政府', '市财政局', '市自然资源局'],
        deadline: '2027-12-31',
      },
      { lead: ['市发展改革委'], participants: ['有关部门'], deadline: null },
    ]);
  });
});

describe('duty subjects of national prose', () => {
  it('reads a second party given its own duty after a comma of the same sentence', () => {
    const doc = extractOne(
      '国务院办公厅关于做好2026年春季农业生产工作的通知\n国办发明电〔2026〕3号\n一、稳定粮食播种面积\n地方各级人民政府要落实面积任务。农业农村部要加强分类指导，国家粮食和储备局要做好收储衔接。\n二、抓好农资保供\n各地区要于3月31日前完成农资储备检查，国家市场监督管理总局要加强质量抽检。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['地方各级人民政府', '农业农村部', '国家粮食和储备局'], participants: [], deadline: null },
      { lead: ['各地区', '国家市场监督管理总局'], participants: [], deadline: '2026-03-31' },
    ]);
  });
});

describe('later clauses of national prose that name no new duty holder', () => {
  it('keeps 会同有关部门对…进行… a partner and 各有关部门要密切配合 the supporting side', () => {
    const doc = extractOne(
      '国务院办公厅关于推进乡村旅游高质量发展的通知\n国办发〔2026〕11号\n一、开展示范创建\n文化和旅游部要组织开展乡村旅游示范创建，会同有关部门对创建情况进行评估。\n二、加强统筹\n国家发展改革委要统筹推进项目建设，各有关部门要密切配合。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['文化和旅游部'], participants: ['有关部门'], deadline: null },
      { lead: ['国家发展改革委'], participants: ['各有关部门'], deadline: null },
    ]);
  });
});

describe('local unit names', () => {
  it.each(['市应急管理局', '省应急管理厅', '县应急局', '市供应链管理中心', '市消防救援支队'])(
    '%s is a unit',
    (name) => {
      expect(isLocalUnitName(name)).toBe(true);
    },
  );

  it.each(['市政府应加强', '县里应当负责', '全面落实市委', '认真贯彻市委'])(
    '%s is prose, not a unit',
    (name) => {
      expect(isLocalUnitName(name)).toBe(false);
    },
  );
});
