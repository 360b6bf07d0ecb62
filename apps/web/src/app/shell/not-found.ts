import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'db-not-found',
  imports: [RouterLink],
  template: `
    <section class="page">
      <h1>{{ forbidden() ? '无权访问' : '页面不存在' }}</h1>
      <p>{{ forbidden() ? '您的角色不能打开此页面。' : '您访问的页面不存在。' }}</p>
      <a routerLink="/">返回首页</a>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {
  readonly forbidden = input(false);
}
