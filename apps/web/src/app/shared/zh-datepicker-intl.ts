import { Injectable, Provider } from '@angular/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';

/** The datepicker's buttons and their screen-reader labels in Chinese (the default is English). */
@Injectable()
export class ZhDatepickerIntl extends MatDatepickerIntl {
  override calendarLabel = '日历';
  override openCalendarLabel = '打开日历';
  override closeCalendarLabel = '关闭日历';
  override prevMonthLabel = '上个月';
  override nextMonthLabel = '下个月';
  override prevYearLabel = '上一年';
  override nextYearLabel = '下一年';
  override prevMultiYearLabel = '前 24 年';
  override nextMultiYearLabel = '后 24 年';
  override switchToMonthViewLabel = '选择日期';
  override switchToMultiYearViewLabel = '选择年份和月份';
  override startDateLabel = '开始日期';
  override endDateLabel = '结束日期';
  override comparisonDateLabel = '对比日期';
  override formatYearRange(start: string, end: string): string {
    return `${start} – ${end}`;
  }
  override formatYearRangeLabel(start: string, end: string): string {
    return `${start} 至 ${end}`;
  }
}

/**
 * Provided by the screens that show a datepicker (lazy chunks), not in app.config: importing
 * MatDatepickerIntl there would pull the whole datepicker into the initial bundle.
 */
export function provideZhDatepickerIntl(): Provider {
  return { provide: MatDatepickerIntl, useClass: ZhDatepickerIntl };
}
