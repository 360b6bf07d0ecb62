import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  OnInit,
  signal,
  type Signal,
} from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  emailProblem,
  MIN_PASSWORD_LENGTH,
  passwordProblem,
  personRoleLabel,
  phoneProblem,
} from '@duban/domain/contract';
import { errorMessage } from '../core/api-error';
import { Session } from '../core/session';
import { NotificationSection } from './notification-section';

type FormId = 'contact' | 'password';
type Message = { ok: boolean; text: string };

interface SettingsField {
  control: string;
  testId: string;
  label: string;
  type: 'email' | 'tel' | 'password';
  autocomplete: string;
  hint?: string;
}

interface SettingsForm {
  id: FormId;
  title: string;
  group: FormGroup;
  fields: SettingsField[];
  save: string;
  saveTestId: string;
  message: Signal<Message | null>;
}

/**
 * 个人设置, for every role: who I am (name, role and department are the admin's), my e-mail and phone,
 * my password, my notification channels.
 */
@Component({
  selector: 'db-settings',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, NotificationSection],
  template: `
    <section class="page settings">
      <h1>个人设置</h1>
      @if (user(); as u) {
        <section class="card" aria-labelledby="s-account">
          <h2 id="s-account">账号</h2>
          <dl class="facts">
            <dt>姓名</dt>
            <dd>{{ u.displayName }}</dd>
            <dt>用户名</dt>
            <dd>{{ u.username }}</dd>
            <dt>角色</dt>
            <dd>{{ roleLabel() }}</dd>
            @if (u.department) {
              <dt>所属部门</dt>
              <dd>{{ u.department.name }}</dd>
            }
          </dl>
          <p class="muted">姓名、角色和所属部门由系统管理员维护，如有变动请联系管理员。</p>
        </section>
      }

      @for (f of forms; track f.id) {
        <section class="card" [attr.aria-labelledby]="'s-' + f.id">
          <h2 [id]="'s-' + f.id">{{ f.title }}</h2>
          <form [formGroup]="f.group" #form="ngForm" (ngSubmit)="submit(f.id, form)" class="row" novalidate>
            @if (f.id === 'password') {
              <!-- For password managers: which account the new password is for. -->
              <input
                type="text"
                name="username"
                autocomplete="username"
                [value]="user()?.username ?? ''"
                hidden
              />
            }
            @for (field of f.fields; track field.control) {
              <mat-form-field>
                <mat-label>{{ field.label }}</mat-label>
                <input
                  matInput
                  [type]="field.type"
                  [formControlName]="field.control"
                  [attr.autocomplete]="field.autocomplete"
                  [attr.data-testid]="field.testId"
                />
                @if (field.hint) {
                  <mat-hint>{{ field.hint }}</mat-hint>
                }
              </mat-form-field>
            }
            <div class="submit">
              <button
                mat-flat-button
                type="submit"
                [disabled]="busy() === f.id"
                [attr.data-testid]="f.saveTestId"
              >
                {{ f.save }}
              </button>
            </div>
          </form>
          @if (f.message(); as m) {
            <p [class]="m.ok ? 'msg' : 'error-text'" [attr.role]="m.ok ? 'status' : 'alert'">{{ m.text }}</p>
          }
        </section>
      }

      <section class="card" aria-labelledby="s-notify">
        <h2 id="s-notify">通知</h2>
        <db-notification-section />
      </section>
    </section>
  `,
  styles: `
    .settings {
      max-width: 880px;
    }
    h1 {
      font-size: 22px;
      margin: 0 0 12px;
    }
    .card {
      background: #fff;
      border: 1px solid #e0e3e7;
      border-radius: 8px;
      padding: 12px 16px;
      margin-bottom: 16px;
    }
    h2 {
      font-size: 16px;
      margin: 0 0 12px;
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 6px 16px;
      margin: 0 0 8px;
    }
    dt {
      color: #5f6368;
    }
    dd {
      margin: 0;
    }
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      gap: 4px 16px;
      align-items: start;
    }
    .submit {
      grid-column: 1 / -1;
    }
    .muted {
      color: #5f6368;
      font-size: 13px;
      margin: 0;
    }
    .msg {
      font-weight: 600;
    }
    .error-text {
      color: #b3261e;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SettingsPage implements OnInit {
  private readonly session = inject(Session);

  protected readonly user = this.session.user;
  protected readonly roleLabel = computed(() => {
    const u = this.user();
    return u ? personRoleLabel(u.role, u.isHead) : '';
  });
  protected readonly contact = new FormGroup({
    email: new FormControl(this.user()?.email ?? '', { nonNullable: true }),
    phone: new FormControl(this.user()?.phone ?? '', { nonNullable: true }),
  });
  protected readonly password = new FormGroup({
    current: new FormControl('', { nonNullable: true }),
    next: new FormControl('', { nonNullable: true }),
    repeat: new FormControl('', { nonNullable: true }),
  });
  protected readonly busy = signal<FormId | null>(null);
  private readonly contactMessage = signal<Message | null>(null);
  private readonly passwordMessage = signal<Message | null>(null);
  /** The two forms, drawn alike: a card, its fields in a row, the save button, the outcome below. */
  protected readonly forms: SettingsForm[] = [
    {
      id: 'contact',
      title: '联系方式',
      group: this.contact,
      fields: [
        {
          control: 'email',
          testId: 'settings-email',
          label: '邮箱',
          type: 'email',
          autocomplete: 'email',
          hint: '接收通知邮件；留空表示不填',
        },
        { control: 'phone', testId: 'settings-phone', label: '手机', type: 'tel', autocomplete: 'tel' },
      ],
      save: '保存联系方式',
      saveTestId: 'settings-contact-save',
      message: this.contactMessage,
    },
    {
      id: 'password',
      title: '修改密码',
      group: this.password,
      fields: [
        {
          control: 'current',
          testId: 'settings-current',
          label: '当前密码',
          type: 'password',
          autocomplete: 'current-password',
        },
        {
          control: 'next',
          testId: 'settings-next',
          label: '新密码',
          type: 'password',
          autocomplete: 'new-password',
          hint: `至少 ${MIN_PASSWORD_LENGTH} 个字符，两类字符，不含用户名`,
        },
        {
          control: 'repeat',
          testId: 'settings-repeat',
          label: '再次输入新密码',
          type: 'password',
          autocomplete: 'new-password',
        },
      ],
      save: '修改密码',
      saveTestId: 'settings-password-save',
      message: this.passwordMessage,
    },
  ];

  ngOnInit(): void {
    // The stored copy may predate an admin's edit (or this version's e-mail and phone fields).
    // Never over what the person has begun typing.
    this.session.refresh().then(
      (u) => {
        if (this.contact.pristine) this.contact.reset({ email: u.email ?? '', phone: u.phone ?? '' });
      },
      () => undefined,
    );
  }

  protected submit(id: FormId, directive: FormGroupDirective): Promise<void> {
    return id === 'contact' ? this.saveContact() : this.changePassword(directive);
  }

  private async saveContact(): Promise<void> {
    const { email, phone } = this.contact.getRawValue();
    const problem = emailProblem(email.trim()) ?? phoneProblem(phone.trim());
    if (problem) return this.contactMessage.set({ ok: false, text: problem });
    this.busy.set('contact');
    try {
      const u = await this.session.updateContact({
        email: email.trim() || null,
        phone: phone.trim() || null,
      });
      this.contact.reset({ email: u.email ?? '', phone: u.phone ?? '' });
      this.contactMessage.set({ ok: true, text: '联系方式已保存' });
    } catch (err) {
      this.contactMessage.set({ ok: false, text: errorMessage(err, '保存失败，请稍后重试。') });
    } finally {
      this.busy.set(null);
    }
  }

  private async changePassword(directive: FormGroupDirective): Promise<void> {
    const { current, next, repeat } = this.password.getRawValue();
    const problem = !current
      ? '请输入当前密码。'
      : (passwordProblem(next, { username: this.user()?.username ?? '', current }) ??
        (next !== repeat ? '两次输入的新密码不一致。' : null));
    if (problem) return this.passwordMessage.set({ ok: false, text: problem });
    this.busy.set('password');
    try {
      await this.session.changePassword(current, next);
      directive.resetForm();
      this.passwordMessage.set({ ok: true, text: '密码已修改，其他设备上的登录已失效。' });
    } catch (err) {
      this.passwordMessage.set({ ok: false, text: errorMessage(err, '修改密码失败，请稍后重试。') });
    } finally {
      this.busy.set(null);
    }
  }
}
