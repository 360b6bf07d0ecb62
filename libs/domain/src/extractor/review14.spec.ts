// Review of the heldout-13 forms (9501a07 … 209e64d): synthetic documents on which those rules over-reached, pinned to
// their intended reading.
import { describe, expect, it } from 'vitest';

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
