import { Body, Controller, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

import {
  AppConfig,
  AuthenticatedUser,
  AuthRateLimit,
  CurrentUser,
  Public,
  ResponseMessage,
} from '@vexora/shared';
import { ProfileResponse } from '@vexora/users';

import { ChangePasswordUseCase } from '../application/change-password.use-case';
import { LoginUseCase } from '../application/login.use-case';
import { LogoutUseCase } from '../application/logout.use-case';
import { RefreshSessionUseCase } from '../application/refresh-session.use-case';
import { RegisterUseCase } from '../application/register.use-case';
import { ResetPasswordUseCase } from '../application/reset-password.use-case';
import { SendCodeUseCase } from '../application/send-code.use-case';
import { VerifyEmailUseCase } from '../application/verify-email.use-case';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { RegisterDto } from './dto/register.dto';
import { ResetPasswordDto } from './dto/reset-password.dto';
import { SendOtpDto } from './dto/send-otp.dto';
import { TokenPairResponse } from './dto/token-pair.response';
import { VerifyEmailDto } from './dto/verify-email.dto';

@ApiTags('auth')
@ApiBadRequestResponse({
  description: 'Invalid body; the message names the fields',
})
@ApiTooManyRequestsResponse({
  description: 'Rate limited; see the Retry-After header',
})
@Controller()
export class AuthController {
  constructor(
    private readonly config: AppConfig,
    private readonly registerUser: RegisterUseCase,
    private readonly sendCode: SendCodeUseCase,
    private readonly verifyEmail: VerifyEmailUseCase,
    private readonly login: LoginUseCase,
    private readonly refreshSession: RefreshSessionUseCase,
    private readonly logout: LogoutUseCase,
    private readonly resetPassword: ResetPasswordUseCase,
    private readonly changePassword: ChangePasswordUseCase,
  ) {}

  @Public()
  @AuthRateLimit()
  @Post('register')
  @ResponseMessage(
    'Account created. Verify your e-mail address to sign in.',
    true,
  )
  @ApiOkResponse({
    type: ProfileResponse,
    description: 'The new, unverified account',
  })
  @ApiConflictResponse({ description: 'E-mail or username already taken' })
  async register(@Body() body: RegisterDto): Promise<ProfileResponse> {
    const user = await this.registerUser.execute(body);

    return ProfileResponse.from(
      user,
      this.config.publicUrl('assets/avatar.png'),
    );
  }

  @Public()
  @AuthRateLimit()
  @Post('send-otp')
  @ResponseMessage(
    'If an account uses this e-mail, a code is on its way.',
    true,
  )
  @ApiOkResponse({
    description: 'Same answer whether or not the address has an account',
  })
  async sendOtp(@Body() body: SendOtpDto): Promise<null> {
    await this.sendCode.execute(body.email, body.purpose);

    return null;
  }

  @Public()
  @AuthRateLimit()
  @Post('verify-email')
  @ResponseMessage('E-mail verified. You can sign in now.', true)
  @ApiOkResponse({ description: 'The address is verified' })
  async verify(@Body() body: VerifyEmailDto): Promise<null> {
    await this.verifyEmail.execute(body.email, body.otp);

    return null;
  }

  @Public()
  @AuthRateLimit()
  @Post('login')
  @ResponseMessage('Signed in')
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password' })
  @ApiForbiddenResponse({ description: 'E-mail not verified yet' })
  async signIn(@Body() body: LoginDto): Promise<TokenPairResponse> {
    return TokenPairResponse.from(
      await this.login.execute(body.username, body.password),
    );
  }

  @Public()
  @AuthRateLimit()
  @Post('refresh')
  @ResponseMessage('Session refreshed')
  @ApiOkResponse({
    type: TokenPairResponse,
    description: 'A new pair; the refresh token handed in is spent',
  })
  @ApiUnauthorizedResponse({
    description: 'Invalid, expired, spent or revoked refresh token',
  })
  async refresh(@Body() body: RefreshTokenDto): Promise<TokenPairResponse> {
    return TokenPairResponse.from(
      await this.refreshSession.execute(body.refresh_token),
    );
  }

  @Post('logout')
  @ApiBearerAuth()
  @ResponseMessage('Signed out')
  @ApiOkResponse({
    description: 'The access token and the refresh token no longer work',
  })
  @ApiUnauthorizedResponse({ description: 'Missing or invalid access token' })
  async signOut(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: RefreshTokenDto,
  ): Promise<null> {
    await this.logout.execute(user, body.refresh_token);

    return null;
  }

  @Public()
  @AuthRateLimit()
  @Post('reset-password')
  @ResponseMessage('Password changed. Sign in with the new one.', true)
  @ApiOkResponse({
    description: 'Password replaced; every session is signed out',
  })
  async reset(@Body() body: ResetPasswordDto): Promise<null> {
    await this.resetPassword.execute(body.email, body.otp, body.new_password);

    return null;
  }

  @Put('user/change-password')
  @ApiBearerAuth()
  @ApiTags('users')
  @ResponseMessage('Password changed', true)
  @ApiOkResponse({
    description: 'Password replaced; other sessions are signed out',
  })
  @ApiUnauthorizedResponse({
    description: 'Not signed in, or the previous password is wrong',
  })
  async change(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ChangePasswordDto,
  ): Promise<null> {
    await this.changePassword.execute(
      user,
      body.previous_password,
      body.new_password,
    );

    return null;
  }
}
