// A local breakdown reposted as a news page (untitled: `近日，某区人民政府办公室发布《…分解》方案`, then the plan's own
// notice paragraphs `《方案》指出，区级有关部门要…`, then its labelled items): the page is the local government's,
// so its notice paragraphs are read as the duties they give. Synthetic documents, new wording.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

/** The page's measures in document order (the notice reader runs after the labelled items). */
const page = (opening: string, notice: string) =>
  extractOne(
    `${opening}\n${notice}\n一、主要预期指标\n1.全区生产总值增长6%。\n牵头单位:区发展改革委\n责任单位:区统计局\n2.一般公共预算收入增长5%。\n牵头单位:区财政局\n责任单位:区税务局\n`,
  ).measures.sort((a, b) => a.line - b.line);

describe('a local breakdown reported on a news page', () => {
  it('reads the plan’s notice paragraph above the labelled items when the page reports a district’s release', () => {
    const measures = page(
      '日前,某某区人民政府办公室印发《2024年区政府工作报告重点任务分解》方案,明确了牵头单位与责任单位。',
      '《方案》指出,区级有关部门要对承担的任务逐项认领、倒排工期。',
    );
    expect(measures.map(roles)).toEqual([
      { lead: ['区级有关部门'], participants: [], deadline: null },
      { lead: ['区发展改革委'], participants: ['区统计局'], deadline: null },
      { lead: ['区财政局'], participants: ['区税务局'], deadline: null },
    ]);
  });

  it('reads the level’s own departments written with 级 like those written with 直 (市级相关单位要…)', () => {
    const measures = page(
      '近日,某某市人民政府发布《重点工作任务分解方案》。',
      '《方案》要求,市级相关单位要建立工作台账,每月报送进展。',
    );
    expect(measures[0] && roles(measures[0])).toEqual({
      lead: ['市级相关单位'],
      participants: [],
      deadline: null,
    });
  });

  it('leaves a news page that reports no local release to the labelled items alone', () => {
    const measures = page(
      '近日,记者从有关方面获悉,今年的重点任务已经分解。',
      '据介绍,区级有关部门要对承担的任务逐项认领。',
    );
    expect(measures.map((m) => m.lead)).toEqual([['区发展改革委'], ['区财政局']]);
  });
});
