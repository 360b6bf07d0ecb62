// County forms of the heldout-15 frequency study (part a): schools and applicants as duty holders, enterprises of a
// standing, group sentences closing on `按以下要求…`, clock times after a yearless day; synthetic texts.
import { describe, expect, it } from 'vitest';

import { findDeadline } from './deadline';
import { extractOne, roles } from './forms.testing';

/** A county bureau's notice to its schools (local title and addressee line). */
const notice = (body: string) =>
  extractOne(`某县教育局关于做好有关工作的通知\n县属学校，各乡镇中小学：\n${body}\n`);
/** A district's meeting report of one paragraph. */
const meeting = (body: string) => extractOne(`区长主持召开区长办公会\n${body}\n`);

describe('schools as duty holders', () => {
  it('drops the kindergartens written as the schools’ trailing qualifier (各中小学校（幼儿园）要…)', () => {
    const doc = notice('二、各中小学校（幼儿园）要在校内醒目位置悬挂创强标语、横幅。');
    expect(doc.measures.map(roles)).toEqual([{ lead: ['各中小学校'], participants: [], deadline: null }]);
  });

  it('reads two kinds of body joined by 和, the schools’ qualifier dropped (各有关学区和学校（幼儿园）)', () => {
    const doc = notice('三、请各有关学区和学校（幼儿园）及时做好校园卫生环境清理等相关迎检准备。');
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各有关学区', '学校'], participants: [], deadline: null },
    ]);
  });

  it('reads the schools written short (请各校务必…) as a party asked', () => {
    const doc = notice('请各校务必引起重视，安排相关人员做好统计工作，及时发到指定邮箱。');
    expect(doc.measures.map(roles)).toEqual([{ lead: ['各校'], participants: [], deadline: null }]);
  });
});

describe('regulated bodies of a county call or meeting', () => {
  it('reads the applicants of a call for projects (各申报主体要…负责) as a party', () => {
    const doc = notice('各申报主体要对申报材料的完整性、真实性负责。');
    expect(doc.measures.map(roles)).toEqual([{ lead: ['各申报主体'], participants: [], deadline: null }]);
  });

  it('reads enterprises of a standing after a 的-phrase (主要行业的支柱企业) beside the departments', () => {
    const doc = meeting(
      '关于规上工业增加值，区长要求：相关部门、主要行业的支柱企业要对重点数据开展一对一的精准比对。',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['相关部门', '主要行业的支柱企业'], participants: [], deadline: null },
    ]);
  });

  it('leaves bare enterprises (企业要…) unread, as before', () => {
    const doc = meeting('区长要求，企业要加强安全管理，落实主体责任。');
    expect(doc.measures).toEqual([]);
  });
});

describe('a group sentence closing on 按以下要求', () => {
  it('gives its holder to the subjectless items below, not to the items stating the scope', () => {
    const doc = extractOne(
      '关于做好2013学年教育宣传信息发表情况统计工作的通知\n县属学校：\n请各校根据相关规定，将2013学年教育宣传信息发表情况按以下要求做好统计。\n1.统计时间：2013年7月1日——2014年6月30日。\n2.统计范围：遂昌教育网及各类报刊刊登信息。\n3.按要求填好附件2信息录用情况登记表，并于7月3日前将附件2打包后发送到邮箱。\n遂昌县教育局\n2014年6月27日\n',
    );
    expect(doc.measures.map(roles)).toEqual([{ lead: ['各校'], participants: [], deadline: '2014-07-03' }]);
  });
});

describe('clock times after a yearless day', () => {
  it('keeps the day of `6月23日下午5：00前` and `6月20日18：00前` (the hour is not kept)', () => {
    expect(
      findDeadline('请各申报主体于6月23日下午5：00前将项目申报书报送至农业局', { documentYear: 2018 }),
    ).toMatchObject({ deadline: '2018-06-23', deadlineKind: 'date' });
    expect(
      findDeadline('各市（州）于6月20日18：00前通过公文交换系统报送', { documentYear: 2022 }),
    ).toMatchObject({
      deadline: '2022-06-20',
      deadlineKind: 'date',
    });
    expect(findDeadline('请于4月10日17时前报送', { documentYear: 2020 })).toMatchObject({
      deadline: '2020-04-10',
    });
  });

  it('still reads no date from a bare clock time (每日下午4点前报告)', () => {
    expect(findDeadline('每日下午4点前报告火情', { documentYear: 2025 })?.deadline ?? null).toBeNull();
  });
});

describe('a bare lower level after a 各 level in a subject list', () => {
  it('reads 各乡（镇）、村 and 各市（州）、县（市、区） as two parties each, the alternatives dropped (LABELLING §4)', () => {
    const order = extractOne(
      '某县防控工作指挥部关于有关事项的通告\n各乡镇人民政府：\n九、各乡（镇）、村要立即开展爱国卫生活动。\n',
    );
    expect(order.measures.map(roles)).toEqual([{ lead: ['各乡', '村'], participants: [], deadline: null }]);
    const plan = extractOne(
      '某省关于开展督查的通知\n各市（州）、县（市、区）要按照督查的内容和重点开展逐项自查。\n',
    );
    expect(plan.measures.map(roles)).toEqual([{ lead: ['各市', '县'], participants: [], deadline: null }]);
  });
});
