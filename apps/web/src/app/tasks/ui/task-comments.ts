import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { TaskCommentDto, TaskDetailDto } from '@duban/domain/contract';
import { errorMessage } from '../../core/api-error';
import { DeskApi } from '../../desk/data-access/desk.api';
import { ZhDateTimePipe } from '../../shared/format.pipes';

export const MAX_COMMENT_LENGTH = 5_000;

/**
 * 督办意见 and replies. Clicking a department inserts its @name (resolved by the API through the registry),
 * so the department is notified; the thread is oldest first, replies indented under what they answer.
 */
@Component({
  selector: 'db-task-comments',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, ZhDateTimePipe],
  template: `
    <ol class="thread" data-testid="comments">
      @for (c of thread(); track c.id) {
        <li [class.reply]="c.replyTo" [class.supervisor]="c.supervisor">
          <div class="meta">
            <strong>{{
              c.supervisor ? '督查室 · ' + c.author : (c.department?.name ?? '') + ' · ' + c.author
            }}</strong>
            <span class="muted">{{ c.createdAt | zhDateTime }}</span>
            @if (c.supervisor && !c.replyTo) {
              <span class="tag">督办意见</span>
            }
          </div>
          <p class="text">{{ c.text }}</p>
          @if (canComment()) {
            <button mat-button type="button" class="reply-btn" (click)="replyTo.set(c)">回复</button>
          }
        </li>
      } @empty {
        <li class="muted empty">暂无督办意见</li>
      }
    </ol>
    @if (canComment()) {
      <form (submit)="$event.preventDefault(); send()" novalidate class="composer">
        @if (replyTo(); as r) {
          <p class="muted">
            回复 {{ r.author }}：「{{ r.text.slice(0, 30) }}」
            <button mat-button type="button" (click)="replyTo.set(null)">取消回复</button>
          </p>
        }
        <mat-form-field class="full-width" subscriptSizing="dynamic">
          <mat-label>{{ supervisor() ? '督办意见' : '回复督查室' }}</mat-label>
          <textarea matInput [formControl]="text" rows="3" data-testid="comment-text"></textarea>
          <mat-hint>输入 &#64;单位名称 提及本任务的责任单位，对方会收到消息</mat-hint>
          @if (text.touched && text.hasError('maxlength')) {
            <mat-error>不能超过 {{ max }} 字</mat-error>
          } @else if (text.touched && text.invalid) {
            <mat-error>请填写内容</mat-error>
          }
        </mat-form-field>
        <div class="row-actions mentions">
          <span class="muted">提及：</span>
          @for (d of departments(); track d.id) {
            <button mat-stroked-button type="button" (click)="mention(d.name)">&#64;{{ d.name }}</button>
          }
        </div>
        @if (error(); as e) {
          <p class="error-text" role="alert" data-testid="comment-error">{{ e }}</p>
        }
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="comment-send">发送</button>
      </form>
    }
  `,
  styles: `
    .thread {
      list-style: none;
      padding: 0;
      margin: 0 0 12px;
    }
    .thread li {
      padding: 8px 0;
      border-bottom: 1px solid #eceff1;
    }
    .thread li.reply {
      margin-left: 24px;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: baseline;
    }
    .tag {
      font-size: 12px;
      color: #0842a0;
      border: 1px solid #0b57d0;
      border-radius: 4px;
      padding: 0 6px;
    }
    .text {
      white-space: pre-wrap;
      margin: 4px 0;
    }
    .full-width {
      width: 100%;
    }
    .mentions {
      margin: 8px 0;
      flex-wrap: wrap;
    }
    .error-text {
      color: #b3261e;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskComments {
  private readonly api = inject(DeskApi);
  readonly task = input.required<TaskDetailDto>();
  readonly canComment = input(false);
  readonly supervisor = input(false);
  readonly posted = output<void>();

  protected readonly max = MAX_COMMENT_LENGTH;
  protected readonly replyTo = signal<TaskCommentDto | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly text = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(MAX_COMMENT_LENGTH)],
  });
  protected readonly departments = computed(() => [...this.task().lead, ...this.task().participants]);

  /** Replies right under the comment they answer, in time order. */
  protected readonly thread = computed(() => {
    const all = this.task().comments;
    const roots = all.filter((c) => !c.replyTo || !all.some((p) => p.id === c.replyTo));
    return roots.flatMap((root) => [root, ...all.filter((c) => c.replyTo === root.id)]);
  });

  protected mention(name: string): void {
    const current = this.text.value;
    this.text.setValue(`${current}${current && !current.endsWith(' ') ? ' ' : ''}@${name} `);
  }

  protected async send(): Promise<void> {
    if (this.text.invalid) {
      this.text.markAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.api.comment(this.task().id, {
        text: this.text.value.trim(),
        replyTo: this.replyTo()?.id ?? null,
      });
      this.text.reset();
      this.replyTo.set(null);
      this.posted.emit();
    } catch (err) {
      this.error.set(errorMessage(err, '发送失败'));
    } finally {
      this.busy.set(false);
    }
  }
}
