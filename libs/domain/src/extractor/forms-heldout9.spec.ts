// Forms met in heldout-9 (seen after scoring) that recur in other documents: bare party brackets mixing departments with
// zones, companies and the level's open collective; synthetic documents, new wording.
import { describe, expect, it } from 'vitest';

import { parseBracketAnnotation } from './annotation';
import { findRecurring } from './deadline';
import { extractOne, roles } from './forms.testing';

const LOCAL = { firstIsLead: false, localDocument: true };

describe('a bare bracket of departments with zones, companies and open collectives beside them', () => {
  it('reads every listed unit as a joint lead when one of them is a lexicon name', () => {
    expect(
      parseBracketAnnotation('市统计局，县政府有关部门，各县区政府，青山高新区，某某水务公司', LOCAL),
    ).toMatchObject({
      lead: ['市统计局', '县政府有关部门', '各县区政府', '青山高新区', '某某水务公司'],
      participants: [],
      joint: true,
    });
  });

  it('keeps a bracket of zones or companies alone an aside', () => {
    expect(parseBracketAnnotation('青山高新区，某某水务公司', LOCAL)).toBeNull();
    expect(parseBracketAnnotation('青山高新区', LOCAL)).toBeNull();
  });

  it('splits a one-line notice into its numbered targets', () => {
    const doc = extractOne(
      '某市人民政府办公室关于分解落实年度主要目标的通知\n各县、区人民政府,市政府各部门: 现将年度主要目标分解给你们,请认真落实。 一、主要目标 1、粮食产量稳定在50万吨(市农业局,各县区政府,青山高新区)。 2、城镇新增就业1万人(市人社局、市财政局,县政府有关部门,各县区政府)。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市农业局', '各县区政府', '青山高新区'], participants: [], deadline: null },
      { lead: ['市人社局', '市财政局', '县政府有关部门', '各县区政府'], participants: [], deadline: null },
    ]);
  });
});

describe('prose subjects of holiday and work notices', () => {
  it('reads `各县市（区）` as 各县市 and `州直各部门各单位` as one collective after an opening time clause', () => {
    const doc = extractOne(
      '某州人民政府办公室关于做好国庆节假期工作的通知\n各县市人民政府,州直机关各单位:\n假期期间,各县市(区)、州直各部门各单位要落实值班制度,做好安全防范。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各县市', '州直各部门各单位'], participants: [], deadline: null },
    ]);
  });

  it('reads `A对此要…` as A’s duty', () => {
    const doc = extractOne(
      '某市人民政府关于抓好年度重点工作的通知\n各区人民政府,市政府各部门:\n今年任务繁重。各级各部门对此要高度重视,层层压实责任。\n',
    );
    expect(doc.measures.map(roles)).toEqual([{ lead: ['各级各部门'], participants: [], deadline: null }]);
  });
});

describe('a report cycle written `半年一通报`', () => {
  it('reads `X半年一通报` as a half-yearly recurrence and `一事一通报` as none', () => {
    expect(findRecurring('对工作落实情况半年一通报')).toMatchObject({
      deadlineKind: 'recurring',
      period: 'half-year',
    });
    expect(findRecurring('季度一调度')).toMatchObject({ period: 'quarter' });
    expect(findRecurring('对重大事项一事一通报')).toBeNull();
  });
});
