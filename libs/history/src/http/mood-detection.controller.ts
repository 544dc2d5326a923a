import { Controller, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';

import {
  AppConfig,
  AuthenticatedUser,
  CurrentUser,
  ImageUpload,
  ResponseMessage,
  UploadedImage,
} from '@vexora/shared';
import { toTrackResponse } from '@vexora/music';

import {
  DetectMoodUseCase,
  StageTimings,
} from '../application/detect-mood.use-case';
import { MoodDetectionResponse } from './history.responses';

const STAGES = [
  'decode',
  'detect',
  'classify',
  'rank',
  'save',
  'total',
] as const;

/** Per-stage durations as a Server-Timing header, for clients and the benchmark. */
function serverTiming(timings: StageTimings): string {
  return STAGES.map(
    (stage) => `${stage};dur=${timings[`${stage}Ms`].toFixed(2)}`,
  ).join(', ');
}

@ApiTags('mood detection')
@ApiBearerAuth()
@Controller('mood-detection')
export class MoodDetectionController {
  constructor(
    private readonly config: AppConfig,
    private readonly detectMood: DetectMoodUseCase,
  ) {}

  @Post()
  @ImageUpload()
  @ResponseMessage('Mood detected')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      properties: {
        image: {
          format: 'binary',
          type: 'string',
          description: 'JPEG, PNG, GIF or WebP, at most 10 MB',
        },
      },
      required: ['image'],
      type: 'object',
    },
  })
  @ApiOkResponse({ type: MoodDetectionResponse })
  @ApiBadRequestResponse({ description: 'No `image` field' })
  @ApiUnauthorizedResponse({ description: 'Missing or invalid access token' })
  @ApiPayloadTooLargeResponse({
    description: 'Upload over 10 MB or too many pixels',
  })
  @ApiUnsupportedMediaTypeResponse({
    description: 'Not an image the service can read',
  })
  @ApiUnprocessableEntityResponse({ description: 'No face found in the image' })
  async detect(
    @CurrentUser() user: AuthenticatedUser,
    @UploadedImage() image: Express.Multer.File,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MoodDetectionResponse> {
    const result = await this.detectMood.execute(user.uuid, image.buffer);
    response.setHeader('Server-Timing', serverTiming(result.timings));
    const cover = this.config.publicUrl('assets/cover.png');

    return {
      created_at: result.entry.createdAt.toISOString(),
      detected_mood: result.entry.mood,
      face: result.entry.face,
      history_uuid: result.entry.uuid,
      music: result.tracks.map((item) => toTrackResponse(item.track, cover)),
      scores: result.entry.scores,
    };
  }
}
