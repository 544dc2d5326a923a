import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

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
  @IsString({ message: 'search must be a string' })
  @IsNotEmpty({ message: 'search must not be empty' })
  @MaxLength(SEARCH_MAX_LENGTH, {
    message: `search must be at most ${SEARCH_MAX_LENGTH} characters`,
  })
  search: string;
}
