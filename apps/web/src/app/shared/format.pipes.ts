import { Pipe, PipeTransform } from '@angular/core';
import { formatDate, formatDateTime } from './format';

@Pipe({ name: 'zhDate' })
export class ZhDatePipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return formatDate(value);
  }
}

@Pipe({ name: 'zhDateTime' })
export class ZhDateTimePipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return formatDateTime(value);
  }
}
