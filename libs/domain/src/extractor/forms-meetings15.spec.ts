// Forms of local department texts, joint party–government texts and meeting reports (heldout-15 part d, a
// form-frequency study) that recur across documents: traditional-script copies of government pages, a department's
// own offices and units as duty holders; synthetic documents, new wording.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';
import { isInternalUnit } from './internal-units';
import { restorer, simplifiedCopy } from './traditional-script';

describe('traditional-script copies', () => {
  it('reads a meeting report written in traditional characters and gives its names back as written', () => {
    const doc = extractOne(
      '某縣政府召開第十六次常務會議\n會議聽取了縣發展改革局關於項目謀劃情況的匯報。\n會議強調,全縣各級各部門要認真落實上級工作要求,全力以赴完成全年目標任務。\n會議要求,各鎮街、各部門要牢固樹立常態化謀劃項目意識,動態儲備調整項目。\n',
    );
    expect(doc.measures.map((m) => ({ ...roles(m), text: m.text.slice(0, 4) }))).toEqual([
      { lead: ['全縣各級各部門'], participants: [], deadline: null, text: '會議強調' },
      { lead: ['各鎮街', '各部門'], participants: [], deadline: null, text: '會議要求' },
    ]);
  });

  it('reads the article of a rule whose body names the holder (第三條 …領導小組負責…)', () => {
    const doc = extractOne(
      '某省鄉村建設責任制實施細則\n第一條 為了全面落實鄉村建設責任制,結合本省實際,制定本細則。\n第三條 在省委領導下,省委農村工作領導小組負責統籌協調全省鄉村建設工作,推動建立健全責任落實機制。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['省委農村工作領導小組'], participants: [], deadline: null },
    ]);
  });

  it('leaves a simplified text alone, also one quoting a few traditional characters', () => {
    expect(simplifiedCopy('各部门要加强协调，县住建局负责。')).toBeNull();
    expect(simplifiedCopy(`${'各部门要加强协调，县住建局负责。'.repeat(40)}（原文：「會議」）`)).toBeNull();
    expect(simplifiedCopy(`會議要求,各部門要加強協調。${'縣住建局負責落實。'.repeat(5)}`)).toBe(
      `会议要求,各部门要加强协调。${'县住建局负责落实。'.repeat(5)}`,
    );
  });

  it('restores a string not in the simplified text character by character, keeping native characters', () => {
    const original = '會議要求,各縣(區)要制定方案。';
    const back = restorer(
      original,
      simplifiedCopy(`${original}${'縣住建局負責落實。'.repeat(5)}`)!.slice(0, original.length),
    );
    expect(back('各县（区）')).toBe('各縣（區）');
    expect(back('会议要求')).toBe('會議要求');
  });
});

describe("a department's own offices and units", () => {
  it('knows the offices and units a bureau addresses, never a bare office word', () => {
    for (const n of [
      '局机关各科室',
      '机关各处室',
      '其他机关各处室',
      '各科室',
      '有关科室',
      '各牵头责任科室',
      '会办处室',
      '各牵头处室、单位',
      '各直属单位',
      '局属各单位',
      '委属各单位',
      '厅直各单位',
      '各二级单位',
    ])
      expect(isInternalUnit(n), n).toBe(true);
    for (const n of ['科室', '处室', '单位', '办公室', '科室负责人', '各单位'])
      expect(isInternalUnit(n), n).toBe(false);
  });

  it('reads a bureau notice to its offices (局机关各科室要…, 各科室均是…责任主体)', () => {
    const doc = extractOne(
      '某市交通运输局关于做好政务公开工作的通知\n局各科室:\n一、高度重视。局机关各科室要把政务公开作为重点工作,科室负责人亲自主抓。\n二、明确职责。各科室是落实相关任务的责任主体,要主动担当作为。各牵头责任科室要加强工作统筹。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['局机关各科室'], participants: [], deadline: null },
      { lead: ['各科室', '各牵头责任科室'], participants: [], deadline: null },
    ]);
  });

  it('keeps offices written with their units as one party and the office announcing follow-up as taking part', () => {
    const doc = extractOne(
      '机关各处室、局属各单位:\n为贯彻落实《杭州市人民政府办公厅关于印发杭州市2024年政务公开工作要点的通知》(杭政办函〔2024〕12号),局办公室研究制定了《杭州市林业水利局2024年政务公开工作要点分工方案》,现印发给你们,请认真执行。\n各牵头处室、单位要履行牵头职责,会办处室、单位要主动对接配合,按时完成任务。局督查办将适时对落实情况进行通报。\n杭州市林业水利局办公室\n2024年3月1日\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各牵头处室、单位'], participants: ['会办处室、单位', '局督查办'], deadline: null },
    ]);
  });

  it('reads the supporting side of a covering notice (其他责任单位要全力配合实施)', () => {
    const doc = extractOne(
      '某省林业局办公室关于印发任务分解表的通知\n局机关各处室、各直属单位:\n一、局机关各处室、各直属单位要强化协同配合,牵头单位要主动担当尽责,其他责任单位要全力配合实施,合力推动工作开展。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      {
        lead: ['局机关各处室', '各直属单位', '牵头单位'],
        participants: ['其他责任单位'],
        deadline: null,
      },
    ]);
  });
});

describe('meeting reports and rules', () => {
  it('reads no duty into the account of the meeting itself and keeps the local level without its alternative', () => {
    const doc = extractOne(
      '市住建局召开申报动员会\n9月2日上午,市住建局会同市财政局组织各县(区)住建部门负责人召开申报动员会。\n会上,市发改委和市住建局对拟申报的项目提出要求。\n会议要求,市级相关部门、各县(区)及东湖高新区要高度重视申报工作,全力以赴组织实施。\n',
    );
    expect(doc.measures.map((m) => ({ ...roles(m), line: m.line }))).toEqual([
      { lead: ['市级相关部门', '各县', '东湖高新区'], participants: [], deadline: null, line: 4 },
    ]);
  });

  it("gives the numbered duties of a rule's article to the holders its heading names (…责任主要包括：)", () => {
    const doc = extractOne(
      '某省乡村建设责任制实施细则\n2024年3月,中共某省委办公厅、某省人民政府办公厅发布《某省乡村建设责任制实施细则》,自发布之日起施行。\n第二章 各级责任\n第四条 各级党委和政府乡村建设责任主要包括:\n(一)深入学习贯彻重要论述,结合实际推进乡村建设。\n(二)将乡村建设纳入本地发展规划,制定年度任务并组织实施。\n',
    );
    expect(doc.measures.map((m) => ({ ...roles(m), line: m.line }))).toEqual([
      { lead: ['各级党委和政府'], participants: [], deadline: null, line: 5 },
      { lead: ['各级党委和政府'], participants: [], deadline: null, line: 6 },
    ]);
  });
});
