import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateDepartmentRequestDto,
  DepartmentDto,
  DepartmentUsageDto,
  DirectoryImportResultDto,
  MergeDepartmentResultDto,
  UpdateDepartmentRequestDto,
} from '@duban/domain/contract';
import { firstValueFrom } from 'rxjs';

/** The admins' department routes (POST/PATCH /api/departments, usage, merge). */
@Injectable({ providedIn: 'root' })
export class DepartmentsApi {
  private readonly http = inject(HttpClient);

  create(body: CreateDepartmentRequestDto): Promise<DepartmentDto> {
    return firstValueFrom(this.http.post<DepartmentDto>('/api/departments', body));
  }

  update(id: string, body: UpdateDepartmentRequestDto): Promise<DepartmentDto> {
    return firstValueFrom(this.http.patch<DepartmentDto>(`/api/departments/${encodeURIComponent(id)}`, body));
  }

  usage(id: string): Promise<DepartmentUsageDto> {
    return firstValueFrom(
      this.http.get<DepartmentUsageDto>(`/api/departments/${encodeURIComponent(id)}/usage`),
    );
  }

  /** A directory file (.xlsx/CSV): the rows with their errors; written only with `commit` and no error. */
  importDirectory(file: File, commit: boolean): Promise<DirectoryImportResultDto> {
    const form = new FormData();
    form.append('file', file, file.name);
    const params: Record<string, string> = commit ? { commit: 'true' } : {};
    return firstValueFrom(
      this.http.post<DirectoryImportResultDto>('/api/departments/import', form, { params }),
    );
  }

  merge(id: string, into: string): Promise<MergeDepartmentResultDto> {
    return firstValueFrom(
      this.http.post<MergeDepartmentResultDto>(`/api/departments/${encodeURIComponent(id)}/merge`, { into }),
    );
  }
}

/** 「市发改委、市发展改革委」 or 「市发改委,市发展改革委」 → the list of short names. */
export function parseAliases(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、,，;；\n]+/)
        .map((a) => a.trim())
        .filter(Boolean),
    ),
  ];
}

/** Units a merge may go into: not the unit itself, not collective, not merged away already. */
export function mergeTargets(all: readonly DepartmentDto[], source: DepartmentDto): DepartmentDto[] {
  return all.filter((d) => d.id !== source.id && !d.collective && !d.successor);
}
