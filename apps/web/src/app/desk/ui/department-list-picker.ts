import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { PickerOption } from '../../shared/picker/picker-options';
import { SearchPicker } from '../../shared/picker/search-picker';

/**
 * Several departments from the registry: the shared search picker adds one at a time, the chosen ones are
 * listed as removable chips in order (the first lead is named first in notices and lists).
 */
@Component({
  selector: 'db-department-list-picker',
  imports: [MatButtonModule, SearchPicker],
  template: `
    <div class="picked" role="list" [attr.aria-label]="label()">
      @for (id of value(); track id) {
        <span class="chip" role="listitem">
          {{ nameOf(id) }}
          <button type="button" class="remove" [attr.aria-label]="'移除' + nameOf(id)" (click)="remove(id)">
            ×
          </button>
        </span>
      } @empty {
        <span class="muted">{{ emptyText() }}</span>
      }
    </div>
    <db-search-picker
      [label]="label()"
      [options]="available()"
      [value]="null"
      placeholder="输入单位名称、简称或拼音首字母"
      [testId]="testId()"
      (changed)="add($event)"
    />
  `,
  styles: `
    :host {
      display: block;
    }
    .picked {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin-bottom: 6px;
      min-height: 28px;
      align-items: center;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 2px;
      padding: 2px 4px 2px 10px;
      border-radius: 14px;
      background: #e8eef7;
      font-size: 14px;
    }
    .remove {
      border: 0;
      background: transparent;
      cursor: pointer;
      font-size: 16px;
      line-height: 1;
      padding: 2px 6px;
    }
    db-search-picker {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentListPicker {
  readonly label = input.required<string>();
  readonly options = input.required<PickerOption[]>();
  readonly value = input<string[]>([]);
  /** Ids chosen elsewhere (e.g. as lead) that this list must not offer. */
  readonly exclude = input<string[]>([]);
  readonly emptyText = input('尚未选择');
  readonly testId = input<string | null>(null);
  readonly changed = output<string[]>();

  protected readonly available = computed(() => {
    const taken = new Set([...this.value(), ...this.exclude()]);
    return this.options().filter((o) => !taken.has(o.id));
  });

  protected nameOf(id: string): string {
    return this.options().find((o) => o.id === id)?.label ?? id;
  }

  protected add(id: string | null): void {
    if (id && !this.value().includes(id)) this.changed.emit([...this.value(), id]);
  }

  protected remove(id: string): void {
    this.changed.emit(this.value().filter((v) => v !== id));
  }
}
