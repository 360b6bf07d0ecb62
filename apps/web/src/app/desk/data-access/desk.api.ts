import { HttpClient, HttpEvent } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ChangeDepartmentsRequestDto,
  CreateCommentRequestDto,
  CreateTaskRequestDto,
  EditDeadlineRequestDto,
  IntakePreviewDto,
  IntakeResultDto,
  SplitTaskRequestDto,
  SplitTaskResultDto,
  TaskCommentDto,
  TaskDetailDto,
  TerminateTaskRequestDto,
  WorkingDaysDto,
} from '@duban/domain/contract';
import { firstValueFrom, Observable } from 'rxjs';
import { downloadBlob } from '../../shared/download';

function ifMatch(version: number): { headers: Record<string, string> } {
  return { headers: { 'If-Match': String(version) } };
}

/** The 督查室's desk routes: 立项, 台账 import, edits with audit, comments. */
@Injectable({ providedIn: 'root' })
export class DeskApi {
  private readonly http = inject(HttpClient);

  /** The day ending 「N个工作日内」 counted from `from` (法定节假日 and 调休 from the working-day calendar). */
  workingDays(from: string, days: number): Promise<WorkingDaysDto> {
    return firstValueFrom(
      this.http.get<WorkingDaysDto>('/api/calendar/working-days', { params: { from, days } }),
    );
  }

  create(body: CreateTaskRequestDto): Promise<TaskDetailDto> {
    return firstValueFrom(this.http.post<TaskDetailDto>('/api/tasks', body));
  }

  editDeadline(id: string, version: number, body: EditDeadlineRequestDto): Promise<TaskDetailDto> {
    return firstValueFrom(this.http.post<TaskDetailDto>(`/api/tasks/${id}/deadline`, body, ifMatch(version)));
  }

  changeDepartments(id: string, version: number, body: ChangeDepartmentsRequestDto): Promise<TaskDetailDto> {
    return firstValueFrom(
      this.http.post<TaskDetailDto>(`/api/tasks/${id}/departments`, body, ifMatch(version)),
    );
  }

  split(id: string, version: number, body: SplitTaskRequestDto): Promise<SplitTaskResultDto> {
    return firstValueFrom(
      this.http.post<SplitTaskResultDto>(`/api/tasks/${id}/split`, body, ifMatch(version)),
    );
  }

  terminate(id: string, version: number, body: TerminateTaskRequestDto): Promise<TaskDetailDto> {
    return firstValueFrom(
      this.http.post<TaskDetailDto>(`/api/tasks/${id}/terminate`, body, ifMatch(version)),
    );
  }

  comment(id: string, body: CreateCommentRequestDto): Promise<TaskCommentDto[]> {
    return firstValueFrom(this.http.post<TaskCommentDto[]>(`/api/tasks/${id}/comments`, body));
  }

  downloadTemplate(): Promise<void> {
    return downloadBlob(this.http, '/api/intake/template.xlsx', '督办台账模板.xlsx');
  }

  uploadLedger(file: File): Observable<HttpEvent<IntakePreviewDto>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<IntakePreviewDto>('/api/intake', body, { reportProgress: true, observe: 'events' });
  }

  commitLedger(id: string): Promise<IntakeResultDto> {
    return firstValueFrom(this.http.post<IntakeResultDto>(`/api/intake/${id}/commit`, {}));
  }
}
