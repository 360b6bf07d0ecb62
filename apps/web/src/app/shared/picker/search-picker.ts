import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { filterGroups, PickerOption } from './picker-options';

let nextId = 0;

/**
 * A searchable, grouped picker (mat-autocomplete) for long lists such as 163 departments: type any part
 * of a name, alias or 文号 to narrow it. Options wrap instead of overlapping (styles.scss, .db-picker-panel).
 * `value` is the chosen id (null = all); `changed` emits the new id.
 */
@Component({
  selector: 'db-search-picker',
  imports: [MatAutocompleteModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field subscriptSizing="dynamic" class="picker">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        type="text"
        [id]="inputId"
        [value]="shown()"
        (input)="onType($any($event.target).value)"
        (focus)="query.set('')"
        [matAutocomplete]="auto"
        [placeholder]="placeholder()"
        [attr.data-testid]="testId()"
      />
      @if (value()) {
        <button
          matIconSuffix
          mat-icon-button
          type="button"
          [attr.aria-label]="'清除' + label()"
          (click)="choose(null)"
        >
          ×
        </button>
      }
      <mat-autocomplete
        #auto="matAutocomplete"
        class="db-picker-panel"
        (optionSelected)="onSelected($event)"
        (closed)="query.set(null)"
        hideSingleSelectionIndicator
      >
        @if (allLabel(); as all) {
          <mat-option [value]="null">{{ all }}</mat-option>
        }
        @for (g of groups(); track g.name) {
          <mat-optgroup [label]="g.name + '（' + g.options.length + '）'">
            @for (o of g.options; track o.id) {
              <mat-option [value]="o.id">
                {{ o.label }}
                @if (o.hint) {
                  <span class="db-picker-hint">{{ o.hint }}</span>
                }
              </mat-option>
            }
          </mat-optgroup>
        } @empty {
          <mat-option disabled>没有匹配的{{ label() }}</mat-option>
        }
      </mat-autocomplete>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: inline-block;
    }
    .picker {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchPicker {
  readonly label = input.required<string>();
  readonly options = input.required<PickerOption[]>();
  readonly value = input<string | null>(null);
  /** The first option, meaning "no filter"; empty for a required choice. */
  readonly allLabel = input<string>('');
  readonly placeholder = input('输入名称查找');
  readonly testId = input<string | null>(null);
  readonly changed = output<string | null>();

  protected readonly inputId = `db-picker-${nextId++}`;
  /**
   * What the user typed while the panel is open; null shows the chosen option's name. Reset when the panel
   * closes, not on blur: pressing an option blurs the input first, and re-filtering the list then moved the
   * option away from under the pointer, so the click chose nothing (a first click "dropped" on a busy machine).
   */
  protected readonly query = signal<string | null>(null);
  private readonly chosenLabel = computed(
    () => this.options().find((o) => o.id === this.value())?.label ?? '',
  );
  protected readonly shown = computed(() => this.query() ?? this.chosenLabel());
  protected readonly groups = computed(() => filterGroups(this.options(), this.query() ?? ''));

  protected onType(text: string): void {
    this.query.set(text);
  }

  protected onSelected(event: MatAutocompleteSelectedEvent): void {
    this.choose(event.option.value as string | null);
  }

  protected choose(id: string | null): void {
    this.query.set(null);
    if (id !== this.value()) this.changed.emit(id);
  }
}
