import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** Every state-changing body may carry the version it was based on (alternative to If-Match). */
class VersionedCommand {
  @IsOptional() @IsInt() @Min(1) version?: number;
}

export class ProgressReportCommand extends VersionedCommand {
  @Transform(trim) @IsString() @IsNotEmpty({ message: 'text 不能为空' }) @MaxLength(10_000) text!: string;
}

export class SubmitCommand extends VersionedCommand {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'summary 不能为空' })
  @MaxLength(10_000)
  summary!: string;
}

export class ApproveCommand extends VersionedCommand {
  @IsOptional() @Transform(trim) @IsString() @MaxLength(2_000) comment?: string;
}

export class ReturnCommand extends VersionedCommand {
  @Transform(trim) @IsString() @IsNotEmpty({ message: 'reason 不能为空' }) @MaxLength(2_000) reason!: string;
}

export class ExtensionRequestCommand extends VersionedCommand {
  @Transform(trim) @IsString() @IsNotEmpty({ message: 'reason 不能为空' }) @MaxLength(2_000) reason!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'requestedDeadline must be YYYY-MM-DD' })
  requestedDeadline!: string;
}

export class ExtensionDecisionCommand {
  @IsOptional() @Transform(trim) @IsString() @MaxLength(2_000) reason?: string;
}

export class RefuseExtensionCommand {
  @Transform(trim) @IsString() @IsNotEmpty({ message: 'reason 不能为空' }) @MaxLength(2_000) reason!: string;
}
