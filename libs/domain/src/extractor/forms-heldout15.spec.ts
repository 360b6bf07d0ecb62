// Forms met in heldout-15 (municipal and provincial documents, part b) that recur across documents: regulated
// enterprises of a trade and enterprise groups as prose subjects, an inclusion aside between a party and its duty
// marker, a bureau's own units as one collective, a level and its departments written together; synthetic
// documents, new wording.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

/** A municipal notice whose first item holds `body`. */
const notice = (body: string) => extractOne(`关于做好节日期间运输保障工作的通知\n一、加强保障\n${body}\n`);

describe('enterprises as prose subjects', () => {
  it('reads regulated enterprises of a transport trade written with 各 (各客运企业, 各物流企业)', () => {
    const doc = notice('各客运企业要合理安排班次。各物流企业要保障重点物资配送。');
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各客运企业', '各物流企业'], participants: [], deadline: null },
    ]);
  });

  it('reads the stations of a transport notice (各管运站场) as one collective', () => {
    const doc = notice('各管运站场要做好进站旅客的测温登记工作。');
    expect(doc.measures.map(roles)).toEqual([{ lead: ['各管运站场'], participants: [], deadline: null }]);
  });

  it('reads an enterprise group by its short name beside investment enterprises of a kind', () => {
    const doc = notice('省交投集团和相关投资开发企业要加快项目建设进度。');
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['省交投集团', '相关投资开发企业'], participants: [], deadline: null },
    ]);
  });

  it('still reads no party in a trade word without an enterprise kind (产业要…)', () => {
    const doc = notice('物流产业要加快转型升级。');
    expect(doc.measures).toEqual([]);
  });
});

describe('an inclusion aside between the party and its duty marker', () => {
  it('drops `（包括…，以及…）` before 应当 so the party meets its marker', () => {
    const doc = extractOne(
      '某市行政执法公示办法\n第二条 本市各级行政执法机关（包括法律授权的组织，以及受委托的组织）应当按照本办法做好公示工作。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['本市各级行政执法机关'], participants: [], deadline: null },
    ]);
  });

  it('drops `（含…）` before 要 too', () => {
    const doc = notice('各承办单位（含主办、协办单位）要在三个月内办结。');
    expect(doc.measures.map(roles)).toEqual([{ lead: ['各承办单位'], participants: [], deadline: null }]);
  });
});

describe('collectives', () => {
  it('reads a bureau’s own units (局属各单位) as one party', () => {
    const doc = notice('局属各单位要按照整治方案管控好各自责任区域。');
    expect(doc.measures.map(roles)).toEqual([{ lead: ['局属各单位'], participants: [], deadline: null }]);
  });

  it('splits a district level and its departments written together (各区各部门) into two parties', () => {
    const doc = notice('各区各部门要各尽其责，形成工作合力。');
    expect(doc.measures.map(roles)).toEqual([{ lead: ['各区', '各部门'], participants: [], deadline: null }]);
  });
});
