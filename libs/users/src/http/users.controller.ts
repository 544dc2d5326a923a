import { Body, Controller, Get, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiConsumes,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

import {
  AppConfig,
  AuthenticatedUser,
  CurrentUser,
  FormFields,
  ResponseMessage,
} from '@vexora/shared';

import { GetProfileUseCase } from '../application/get-profile.use-case';
import { UpdateProfileUseCase } from '../application/update-profile.use-case';
import { ProfileResponse } from './profile.response';
import { UpdateProfileDto } from './update-profile.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller('user')
export class UsersController {
  constructor(
    private readonly config: AppConfig,
    private readonly getProfile: GetProfileUseCase,
    private readonly updateProfile: UpdateProfileUseCase,
  ) {}

  @Get()
  @ResponseMessage('Profile loaded')
  @ApiOkResponse({
    type: ProfileResponse,
    description: 'The signed-in user (inside the envelope `data`)',
  })
  @ApiUnauthorizedResponse({
    description: 'Missing, invalid, expired or revoked access token',
  })
  async profile(
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ProfileResponse> {
    const profile = await this.getProfile.execute(user.uuid);

    return ProfileResponse.from(
      profile,
      this.config.publicUrl('assets/avatar.png'),
    );
  }

  @Put()
  // Multipart without files is accepted too: older app builds send a form.
  @FormFields()
  @ResponseMessage('Profile updated', true)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiOkResponse({ type: ProfileResponse })
  @ApiBadRequestResponse({ description: 'Invalid name or username' })
  @ApiConflictResponse({ description: 'Username taken' })
  @ApiUnauthorizedResponse({ description: 'Missing or invalid access token' })
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: UpdateProfileDto,
  ): Promise<ProfileResponse> {
    const profile = await this.updateProfile.execute(user.uuid, body);

    return ProfileResponse.from(
      profile,
      this.config.publicUrl('assets/avatar.png'),
    );
  }
}
