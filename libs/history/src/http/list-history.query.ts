import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const HISTORY_PAGE_MAX = 100;

/**
 * Optional paging of `GET /history`. Without it the whole history comes
 * back, as the mobile app expects; other query keys it sends are stripped.
 */
export class ListHistoryQuery {
  @ApiPropertyOptional({
    description: `At most this many entries (1 to ${HISTORY_PAGE_MAX})`,
    example: 20,
    maximum: HISTORY_PAGE_MAX,
    minimum: 1,
  })
  @IsOptional()
  // Plain decimal digits only: Number() would also take "1e1" or "0x10".
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d{1,3}$/.test(value)
      ? Number(value)
      : value,
  )
  @IsInt({
    message: `limit must be a whole number from 1 to ${HISTORY_PAGE_MAX}`,
  })
  @Min(1, {
    message: `limit must be a whole number from 1 to ${HISTORY_PAGE_MAX}`,
  })
  @Max(HISTORY_PAGE_MAX, {
    message: `limit must be a whole number from 1 to ${HISTORY_PAGE_MAX}`,
  })
  limit?: number;

  @ApiPropertyOptional({
    description:
      'The uuid of the last entry of the previous page: list the older ones',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID('all', { message: 'before must be a history entry uuid' })
  before?: string;
}
