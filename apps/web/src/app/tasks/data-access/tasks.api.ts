import { HttpClient, HttpEvent, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  DepartmentDto,
  EvidenceDto,
  ExtensionDto,
  PageDto,
  PolicyDocumentDto,
  ProgressReportDto,
  TaskDetailDto,
  TaskListQueryDto,
  TaskSummaryDto,
  UserRefDto,
} from '@duban/domain/contract';
import { firstValueFrom, Observable } from 'rxjs';
import { downloadBlob } from '../../shared/download';

export function toParams(query: TaskListQueryDto): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query) as [
    string,
    string | number | boolean | undefined | null,
  ][]) {
    if (value === undefined || value === null || value === '') continue;
    params = params.set(key, String(value));
  }
  return params;
}

function ifMatch(version: number | undefined): Record<string, string> {
  return version === undefined ? {} : { 'If-Match': String(version) };
}

/** Thin typed wrapper over the task routes of the API contract. */
@Injectable({ providedIn: 'root' })
export class TasksApi {
  private readonly http = inject(HttpClient);

  list(query: TaskListQueryDto): Promise<PageDto<TaskSummaryDto>> {
    return firstValueFrom(this.http.get<PageDto<TaskSummaryDto>>('/api/tasks', { params: toParams(query) }));
  }

  get(id: string): Promise<TaskDetailDto> {
    return firstValueFrom(this.http.get<TaskDetailDto>(`/api/tasks/${encodeURIComponent(id)}`));
  }

  documents(): Promise<PolicyDocumentDto[]> {
    return firstValueFrom(this.http.get<PolicyDocumentDto[]>('/api/documents'));
  }

  departments(): Promise<DepartmentDto[]> {
    return firstValueFrom(this.http.get<DepartmentDto[]>('/api/departments'));
  }

  reportProgress(id: string, text: string): Promise<ProgressReportDto> {
    return firstValueFrom(this.http.post<ProgressReportDto>(`/api/tasks/${id}/progress`, { text }));
  }

  uploadEvidence(id: string, file: File): Observable<HttpEvent<EvidenceDto>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<EvidenceDto>(`/api/tasks/${id}/evidence`, body, {
      reportProgress: true,
      observe: 'events',
    });
  }

  deleteEvidence(evidence: EvidenceDto): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/evidence/${evidence.id}`));
  }

  downloadEvidence(evidence: EvidenceDto): Promise<void> {
    return downloadBlob(this.http, `/api/evidence/${evidence.id}`, evidence.fileName);
  }

  submit(id: string, summary: string, version: number): Promise<TaskDetailDto> {
    return firstValueFrom(
      this.http.post<TaskDetailDto>(
        `/api/tasks/${id}/submit`,
        { summary },
        { headers: { 'If-Match': String(version) } },
      ),
    );
  }

  /** With the version the reviewer saw, so a decision on a task changed meanwhile is refused (409). */
  approve(id: string, version?: number, comment?: string): Promise<unknown> {
    return firstValueFrom(
      this.http.post(`/api/tasks/${id}/approve`, comment ? { comment } : {}, { headers: ifMatch(version) }),
    );
  }

  returnTask(id: string, reason: string, version?: number): Promise<unknown> {
    return firstValueFrom(
      this.http.post(`/api/tasks/${id}/return`, { reason }, { headers: ifMatch(version) }),
    );
  }

  requestExtension(id: string, reason: string, requestedDeadline: string): Promise<ExtensionDto> {
    return firstValueFrom(
      this.http.post<ExtensionDto>(`/api/tasks/${id}/extension`, { reason, requestedDeadline }),
    );
  }

  decideExtension(extensionId: string, decision: 'grant' | 'refuse', reason?: string): Promise<unknown> {
    return firstValueFrom(
      this.http.post(`/api/extensions/${extensionId}/${decision}`, reason ? { reason } : {}),
    );
  }

  /** Ticks (or unticks) one 工作清单 item; answers the task as it now is. */
  tickChecklistItem(id: string, index: number, done: boolean, version: number): Promise<TaskDetailDto> {
    return firstValueFrom(
      this.http.put<TaskDetailDto>(
        `/api/tasks/${id}/checklist/${index}`,
        { done },
        { headers: ifMatch(version) },
      ),
    );
  }

  /** 签收 (idempotent: a task already signed off answers as it is). */
  acknowledge(id: string, version: number): Promise<TaskDetailDto> {
    return firstValueFrom(
      this.http.post<TaskDetailDto>(`/api/tasks/${id}/acknowledge`, null, { headers: ifMatch(version) }),
    );
  }

  assigneeCandidates(id: string): Promise<UserRefDto[]> {
    return firstValueFrom(this.http.get<UserRefDto[]>(`/api/tasks/${id}/assignee-candidates`));
  }

  nameAssignee(id: string, userId: string | null, version: number): Promise<TaskDetailDto> {
    return firstValueFrom(
      this.http.put<TaskDetailDto>(`/api/tasks/${id}/assignee`, { userId }, { headers: ifMatch(version) }),
    );
  }

  changeMainLead(id: string, departmentId: string, version: number): Promise<TaskDetailDto> {
    return firstValueFrom(
      this.http.put<TaskDetailDto>(
        `/api/tasks/${id}/main-lead`,
        { departmentId },
        { headers: ifMatch(version) },
      ),
    );
  }

  exportXlsx(query: TaskListQueryDto): Promise<void> {
    const { page: _page, pageSize: _pageSize, ...filters } = query;
    return downloadBlob(this.http, '/api/export/tasks.xlsx', '督办任务.xlsx', toParams(filters));
  }
}
