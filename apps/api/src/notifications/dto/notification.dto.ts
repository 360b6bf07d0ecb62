import {
  DIGEST_MODES,
  NOTIFICATION_CATEGORIES,
  type DigestMode,
  type NotificationCategory,
} from '@duban/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { MAX_PAGE } from '../../infra/http/paging.decorators';

export class NotificationListQuery {
  @ApiPropertyOptional({ description: 'Only unread ones' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;

  @ApiPropertyOptional({
    enum: NOTIFICATION_CATEGORIES,
    description: 'Only this inbox tab (催办 审核 延期 退回 其他)',
  })
  @IsOptional()
  @IsIn(NOTIFICATION_CATEGORIES, {
    message:
      'category 须为 reminder（催办）、review（审核）、extension（延期）、returned（退回）或 other（其他）',
  })
  category?: NotificationCategory;

  @ApiPropertyOptional({ enum: ['task'], description: 'One card per task instead of one row per message' })
  @IsOptional()
  @IsIn(['task'], { message: 'groupBy 只能为 task（按任务分组）' })
  groupBy?: 'task';

  @ApiPropertyOptional({ description: "Only this task's messages (a card's history)" })
  @IsOptional()
  @IsUUID('all', { message: 'taskId 须为任务编号（UUID）' })
  taskId?: string;
}

export class NotificationReadAllQuery {
  @ApiPropertyOptional({ enum: NOTIFICATION_CATEGORIES, description: 'Only this inbox tab' })
  @IsOptional()
  @IsIn(NOTIFICATION_CATEGORIES, {
    message:
      'category 须为 reminder（催办）、review（审核）、extension（延期）、returned（退回）或 other（其他）',
  })
  category?: NotificationCategory;
}

export class DigestPreferenceBody {
  @ApiProperty({
    enum: DIGEST_MODES,
    description: 'none: each 催办 e-mail at once; daily: one digest e-mail a day',
  })
  @IsIn(DIGEST_MODES, { message: 'digest 须为 none（逐条发送）或 daily（每日汇总）' })
  digest!: DigestMode;
}

export class NotificationPreferencesBody {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  inbox?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  email?: boolean;
}

export class CreateWebhookBody {
  @IsUUID()
  departmentId!: string;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url!: string;

  @IsString()
  @MinLength(16)
  @MaxLength(200)
  secret!: string;
}
