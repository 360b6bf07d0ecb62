import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ReviewActions } from './review-actions';

describe('ReviewActions', () => {
  let fixture: ComponentFixture<ReviewActions>;
  let approvals: (string | undefined)[];
  let rejections: string[];

  beforeEach(async () => {
    fixture = TestBed.createComponent(ReviewActions);
    approvals = [];
    rejections = [];
    fixture.componentInstance.approved.subscribe((c) => approvals.push(c));
    fixture.componentInstance.rejected.subscribe((r) => rejections.push(r));
    await fixture.whenStable();
  });

  const host = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement>(id: string): T | null =>
    host().querySelector<T>(`[data-testid="${id}"]`);
  const click = async (id: string): Promise<void> => {
    byTestId(id)!.click();
    await fixture.whenStable();
  };
  const type = async (text: string, id = 'reason'): Promise<void> => {
    const box = byTestId<HTMLTextAreaElement>(id)!;
    box.value = text;
    box.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };

  it('asks for confirmation before approving and sends the optional 审核意见', async () => {
    await click('approve');
    expect(approvals).toEqual([]);
    await type('  材料齐全  ', 'comment');
    await click('confirm-approve');
    expect(approvals).toEqual(['材料齐全']);
    expect(rejections).toEqual([]);
    expect(byTestId('approve')).not.toBeNull();
  });

  it('approves without a comment, and cancelling approves nothing', async () => {
    await click('approve');
    host().querySelector<HTMLButtonElement>('form button[type="button"]')!.click();
    await fixture.whenStable();
    expect(approvals).toEqual([]);
    await click('approve');
    await click('confirm-approve');
    expect(approvals).toEqual([undefined]);
  });

  it('offers approving as the filled button and returning as the outlined one, in that order', () => {
    const [approve, reject] = Array.from(host().querySelectorAll('button'));
    expect(approve.dataset['testid']).toBe('approve');
    expect(approve.classList).toContain('mat-mdc-unelevated-button');
    expect(approve.textContent?.trim()).toBe('审核通过');
    expect(reject.dataset['testid']).toBe('reject');
    expect(reject.classList).toContain('mat-mdc-outlined-button');
    expect(reject.textContent?.trim()).toBe('退回');
  });

  it('shows only the decisions the parent allows', async () => {
    fixture.componentRef.setInput('canApprove', false);
    await fixture.whenStable();
    expect(byTestId('approve')).toBeNull();
    expect(byTestId('reject')).not.toBeNull();
  });

  it('asks for a reason before returning and does not return without one', async () => {
    await click('reject');
    expect(byTestId('reason')).not.toBeNull();
    await type('   ');
    await click('confirm-reject');
    expect(rejections).toEqual([]);
    expect(host().textContent).toContain('请填写理由');
  });

  it('returns with the trimmed reason and closes the form', async () => {
    await click('reject');
    await type('  佐证材料缺少盖章页，请补充  ');
    await click('confirm-reject');
    expect(rejections).toEqual(['佐证材料缺少盖章页，请补充']);
    expect(byTestId('reason')).toBeNull();
    expect(byTestId('approve')).not.toBeNull();
  });

  it('labels the field so screen readers announce it', async () => {
    await click('reject');
    const label = host().querySelector('mat-label');
    expect(label?.textContent?.trim()).toBe('退回理由');
  });

  it('uses extension wording in extension mode', async () => {
    fixture.componentRef.setInput('mode', 'extension');
    await fixture.whenStable();
    expect(byTestId('approve')!.textContent?.trim()).toBe('同意延期');
    expect(byTestId('reject')!.textContent?.trim()).toBe('不同意');
    await click('approve');
    expect(approvals).toEqual([undefined]);
  });

  it('disables both buttons while a decision is in flight', async () => {
    fixture.componentRef.setInput('busy', true);
    await fixture.whenStable();
    expect(byTestId<HTMLButtonElement>('approve')!.disabled).toBe(true);
    expect(byTestId<HTMLButtonElement>('reject')!.disabled).toBe(true);
  });
});
