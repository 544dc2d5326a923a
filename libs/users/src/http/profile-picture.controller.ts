import { Controller, Put } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';

import {
  AuthenticatedUser,
  CurrentUser,
  ImageUpload,
  ResponseMessage,
  UploadedImage,
} from '@vexora/shared';

import { UpdateProfilePictureUseCase } from '../application/update-profile-picture.use-case';

@ApiTags('users')
@ApiBearerAuth()
@Controller('user/profile-picture')
export class ProfilePictureController {
  constructor(private readonly updatePicture: UpdateProfilePictureUseCase) {}

  @Put()
  @ImageUpload()
  @ResponseMessage('Profile picture updated', true)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      properties: {
        image: {
          description:
            'JPEG, PNG, GIF or WebP (judged by its bytes), at most 10 MB',
          format: 'binary',
          type: 'string',
        },
      },
      required: ['image'],
      type: 'object',
    },
  })
  @ApiOkResponse({
    description:
      '`data` is null; GET /user then holds the new `profile_picture` URL and `file_id`',
    schema: { example: null, nullable: true },
  })
  @ApiBadRequestResponse({
    description: 'No file in the multipart field `image`',
  })
  @ApiUnauthorizedResponse({ description: 'Missing or invalid access token' })
  @ApiNotFoundResponse({ description: 'The account no longer exists' })
  @ApiPayloadTooLargeResponse({
    description: 'Upload over 10 MB or too many pixels',
  })
  @ApiUnsupportedMediaTypeResponse({
    description: 'Not a readable JPEG, PNG, GIF or WebP',
  })
  @ApiTooManyRequestsResponse({
    description: 'Rate limited; see the Retry-After header',
  })
  @ApiBadGatewayResponse({
    description: 'The picture storage failed; the profile is unchanged',
  })
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @UploadedImage() image: Express.Multer.File,
  ): Promise<null> {
    await this.updatePicture.execute(user.uuid, image.buffer);

    return null;
  }
}
