// Review of the heldout-13 forms (9501a07 … 209e64d): synthetic documents on which those rules over-reached, pinned to
// their intended reading.
import { describe, expect, it } from 'vitest';

import { isNamedTownName } from '../departments/registry';
import { extractOne, roles } from './forms.testing';

const notice = (body: string) => extractOne(`某县关于做好防汛宣传工作的通知\n${body}\n`);

describe('media before 等媒体 / 等新闻媒体 (209e64d)', () => {
  it('reads no party from bare kinds of medium (报纸、电视、网络等媒体)', () => {
    const doc = notice(
      '报纸、电视、网络等媒体要加强防汛知识宣传。\n广播、电视、报刊和互联网等新闻媒体要开设防汛专栏。',
    );
    expect(doc.measures.flatMap((m) => [...m.lead, ...m.participants])).toEqual([]);
  });

  it('keeps the outlets named beside the kinds (县融媒体中心、电视、网络等媒体)', () => {
    const doc = notice(
      '县融媒体中心、县电视台等媒体要加强防汛知识宣传。\n县融媒体中心、电视、网络等媒体要开设防汛专栏。',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县融媒体中心', '县电视台'], participants: [], deadline: null },
      { lead: ['县融媒体中心'], participants: [], deadline: null },
    ]);
  });
});

describe('the local governments counted in a labelled list (4f5a934)', () => {
  it('reads them with full-width digits too (１０县市人民政府)', () => {
    const doc = extractOne(
      '某州民生工程实施方案\n（1）增加城镇居民收入\n①以就业促增收。（牵头部门：州人社局；责任单位：州财政局，１０县市人民政府）\n②以创业促增收。（牵头部门：州人社局；责任单位：州财政局）\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['州人社局'], participants: ['州财政局', '１０县市人民政府'], deadline: null },
      { lead: ['州人社局'], participants: ['州财政局'], deadline: null },
    ]);
  });
});

describe('a run-on 下一步 / 同时 / 此外 / 今后 / 近期 before the party (a82d375)', () => {
  it('is no part of the party (同时县水利局要…)', () => {
    const doc = notice(
      '县应急局要加强值班值守。同时县水利局要加强河道巡查。\n下一步县住建局要加快排水管网改造。\n汛期结束后，今后县气象局要加强预报预警。',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['县应急局', '县水利局'], ['县住建局'], ['县气象局']]);
  });
});

describe('a street by its name (9501a07)', () => {
  it('is a town, a street or area of the city is not (城市街道, 主要街道, 背街街道)', () => {
    expect(isNamedTownName('锦城街道')).toBe(true);
    expect(isNamedTownName('长安路街道')).toBe(true);
    // Street offices named by where they lie (`县城管局牵头，属地街道配合`) stay.
    expect(isNamedTownName('属地街道')).toBe(true);
    for (const word of ['城市街道', '主要街道', '重点街道', '背街街道', '老旧街道', '一条街道'])
      expect(isNamedTownName(word)).toBe(false);
  });

  it('gives no duty to the streets of the city (城市街道要…, 由城市街道负责…)', () => {
    const doc = notice(
      '一、加强城市街道保洁。城市街道要做到每日清扫。\n二、整治背街小巷。由城市街道负责清理，主要街道每日巡查。\n三、锦城街道要加强巡查。',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['锦城街道']]);
  });
});

describe('persons after the units (等部门及相关负责人, 9501a07)', () => {
  const meeting = (body: string) => extractOne(`某县政府常务会议纪要\n会议听取了有关工作汇报。\n${body}\n`);

  it('are no party of a subject (A、B等部门及相关负责人要…, A、B等部门及其负责同志要…)', () => {
    expect(
      meeting(
        '会议要求，区财政局、住建局等部门及相关负责人要按照办法规定，做好维修基金的管理工作。',
      ).measures.map(roles),
    ).toEqual([{ lead: ['区财政局', '住建局'], participants: [], deadline: null }]);
    expect(
      meeting('会议要求，区财政局、住建局等部门及其负责同志要做好维修基金的管理工作。').measures.map(roles),
    ).toEqual([{ lead: ['区财政局', '住建局'], participants: [], deadline: null }]);
  });

  it('are no party of a joining list (A牵头，B、C等部门及相关负责人配合)', () => {
    expect(
      meeting('会议要求，由区财政局牵头，住建局、城管局等部门及相关负责人配合。').measures.map(roles),
    ).toEqual([{ lead: ['区财政局'], participants: ['住建局', '城管局'], deadline: null }]);
  });
});

describe('members staffing a body with 担任 (5aa8c03)', () => {
  const rules = (sentence: string) =>
    extractOne(
      `某某工作领导小组工作规则\n（一）领导小组办公室设在县发改局，承担领导小组日常工作。${sentence}\n`,
    ).measures.map(roles);

  it('reads no party from a single post (成员由县发改局局长担任, 由X担任组长单位)', () => {
    expect(rules('办公室成员由县发改局局长担任。')).toEqual([
      { lead: ['领导小组办公室'], participants: ['县发改局'], deadline: null },
    ]);
    expect(rules('领导小组由县政府办担任组长单位，成员单位包括县财政局。')).toEqual([
      { lead: ['领导小组办公室'], participants: ['县发改局', '县财政局'], deadline: null },
    ]);
  });

  it('reads the units whose heads staff it (成员由A、B负责人担任)', () => {
    expect(rules('办公室成员由县财政局、县审计局负责人担任。')).toEqual([
      { lead: ['领导小组办公室'], participants: ['县发改局', '县财政局', '县审计局'], deadline: null },
    ]);
  });
});

describe('A具体负责… (as A负责…)', () => {
  it('reads A as the lead, and the list after its clause as taking part', () => {
    expect(notice('一、加快项目建设。县住建局具体负责项目建设。').measures.map(roles)).toEqual([
      { lead: ['县住建局'], participants: [], deadline: null },
    ]);
    const meeting = extractOne(
      '某县政府常务会议纪要\n会议听取了有关工作汇报。\n会议要求，县住建局具体负责项目建设，县财政局配合。\n',
    );
    expect(meeting.measures.map(roles)).toEqual([
      { lead: ['县住建局'], participants: ['县财政局'], deadline: null },
    ]);
  });
});
