import { TestBed } from '@angular/core/testing';
import { provideNativeDateAdapter } from '@angular/material/core';
import { draftsOf, MilestoneEditor, milestonesOf } from './milestone-editor';

describe('milestone drafts', () => {
  it('round-trips a measure’s steps and sends them by date, leaving blank rows out', () => {
    const drafts = draftsOf([
      { date: '2099-09-30', text: '全面推广' },
      { date: '2099-03-31', text: '开展试点' },
    ]);
    drafts.push({ date: null, text: '  ' });
    expect(milestonesOf(drafts, '2099-12-31')).toEqual([
      { date: '2099-03-31', text: '开展试点' },
      { date: '2099-09-30', text: '全面推广' },
    ]);
  });

  it('says in zh-CN what a step lacks, and refuses one after the deadline', () => {
    expect(milestonesOf([{ date: null, text: '开展试点' }], null)).toBe('请为每个阶段节点选择日期');
    expect(milestonesOf([{ date: new Date('2099-03-31T00:00:00'), text: ' ' }], null)).toBe(
      '阶段节点须写明要完成的内容',
    );
    expect(milestonesOf([{ date: new Date('2100-01-31T00:00:00'), text: '试点' }], '2099-12-31')).toContain(
      '不能晚于完成时限',
    );
  });
});

describe('MilestoneEditor', () => {
  it('adds and removes rows', async () => {
    TestBed.configureTestingModule({ providers: [provideNativeDateAdapter()] });
    const fixture = TestBed.createComponent(MilestoneEditor);
    fixture.componentRef.setInput('steps', draftsOf([{ date: '2099-03-31', text: '开展试点' }]));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelectorAll('.step')).toHaveLength(1);
    (el.querySelector('[data-testid="milestone-add"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(el.querySelectorAll('.step')).toHaveLength(2);
    (el.querySelector('[aria-label="删除第1个阶段节点"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(el.querySelectorAll('.step')).toHaveLength(1);
    expect(fixture.componentInstance.steps()).toEqual([{ date: null, text: '' }]);
  });
});
