import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { EvidenceDto } from '@duban/domain/contract';
import { EvidenceUpload, MAX_EVIDENCE_BYTES, validateEvidence } from './evidence-upload';

function fileOf(name: string, size: number, type = 'application/pdf'): File {
  const file = new File(['x'], name, { type });
  // jsdom computes size from the parts; a 20 MB buffer per test would be wasteful.
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

function drop(el: Element, files: File[]): void {
  const event = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { files, dropEffect: 'none' } });
  el.dispatchEvent(event);
}

const evidence: EvidenceDto = {
  id: 'ev-1',
  fileName: '落实情况.pdf',
  mimeType: 'application/pdf',
  size: 2048,
  sha256: 'abc',
  department: { id: 'dep-ndrc', name: '国家发展改革委' },
  uploadedBy: '张三',
  createdAt: '2026-11-22T01:00:00Z',
};

describe('EvidenceUpload', () => {
  let fixture: ComponentFixture<EvidenceUpload>;
  let http: HttpTestingController;
  let emitted: EvidenceDto[];

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    fixture = TestBed.createComponent(EvidenceUpload);
    fixture.componentRef.setInput('taskId', 'task-7');
    emitted = [];
    fixture.componentInstance.uploaded.subscribe((e) => emitted.push(e));
    http = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const host = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const zone = (): Element => host().querySelector('[data-testid="evidence-drop"]')!;
  const alertText = (): string => host().querySelector('[role="alert"]')?.textContent?.trim() ?? '';

  it('uploads a dropped file as multipart "file", showing progress, then reports it', async () => {
    drop(zone(), [fileOf('落实情况.pdf', 2048)]);
    await fixture.whenStable();
    const req = http.expectOne('/api/tasks/task-7/evidence');
    expect(req.request.method).toBe('POST');
    const body = req.request.body as FormData;
    expect((body.get('file') as File).name).toBe('落实情况.pdf');
    expect(req.request.reportProgress).toBe(true);

    req.event({ type: HttpEventType.UploadProgress, loaded: 1024, total: 2048 });
    await fixture.whenStable();
    expect(host().textContent).toContain('正在上传 落实情况.pdf：50%');
    const bar = host().querySelector('mat-progress-bar');
    expect(bar?.getAttribute('aria-valuenow')).toBe('50');

    req.flush(evidence);
    await fixture.whenStable();
    expect(emitted).toEqual([evidence]);
    expect(host().textContent).toContain('已上传：落实情况.pdf');
    expect(host().querySelector('mat-progress-bar')).toBeNull();
  });

  it('refuses a file that is too big before sending anything', async () => {
    drop(zone(), [fileOf('扫描件.pdf', MAX_EVIDENCE_BYTES + 1)]);
    await fixture.whenStable();
    http.expectNone('/api/tasks/task-7/evidence');
    expect(alertText()).toContain('文件太大');
    expect(alertText()).toContain('20.0 MB');
    expect(emitted).toEqual([]);
  });

  it('refuses a file of the wrong type before sending anything', async () => {
    drop(zone(), [fileOf('setup.exe', 100, 'application/octet-stream')]);
    await fixture.whenStable();
    http.expectNone('/api/tasks/task-7/evidence');
    expect(alertText()).toContain('不支持的文件类型“.exe”');
  });

  it('refuses several files at once', async () => {
    drop(zone(), [fileOf('a.pdf', 10), fileOf('b.pdf', 10)]);
    await fixture.whenStable();
    http.expectNone('/api/tasks/task-7/evidence');
    expect(alertText()).toBe('一次只能上传一个文件');
  });

  it('shows the server message when the API rejects the content type (415)', async () => {
    drop(zone(), [fileOf('伪装.pdf', 100)]);
    await fixture.whenStable();
    http.expectOne('/api/tasks/task-7/evidence').flush(
      {
        statusCode: 415,
        code: 'EVIDENCE_TYPE_NOT_ALLOWED',
        message: '文件内容不是允许的类型（PDF、Word、Excel、图片或文本）',
      },
      { status: 415, statusText: 'Unsupported Media Type' },
    );
    await fixture.whenStable();
    expect(alertText()).toBe('文件内容不是允许的类型（PDF、Word、Excel、图片或文本）');
    expect(emitted).toEqual([]);
  });

  it('explains a 413 even without a message body', async () => {
    drop(zone(), [fileOf('大文件.pdf', 100)]);
    await fixture.whenStable();
    http
      .expectOne('/api/tasks/task-7/evidence')
      .flush(null, { status: 413, statusText: 'Payload Too Large' });
    await fixture.whenStable();
    expect(alertText()).toContain('文件太大');
  });

  it('highlights the drop zone while a file is dragged over it', async () => {
    const over = new Event('dragover', { bubbles: true, cancelable: true });
    Object.defineProperty(over, 'dataTransfer', { value: { dropEffect: 'none' } });
    zone().dispatchEvent(over);
    await fixture.whenStable();
    expect(over.defaultPrevented).toBe(true);
    expect(zone().classList).toContain('dragging');
    zone().dispatchEvent(new Event('dragleave'));
    await fixture.whenStable();
    expect(zone().classList).not.toContain('dragging');
  });

  it('uploads a file chosen with the keyboard-reachable picker', async () => {
    const input = host().querySelector<HTMLInputElement>('[data-testid="evidence-input"]')!;
    Object.defineProperty(input, 'files', {
      value: [fileOf('照片.JPG', 500, 'image/jpeg')],
      configurable: true,
    });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    http.expectOne('/api/tasks/task-7/evidence').flush({ ...evidence, fileName: '照片.JPG' });
    await fixture.whenStable();
    expect(emitted.map((e) => e.fileName)).toEqual(['照片.JPG']);
  });
});

describe('validateEvidence', () => {
  it.each([
    ['报告.pdf', 10, null],
    ['台账.XLSX', 10, null],
    ['说明.docx', 10, null],
    ['旧格式.doc', 10, 'type'],
    ['无扩展名', 10, 'type'],
    ['空.txt', 0, 'empty'],
  ] as const)('%s (%i bytes) → %s', (name, size, expected) => {
    const result = validateEvidence(fileOf(name, size));
    if (expected === null) expect(result).toBeNull();
    else if (expected === 'type') expect(result).toContain('不支持的文件类型');
    else expect(result).toContain('文件为空');
  });
});
