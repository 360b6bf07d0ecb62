import { aTaskDetail } from '../../testing/fixtures';
import { guidance } from './next-step';

describe('guidance (下一步)', () => {
  const lead = 'dep-ndrc';
  const participant = 'dep-mofcom';

  it('tells a lead department with an untouched task to report progress first', () => {
    const g = guidance(
      aTaskDetail({
        status: 'not_started',
        allowedActions: ['report_progress', 'upload_evidence', 'request_extension'],
      }),
      lead,
    );
    expect(g.next).toContain('先报告进展并上传佐证材料，再提交办结');
    expect(g.participant).toBeNull();
  });

  it('asks for evidence before submitting, then says submitting is possible', () => {
    const inProgress = aTaskDetail({
      status: 'in_progress',
      allowedActions: ['report_progress', 'upload_evidence', 'submit'],
    });
    expect(guidance(inProgress, lead).next).toContain('先上传佐证材料，再提交办结');
    const withEvidence = {
      ...inProgress,
      evidence: [
        {
          id: 'e',
          fileName: 'a.pdf',
          mimeType: 'application/pdf',
          size: 1,
          sha256: 'x',
          department: null,
          uploadedBy: '张三',
          createdAt: '2026-11-01T00:00:00Z',
        },
      ],
    };
    expect(guidance(withEvidence, lead).next).toContain('可以提交办结');
  });

  it('explains the participant role and what the participant does', () => {
    const g = guidance(
      aTaskDetail({ status: 'in_progress', allowedActions: ['report_progress', 'upload_evidence'] }),
      participant,
    );
    expect(g.participant).toContain('参与部门');
    expect(g.participant).toContain('国家发展改革委');
    expect(g.next).toContain('报告本部门的落实进展');
  });

  it('guides a reviewer, and says when there is nothing to do', () => {
    expect(
      guidance(aTaskDetail({ status: 'submitted', allowedActions: ['approve', 'return'] }), null).next,
    ).toContain('审核通过');
    expect(guidance(aTaskDetail({ status: 'submitted', allowedActions: [] }), lead).next).toContain(
      '等待督查室审核',
    );
    expect(guidance(aTaskDetail({ status: 'done', allowedActions: [] }), lead).next).toContain('已办结');
  });
});
