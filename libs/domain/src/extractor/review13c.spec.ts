// Review of 676f56d (责成, 做好/抓好 as duty markers, 由A按程序/印发) and 4c79dc4 (numbered items below the last
// annotated one): synthetic documents on which those rules gave false or lost parties.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

const notice = (body: string) => extractOne(`某县关于做好防汛工作的通知\n${body}\n`);
const meeting = (body: string) => extractOne(`某县政府第12次常务会议纪要\n${body}\n`);

describe('做好 / 抓好 as duty markers', () => {
  it('never reads a verb and its object as a party (`督促县水利局做好`, `协助县水利局抓好`)', () => {
    expect(notice('各乡镇要加强巡查，督促县水利局做好河道清障。').measures.map(roles)).toEqual([
      { lead: ['各乡镇'], participants: [], deadline: null },
    ]);
    expect(notice('各乡镇要加强巡查，协助县水利局抓好河道清障。').measures.map(roles)).toEqual([
      { lead: ['各乡镇'], participants: [], deadline: null },
    ]);
    expect(notice('协助县水利局做好河道清障。').measures).toEqual([]);
  });

  it('reads no duty from past work (`县财政局做好了…`)', () => {
    expect(meeting('会议指出，今年以来，县财政局做好了资金保障工作，成效明显。').measures).toEqual([]);
  });
});

describe('责成 beside the sentence’s other subjects', () => {
  it('keeps the party asked before it (`会议要求A负责…，责成B做好…`)', () => {
    expect(meeting('会议要求县教育局负责校舍改造，责成县财政局做好资金保障。').measures.map(roles)).toEqual([
      { lead: ['县财政局', '县教育局'], participants: [], deadline: null },
    ]);
  });

  it('keeps a later subject (`会议责成A尽快…，B要加强配合`)', () => {
    expect(
      meeting('会议研究了停车难问题，会议责成县住建局尽快拿出方案，县公安局要加强配合。').measures.map(roles),
    ).toEqual([{ lead: ['县住建局', '县公安局'], participants: [], deadline: null }]);
  });
});

describe('责成 and the parties that support it', () => {
  it('keeps the supporting list of `责成A牵头…，B、C配合`', () => {
    expect(
      meeting('会议研究了停车难问题，责成县公安局牵头拿出方案，县住建局、县城管局配合。').measures.map(roles),
    ).toEqual([{ lead: ['县公安局'], participants: ['县住建局', '县城管局'], deadline: null }]);
  });

  it('reads `B要做好配合` as the supporting side', () => {
    expect(
      meeting('会议研究了停车难问题，责成县公安局尽快拿出方案。县住建局要做好配合。').measures.map(roles),
    ).toEqual([{ lead: ['县公安局'], participants: ['县住建局'], deadline: null }]);
  });
});

describe('由A按程序 / 由A印发', () => {
  it('never reads the issuer of a cited text (`贯彻由A印发的《…》`) as a party', () => {
    expect(
      notice('各乡镇要认真贯彻由省政府办公厅印发的《某某实施方案》，县农业农村局要加强指导。').measures.map(
        roles,
      ),
    ).toEqual([{ lead: ['各乡镇', '县农业农村局'], participants: [], deadline: null }]);
  });

  it('keeps the holder of the follow-up (`由A按程序印发，B要抓好落实`)', () => {
    expect(
      meeting(
        '会议原则同意《某县乡村振兴实施方案》，由县政府办公室按程序印发，县农业农村局要抓好落实。',
      ).measures.map(roles),
    ).toEqual([{ lead: ['县政府办公室', '县农业农村局'], participants: [], deadline: null }]);
  });
});

describe('numbered items below the last annotated one', () => {
  it('end at the signature: an attachment’s contact list is no duty', () => {
    const doc = extractOne(
      '某县2024年度重点工作任务分解方案\n（一）推进城区道路改造。（县住建局负责）\n（二）推进污水管网建设。（县水务局负责）\n某县人民政府办公室\n2024年3月1日\n附件\n任务联络员名单\n（三）县住建局：张三，电话12345678。\n（四）县水务局：李四，电话12345679。\n',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['县住建局'], ['县水务局']]);
  });
});
