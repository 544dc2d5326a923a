import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

import {
  AppConfig,
  AuthenticatedUser,
  CurrentUser,
  DomainError,
  ErrorCode,
  ResponseMessage,
} from '@vexora/shared';

import { HistoryQueries } from '../application/history-queries';
import {
  HistoryEntryResponse,
  HistoryTrackResponse,
  MostMoodResponse,
} from './history.responses';
import { ListHistoryQuery } from './list-history.query';

const historyUuidPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new DomainError(ErrorCode.BadRequest, 'history_uuid must be a UUID'),
});

@ApiTags('history')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing or invalid access token' })
@Controller()
export class HistoryController {
  constructor(
    private readonly config: AppConfig,
    private readonly queries: HistoryQueries,
  ) {}

  @Get('history')
  @ResponseMessage('History loaded')
  @ApiOkResponse({
    type: [HistoryEntryResponse],
    description:
      'Newest first; empty array without history. Without `limit` the whole history.',
  })
  @ApiBadRequestResponse({ description: 'A malformed `limit` or `before`' })
  @ApiNotFoundResponse({ description: '`before` is not one of your entries' })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListHistoryQuery,
  ): Promise<HistoryEntryResponse[]> {
    const entries = await this.queries.list(user.uuid, {
      before: query.before?.toLowerCase(),
      limit: query.limit,
    });

    return entries.map((entry) => HistoryEntryResponse.from(entry));
  }

  @Get('history/most-mood')
  @ResponseMessage('Most frequent mood')
  @ApiOkResponse({ type: MostMoodResponse })
  async mostMood(
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<MostMoodResponse> {
    return { mood: await this.queries.mostFrequentMood(user.uuid) };
  }

  @Get('music/:history_uuid')
  @ResponseMessage('Tracks of this detection')
  @ApiOkResponse({ type: [HistoryTrackResponse] })
  @ApiNotFoundResponse({ description: 'No such entry for this user' })
  async tracks(
    @CurrentUser() user: AuthenticatedUser,
    @Param('history_uuid', historyUuidPipe) historyUuid: string,
  ): Promise<HistoryTrackResponse[]> {
    const tracks = await this.queries.tracksOf(user.uuid, historyUuid);
    const cover = this.config.publicUrl('assets/cover.png');

    return tracks.map((item) => HistoryTrackResponse.from(item, cover));
  }
}
