import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';

import { RequiredText } from '@vexora/shared';

export const SEARCH_MAX_LENGTH = 100;

/** `GET /spotify/search?search=`; other query keys the app sends are stripped. */
export class SearchMusicQuery {
  @ApiProperty({
    description: 'Words to find in title, artist, album or genre',
    example: 'deja vu',
    maxLength: SEARCH_MAX_LENGTH,
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim() : value,
  )
  @RequiredText('search', SEARCH_MAX_LENGTH)
  search: string;
}
