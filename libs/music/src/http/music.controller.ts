import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

import { AppConfig, ResponseMessage } from '@vexora/shared';

import {
  BrowseMusicUseCase,
  BrowseResult,
} from '../application/browse-music.use-case';
import { MusicListResponse } from './music-list.response';
import { SearchMusicQuery } from './search-music.query';
import { TrackIdParams } from './track-id.params';

const PLACEHOLDER_COVER = 'assets/cover.png';

/**
 * Music browsing. The paths keep the old server's `/spotify` prefix the app
 * calls; the local catalogue answers when Spotify is not configured or fails.
 */
@ApiTags('music')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing or invalid access token' })
@Controller('spotify')
export class MusicController {
  constructor(
    private readonly browse: BrowseMusicUseCase,
    private readonly config: AppConfig,
  ) {}

  @Get('random-playlist')
  @ResponseMessage('Random playlist')
  @ApiOperation({ summary: 'Ten random tracks' })
  @ApiOkResponse({ type: MusicListResponse })
  async randomPlaylist(): Promise<MusicListResponse> {
    return this.respond(await this.browse.random());
  }

  @Get('search')
  @ResponseMessage('Search results')
  @ApiOperation({
    summary: 'Up to ten tracks matching every word, ignoring case and accents',
  })
  @ApiOkResponse({ type: MusicListResponse })
  @ApiBadRequestResponse({ description: 'search missing, empty or too long' })
  async search(@Query() query: SearchMusicQuery): Promise<MusicListResponse> {
    return this.respond(await this.browse.search(query.search));
  }

  @Get(':id')
  @ResponseMessage('Track')
  @ApiOperation({ summary: 'One track by its Spotify id' })
  @ApiOkResponse({ type: MusicListResponse })
  @ApiBadRequestResponse({ description: 'id is not 22 base62 characters' })
  @ApiNotFoundResponse({ description: 'No track with this id' })
  async findById(@Param() params: TrackIdParams): Promise<MusicListResponse> {
    return this.respond(await this.browse.findById(params.id));
  }

  private respond(result: BrowseResult): MusicListResponse {
    return MusicListResponse.from(
      result,
      this.config.publicUrl(PLACEHOLDER_COVER),
    );
  }
}
