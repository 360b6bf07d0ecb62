import type { AssignmentRole, OverdueStatsDto } from '@duban/domain';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentUser, type AuthUser } from '../auth/auth.decorators';
import { StatsService } from './stats.service';

class OverdueStatsQuery {
  @ApiPropertyOptional({ enum: ['lead', 'participant'], default: 'lead' })
  @IsOptional()
  @IsIn(['lead', 'participant'])
  role?: AssignmentRole;
}

@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('overdue')
  @ApiOperation({ summary: 'Totals and overdue counts by department (lead by default) and by document' })
  overdue(@Query() query: OverdueStatsQuery, @CurrentUser() user: AuthUser): Promise<OverdueStatsDto> {
    return this.stats.overdue(user, query.role);
  }
}
