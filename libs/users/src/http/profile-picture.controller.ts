import { Controller, Put, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
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
  DomainError,
  ErrorCode,
  ResponseMessage,
} from '@vexora/shared';

import { UpdateProfilePictureUseCase } from '../application/update-profile-picture.use-case';

@ApiTags('users')
@ApiBearerAuth()
@Controller('user/profile-picture')
export class ProfilePictureController {
  constructor(private readonly updatePicture: UpdateProfilePictureUseCase) {}

  @Put()
  @UseInterceptors(FileInterceptor('image'))
  @ResponseMessage('Profile picture updated', true)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      properties: {
        image: {
          description: 'PNG or JPEG (judged by its bytes), at most 10 MB',
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
    description: 'Not a readable PNG or JPEG',
  })
  @ApiTooManyRequestsResponse({
    description: 'Rate limited; see the Retry-After header',
  })
  @ApiBadGatewayResponse({
    description: 'The picture storage failed; the profile is unchanged',
  })
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @UploadedFile() image: Express.Multer.File | undefined,
  ): Promise<null> {
    if (!image || image.size === 0) {
      throw new DomainError(
        ErrorCode.BadRequest,
        'Send the picture as the multipart field "image"',
      );
    }

    await this.updatePicture.execute(user.uuid, image.buffer);

    return null;
  }
}
