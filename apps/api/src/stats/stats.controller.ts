import type { AssignmentRole, OverdueStatsDto, StatsMatrixDto, StatsTrendDto } from '@duban/domain';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CurrentUser, type AuthUser } from '../auth/auth.decorators';
import { StatsService } from './stats.service';

class OverdueStatsQuery {
  @ApiPropertyOptional({ enum: ['lead', 'participant'], default: 'lead' })
  @IsOptional()
  @IsIn(['lead', 'participant'])
  role?: AssignmentRole;
}

class TrendQuery {
  @ApiPropertyOptional({ default: 12, minimum: 1, maximum: 104 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(104)
  weeks?: number;
}

@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('overdue')
  @ApiOperation({
    summary: 'Totals, rates and light counts by department (lead by default) and by document, from counters',
  })
  overdue(@Query() query: OverdueStatsQuery, @CurrentUser() user: AuthUser): Promise<OverdueStatsDto> {
    return this.stats.overdue(user, query.role);
  }

  @Get('matrix')
  @ApiOperation({ summary: 'Department × document counts (total, done, overdue)' })
  matrix(@Query() query: OverdueStatsQuery, @CurrentUser() user: AuthUser): Promise<StatsMatrixDto> {
    return this.stats.matrix(user, query.role);
  }

  @Get('trend')
  @ApiOperation({ summary: 'Open and overdue tasks at the end of each of the last weeks' })
  trend(@Query() query: TrendQuery, @CurrentUser() user: AuthUser): Promise<StatsTrendDto> {
    return this.stats.trend(user, query.weeks ?? 12);
  }
}
